import { loadDemoData } from '../demo/load-demo'
import { getDatabase, getDb } from '../db'
import { applyMigrations } from './migrate'

// What `npm start` does before serving: migrate, then load the demo data into a new database.
export async function prepareDatabase({ demo, log }: { demo: boolean; log: (line: string) => void }): Promise<void> {
  const database = await getDatabase()
  const result = await applyMigrations(database.pool, undefined, (line) => log(`  ${line}`))
  log(
    result.applied.length > 0
      ? `Database: ${database.description}, applied ${result.applied.length} migration(s).`
      : `Database: ${database.description}, up to date.`,
  )
  if (demo) {
    const loaded = await loadDemoData(getDb())
    if (loaded.loaded) log(`Loaded ${loaded.articles} demo articles.`)
  }
  // PGlite has no autovacuum: without fresh statistics the planner misjudges the timeline's
  // index ranges as the archive grows. ANALYZE samples, so it stays quick on large databases.
  if (database.config.kind === 'pglite') await database.pool.session((session) => session.exec('ANALYZE'))
}
