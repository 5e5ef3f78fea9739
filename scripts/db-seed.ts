// npm run db:seed — loads the demo articles into an empty, migrated database.
import { runCommand } from '../lib/cli/run'
import { loadDemoData } from '../lib/demo/load-demo'

runCommand(async () => {
  const result = await loadDemoData()
  console.log(result.loaded ? `Loaded ${result.articles} demo articles.` : 'The database already has data (or had the demo once): nothing loaded.')
  return 0
})
