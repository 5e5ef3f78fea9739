// Applies prisma/migrations/*/migration.sql in order and records them in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, so a deployment can switch to the Prisma CLI (or
// back) without a history rewrite. The native schema engine that normally does this cannot
// be installed offline, hence this runner.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { SqlPool, SqlSession } from './sql'

export const defaultMigrationsDir = path.join(process.cwd(), 'prisma', 'migrations')

// The key Prisma itself takes, so our runner and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK_KEY = 72707369

// Prisma's own DDL for its history table.
const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`

export type Migration = { name: string; sql: string; checksum: string }

type HistoryRow = {
  id: string
  checksum: string
  migration_name: string
  finished_at: Date | string | null
  rolled_back_at: Date | string | null
  logs: string | null
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MigrationError'
  }
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex')
}

// Prisma accepts a file whose line endings were converted by git on another OS.
function matchesChecksum(sql: string, checksum: string): boolean {
  return checksumOf(sql) === checksum || checksumOf(sql.replace(/\r\n/g, '\n')) === checksum
}

// Read at run time from the checkout (not bundled): tell the bundler's file tracer to look away.
export function readMigrations(dir: string = defaultMigrationsDir): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return []
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: checksumOf(sql) }
    })
}

export type MigrationState = {
  applied: string[]
  pending: string[]
  // Started and never finished nor marked rolled back: nothing may run until an operator resolves it.
  failed: { name: string; logs: string | null }[]
  modified: string[]
  missingLocally: string[]
}

async function readHistory(session: SqlSession): Promise<HistoryRow[]> {
  const exists = await session.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`)
  if (!exists[0]?.present) return []
  return session.query<HistoryRow>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  )
}

function compare(history: HistoryRow[], migrations: Migration[]): MigrationState {
  const local = new Map(migrations.map((m) => [m.name, m]))
  const live = history.filter((row) => row.rolled_back_at === null)
  const finished = live.filter((row) => row.finished_at !== null)
  const finishedNames = new Set(finished.map((row) => row.migration_name))
  return {
    applied: finished.map((row) => row.migration_name),
    pending: migrations.filter((m) => !finishedNames.has(m.name)).map((m) => m.name),
    failed: live.filter((row) => row.finished_at === null).map((row) => ({ name: row.migration_name, logs: row.logs })),
    modified: finished
      .filter((row) => {
        const file = local.get(row.migration_name)
        return file !== undefined && !matchesChecksum(file.sql, row.checksum)
      })
      .map((row) => row.migration_name),
    missingLocally: finished.filter((row) => !local.has(row.migration_name)).map((row) => row.migration_name),
  }
}

export async function getMigrationState(pool: SqlPool, migrations: Migration[] = readMigrations()): Promise<MigrationState> {
  return pool.session(async (session) => compare(await readHistory(session), migrations))
}

// Throws the one error an operator needs to read when the history forbids going on.
function refuseUnsafeHistory(state: MigrationState): void {
  const [failed] = state.failed
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.name} failed earlier and was rolled back by its transaction:\n` +
        `${failed.logs ?? '(no log)'}\n` +
        `Fix the migration or the data, then run: npm run db:migrate -- --resolve-rolled-back ${failed.name}`,
    )
  }
  if (state.modified.length > 0) {
    throw new MigrationError(
      `Migration file(s) changed after being applied: ${state.modified.join(', ')}. ` +
        'Restore the original file(s) and put the change in a new migration (npm run db:diff -- <name>).',
    )
  }
  if (state.missingLocally.length > 0) {
    throw new MigrationError(
      `The database has migration(s) that this checkout does not: ${state.missingLocally.join(', ')}. ` +
        'It was migrated by a newer version of Claimline; run that version, or restore a backup.',
    )
  }
}

async function withAdvisoryLock<T>(session: SqlSession, fn: () => Promise<T>): Promise<T> {
  await session.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY])
  try {
    return await fn()
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY])
  }
}

// The history row, the script and its "finished" mark commit together, so a crash mid-way
// leaves no trace and the next run simply retries. Inside the transaction the runner checks
// again that nobody applied the migration meanwhile: on PostgreSQL the advisory lock already
// ensures it, but runners that reach PGlite through its owner's socket share one session, where
// advisory locks do not exclude each other — there the owner's gate serialises transactions.
async function applyOne(session: SqlSession, migration: Migration): Promise<'applied' | 'skipped'> {
  const id = randomUUID()
  try {
    await session.exec('BEGIN')
    const done = await session.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`, [
      migration.name,
    ])
    if (done.length > 0) {
      await session.exec('ROLLBACK')
      return 'skipped'
    }
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    )
    await session.exec(migration.sql)
    await session.query(`UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id])
    await session.exec('COMMIT')
    return 'applied'
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await session.exec('ROLLBACK').catch(() => {})
    // Recorded as Prisma records a failed migration (started, not finished, with its log), so
    // that neither this runner nor `prisma migrate deploy` goes on until someone resolves it.
    await session
      .query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs, applied_steps_count)
         VALUES ($1, $2, $3, clock_timestamp(), $4, 0)`,
        [id, migration.checksum, migration.name, message],
      )
      .catch(() => {}) // the connection itself may be gone; the original error is what matters
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`)
  }
}

export type MigrateResult = { applied: string[]; alreadyApplied: number }

export async function applyMigrations(
  pool: SqlPool,
  migrations: Migration[] = readMigrations(),
  log: (line: string) => void = () => {},
): Promise<MigrateResult> {
  return pool.session((session) =>
    withAdvisoryLock(session, async () => {
      await session.exec(CREATE_HISTORY_TABLE)
      const state = compare(await readHistory(session), migrations)
      refuseUnsafeHistory(state)
      const applied: string[] = []
      for (const migration of migrations.filter((m) => state.pending.includes(m.name))) {
        log(`applying ${migration.name}`)
        if ((await applyOne(session, migration)) === 'applied') applied.push(migration.name)
      }
      return { applied, alreadyApplied: state.applied.length }
    }),
  )
}

// The equivalent of `prisma migrate resolve --rolled-back <name>`.
export async function markRolledBack(pool: SqlPool, name: string): Promise<void> {
  await pool.session(async (session) => {
    const rows = await session.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now()
        WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL RETURNING id`,
      [name],
    )
    if (rows.length === 0) throw new MigrationError(`No failed migration named ${name} to mark as rolled back.`)
  })
}

// For the commands that may be a new installation's first (npm run db:seed, claimline import):
// migrate as `npm start` does, with one line saying so, instead of failing on missing tables.
// A database that is up to date is left untouched; a failed or edited history is refused with
// the runner's own message, as `npm start` refuses it.
export async function migrateFirst(database: { pool: SqlPool; description: string }, log: (line: string) => void): Promise<void> {
  const state = await getMigrationState(database.pool)
  const clean = state.pending.length + state.failed.length + state.modified.length + state.missingLocally.length === 0
  if (clean) return
  if (state.pending.length > 0 && state.failed.length === 0) {
    log(`Applying ${state.pending.length} pending migration${state.pending.length === 1 ? '' : 's'} to ${database.description} first…`)
  }
  await applyMigrations(database.pool)
}
