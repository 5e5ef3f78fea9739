// Authors migrations and checks for drift without Prisma's native schema engine (which cannot be
// downloaded here): replays prisma/migrations on a throwaway in-memory PGlite with the project's
// own runner, then asks the WASM schema engine what SQL turns that database into schema.prisma.
//
//   npm run db:diff -- <name>   write prisma/migrations/<UTC timestamp>_<name>/migration.sql
//   npm run db:drift            (--check) exit 0 when they agree, 2 when a migration is missing, 1 on errors
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { applyMigrations, defaultMigrationsDir, readMigrations, type Migration } from '../lib/database/migrate'
import { pglitePool } from '../lib/database/pglite-pool'
import { openEngine } from './lib/schema-engine'

const schemaPath = path.join(process.cwd(), 'prisma', 'schema.prisma')
const migrationsDir = defaultMigrationsDir
const USAGE = 'Usage: npm run db:diff -- <name>   (e.g. npm run db:diff -- add_claim_tags)\n       npm run db:drift'
// `_prisma_migrations.migration_name` is VARCHAR(255); the timestamp and "_" take 15.
const MAX_NAME_LENGTH = 200

type Args = { mode: 'help' } | { mode: 'check' } | { mode: 'create'; name: string }

function parseArgs(argv: string[]): Args {
  const flags = argv.filter((arg) => arg.startsWith('-'))
  const words = argv.filter((arg) => !arg.startsWith('-'))
  if (flags.includes('--help') || flags.includes('-h')) return { mode: 'help' }
  const unknown = flags.filter((flag) => flag !== '--check')
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')}\n${USAGE}`)
  if (flags.length > 0) {
    if (words.length > 0) throw new Error(`--check takes no name\n${USAGE}`)
    return { mode: 'check' }
  }
  const name = words
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/^_|_$/g, '')
  if (!name) throw new Error(`A migration name is required (letters, digits, underscores).\n${USAGE}`)
  return { mode: 'create', name }
}

// Replays `migrations` on a fresh in-memory database and returns the SQL that would still be
// needed to reach schema.prisma ('' when none).
async function missingSql(migrations: Migration[]): Promise<string> {
  const pglite = new PGlite()
  try {
    await applyMigrations(pglitePool(pglite), migrations)
    const engine = await openEngine(pglite, schemaPath)
    try {
      const sql = await engine.diffDatabaseToSchema()
      // The engine ignores Prisma's own history table; make sure that never changes silently.
      if (sql.includes('_prisma_migrations')) throw new Error(`The schema engine tried to change _prisma_migrations:\n${sql}`)
      return sql
    } finally {
      engine.close()
    }
  } finally {
    await pglite.close()
  }
}

function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14) // YYYYMMDDHHMMSS
}

async function check(): Promise<number> {
  const migrations = readMigrations(migrationsDir)
  const sql = await missingSql(migrations)
  if (!sql) {
    console.log(`schema.prisma and prisma/migrations agree (${migrations.length} migrations)`)
    return 0
  }
  console.error('schema.prisma has changes that no migration in prisma/migrations contains. Missing SQL:\n')
  console.error(sql)
  console.error('Create the migration with: npm run db:diff -- <name>')
  return 2
}

async function create(name: string): Promise<number> {
  const earlier = readMigrations(migrationsDir)
  const sql = await missingSql(earlier)
  if (!sql) {
    console.log('No schema changes: nothing to do.')
    return 0
  }

  const folder = `${utcTimestamp(new Date())}_${name}`
  // The SQL was computed on top of every existing migration, so it must also run after them.
  const last = earlier.at(-1)?.name
  if (last !== undefined && folder <= last) {
    throw new Error(`${folder} would not sort after the latest migration ${last} (clock skew?); not writing it.`)
  }
  const dir = path.join(migrationsDir, folder)
  if (existsSync(dir)) throw new Error(`${dir} already exists`)
  const file = path.join(dir, 'migration.sql')
  mkdirSync(dir, { recursive: true })
  writeFileSync(file, sql)
  console.log(`Created ${path.relative(process.cwd(), file)}:\n`)
  console.log(sql)

  // Verify what CI will see: the files as read back from disk, on a fresh database.
  try {
    const all = readMigrations(migrationsDir)
    if (all.at(-1)?.name !== folder) throw new Error(`${folder} is not the last migration read back from ${migrationsDir}`)
    const remaining = await missingSql(all)
    if (remaining) throw new Error(`After applying it, schema.prisma still differs:\n${remaining}`)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    console.error(
      `Verification failed; removed ${path.relative(process.cwd(), dir)}. If the engine's SQL cannot run in one\n` +
        'transaction (e.g. a new enum value used in the same migration), make the change in smaller steps.',
    )
    throw error
  }
  console.log(`Verified: applies on a fresh database after ${earlier.length} earlier migration(s) and leaves no difference.`)
  return 0
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (args.mode === 'help') {
    console.log(USAGE)
    return 0
  }
  return args.mode === 'check' ? check() : create(args.name)
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // Usage, migration and engine errors (e.g. P1012, a schema.prisma syntax error) read best
    // without a stack trace; DB_DIFF_DEBUG=1 shows it.
    console.error(error instanceof Error && !process.env.DB_DIFF_DEBUG ? error.message : error)
    process.exitCode = 1
  },
)
