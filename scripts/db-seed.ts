// npm run db:seed — loads the demo articles into an empty database, migrating it first if needed.
import { runCommand } from '../lib/cli/run'
import { migrateFirst } from '../lib/database/migrate'
import { getDatabase } from '../lib/db'
import { loadDemoData } from '../lib/demo/load-demo'

runCommand(async () => {
  await migrateFirst(await getDatabase(), (line) => console.log(line))
  const result = await loadDemoData()
  console.log(result.loaded ? `Loaded ${result.articles} demo articles.` : 'The database already has data (or had the demo once): nothing loaded.')
  return 0
})
