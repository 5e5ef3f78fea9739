// Run by `npm start` in a process of its own (PGlite's memory is not returned when it
// closes, and the starter process lives as long as the server): migrate, then load the
// demo data into a new database.
import { prepareDatabase } from '../lib/database/prepare'
import { closeDb } from '../lib/db'
import { getEnv } from '../lib/env'

prepareDatabase({ demo: getEnv().CLAIMLINE_DEMO_DATA === '1', log: (line) => console.log(line) })
  .then(() => closeDb())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    await closeDb().catch(() => {})
    process.exit(1)
  })
