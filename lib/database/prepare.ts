import path from 'node:path'
import { loadDemoData } from '../demo/load-demo'
import { getDatabase, getDb } from '../db'
import { getEnv } from '../env'
import { parseDatabaseUrl } from './config'
import { embeddedDataExists } from './connect'
import { applyMigrations, getMigrationState } from './migrate'

// What `npm start` does before serving: migrate, then load the demo data into a new database.
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

// For the commands that may be a new installation's first (npm run db:seed, claimline import):
// migrate as `npm start` does, with one line saying so, instead of failing on missing tables.
// A database that is up to date is left untouched; a failed or edited history is refused with
// the runner's own message, as `npm start` refuses it.
export async function migrateFirst(log: (line: string) => void): Promise<void> {
  const database = await getDatabase()
  const state = await getMigrationState(database.pool)
  const clean = state.pending.length + state.failed.length + state.modified.length + state.missingLocally.length === 0
  if (clean) return
  if (state.pending.length > 0 && state.failed.length === 0) {
    log(`Applying ${state.pending.length} pending migration${state.pending.length === 1 ? '' : 's'} to ${database.description} first…`)
  }
  await applyMigrations(database.pool)
}
