// npm run db:migrate [-- --status | --resolve-rolled-back <name>]
// Applies pending migrations to the database DATABASE_URL names (the embedded one by default).
import { DataDirError } from '../lib/database/data-dir'
import { applyMigrations, getMigrationState, markRolledBack, MigrationError } from '../lib/database/migrate'
import { runCommand } from '../lib/cli/run'
import { getDatabase } from '../lib/db'

async function main(args: string[]): Promise<number> {
  const database = await getDatabase()
  if (args[0] === '--status') {
    const state = await getMigrationState(database.pool)
    console.log(`${database.description}: ${state.applied.length} applied, ${state.pending.length} pending`)
    for (const name of state.pending) console.log(`  pending  ${name}`)
    for (const { name } of state.failed) console.log(`  FAILED   ${name}`)
    for (const name of state.modified) console.log(`  MODIFIED ${name}`)
    return state.failed.length + state.modified.length > 0 ? 1 : 0
  }
  if (args[0] === '--resolve-rolled-back') {
    const name = args[1]
    if (!name) throw new MigrationError('Usage: npm run db:migrate -- --resolve-rolled-back <migration name>')
    await markRolledBack(database.pool, name)
    console.log(`Marked ${name} as rolled back; run npm run db:migrate to apply it again.`)
    return 0
  }
  const result = await applyMigrations(database.pool, undefined, (line) => console.log(`  ${line}`))
  console.log(
    result.applied.length > 0
      ? `${database.description}: applied ${result.applied.length} migration(s).`
      : `${database.description}: up to date (${result.alreadyApplied} migrations).`,
  )
  return 0
}

runCommand(
  () => main(process.argv.slice(2)),
  (error) =>
    error instanceof MigrationError || error instanceof DataDirError ? `db:migrate: ${error.message}` : String(error instanceof Error ? error.stack : error),
)
