// npm run db:seed — loads the demo articles into an empty, migrated database.
import { loadDemoData } from '../lib/demo/load-demo'
import { closeDb } from '../lib/db'

loadDemoData()
  .then(async (result) => {
    console.log(result.loaded ? `Loaded ${result.articles} demo articles.` : 'The database already has data (or had the demo once): nothing loaded.')
    await closeDb()
  })
  .catch(async (error: unknown) => {
    console.error(error)
    await closeDb().catch(() => {})
    process.exit(1)
  })
