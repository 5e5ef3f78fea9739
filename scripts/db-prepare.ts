// Run by `npm start` in a process of its own (PGlite's memory is not returned when it
// closes, and the starter process lives as long as the server): migrate, then load the
// demo data into a new database.
import { runCommand } from '../lib/cli/run'
import { prepareDatabase } from '../lib/database/prepare'
import { getEnv } from '../lib/env'

runCommand(async () => {
  await prepareDatabase({ demo: getEnv().CLAIMLINE_DEMO_DATA === '1', log: (line) => console.log(line) })
  return 0
})
