// Run by `npm start` in a process of its own (PGlite's memory is not returned when it
// closes, and the starter process lives as long as the server): migrate, then load the
// demo data into a new database. While nobody has an account it issues a fresh one-time
// setup code and prints it last, on a line of its own, for the starter to show the user.
import { issueSetupCode } from '../lib/auth/setup'
import { runCommand } from '../lib/cli/run'
import { getEnv } from '../lib/env'
import { prepareDatabase } from './lib/prepare-database'
import { SETUP_CODE_LINE } from './lib/setup-line'

runCommand(async () => {
  await prepareDatabase({ demo: getEnv().CLAIMLINE_DEMO_DATA === '1', log: (line) => console.log(line) })
  const code = await issueSetupCode()
  if (code) console.log(`${SETUP_CODE_LINE}${code}`)
  return 0
})
