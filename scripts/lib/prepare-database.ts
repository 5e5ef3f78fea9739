// What `npm start` does before serving (scripts/db-prepare.ts): migrate, then load the demo
// data into a new database. It sits above lib/, since it reaches from the database layer up to
// the demo data and ingestion.
import path from 'node:path'
import { parseDatabaseUrl } from '../../lib/database/config'
import { embeddedDataExists } from '../../lib/database/connect'
import { applyMigrations } from '../../lib/database/migrate'
import { getDatabase, getDb } from '../../lib/db'
import { loadDemoData } from '../../lib/demo/load-demo'
import { getEnv } from '../../lib/env'

// `log` hears each step as it starts: on a first start they take a while (PGlite creating its
// data directory, then the demo articles going through ingestion).
export async function prepareDatabase({ demo, log }: { demo: boolean; log: (line: string) => void }): Promise<void> {
  const config = parseDatabaseUrl(getEnv().DATABASE_URL)
  if (config.kind === 'pglite' && !embeddedDataExists(config)) {
    log(`Creating the embedded database in ${path.relative(process.cwd(), config.dataDir) || '.'} (first start only)…`)
  }
  const database = await getDatabase()
  const result = await applyMigrations(database.pool, undefined, (line) => log(`  ${line}`))
  log(
    result.applied.length > 0
      ? `Database: ${database.description}, applied ${result.applied.length} migration(s).`
      : `Database: ${database.description}, up to date.`,
  )
  if (demo) {
    const loaded = await loadDemoData(getDb(), { progress: log })
    if (loaded.loaded) log(`Loaded ${loaded.articles} demo articles.`)
  }
  // PGlite has no autovacuum: without fresh statistics the planner misjudges the timeline's
  // index ranges as the archive grows. ANALYZE samples, so it stays quick on large databases.
  if (database.config.kind === 'pglite') await database.pool.session((session) => session.exec('ANALYZE'))
}
