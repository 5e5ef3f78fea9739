import { afterEach, beforeEach, expect, inject, test } from 'vitest'
import { parseDatabaseUrl } from '@/lib/database/config'
import { openDatabase, type Database } from '@/lib/database/connect'
import { applyMigrations, checksumOf, getMigrationState, markRolledBack, MigrationError, readMigrations, type Migration } from '@/lib/database/migrate'
import { emptyDatabase, type TestDatabase } from './helpers/test-databases'

const provided = inject('database')
let target: TestDatabase
let database: Database

beforeEach(async () => {
  target = await emptyDatabase(provided.kind, provided.adminUrl)
  database = await openDatabase(parseDatabaseUrl(target.url))
})

afterEach(async () => {
  await database.close()
  await target.drop()
})

const migrations = readMigrations()
const broken = (sql: string): Migration => ({ name: '29990101000000_broken', sql, checksum: checksumOf(sql) })

async function history() {
  return database.pool.session((s) =>
    s.query<{ id: string; checksum: string; migration_name: string; finished_at: Date | null; applied_steps_count: number; logs: string | null }>(
      'SELECT id, checksum, migration_name, finished_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY started_at',
    ),
  )
}

async function tableExists(name: string): Promise<boolean> {
  const rows = await database.pool.session((s) => s.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`"${name}"`]))
  return rows[0]?.present === true
}

test('there is at least one migration and each has a migration.sql', () => {
  expect(migrations.length).toBeGreaterThan(0)
  for (const m of migrations) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/)
})

test('applies every migration and records it exactly as Prisma does', async () => {
  const result = await applyMigrations(database.pool, migrations)
  expect(result.applied).toEqual(migrations.map((m) => m.name))
  const rows = await history()
  expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name))
  for (const [i, row] of rows.entries()) {
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(row.checksum).toBe(migrations[i]?.checksum)
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(row.finished_at).not.toBeNull()
    expect(row.applied_steps_count).toBe(1)
    expect(row.logs).toBeNull()
  }
  for (const table of ['Article', 'Claim', 'ClaimLink', 'Entity', 'Outlet', 'Story', 'User', 'Session', 'AuditEvent']) {
    expect(await tableExists(table)).toBe(true)
  }
})

test('a second run applies nothing', async () => {
  await applyMigrations(database.pool, migrations)
  const again = await applyMigrations(database.pool, migrations)
  expect(again).toEqual({ applied: [], alreadyApplied: migrations.length })
  expect(await getMigrationState(database.pool, migrations)).toMatchObject({ pending: [], failed: [], modified: [] })
})

test('refuses to go on when an applied migration file was edited', async () => {
  await applyMigrations(database.pool, migrations)
  const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: checksumOf(`${m.sql}\n-- edited`) } : m))
  await expect(applyMigrations(database.pool, edited)).rejects.toThrow(/changed after being applied/)
})

test('accepts a file whose line endings git converted to CRLF', async () => {
  await applyMigrations(database.pool, migrations)
  const crlf = migrations.map((m) => ({ ...m, sql: m.sql.replace(/\n/g, '\r\n') }))
  await expect(applyMigrations(database.pool, crlf)).resolves.toEqual({ applied: [], alreadyApplied: migrations.length })
})

test('a failing migration is rolled back, recorded, and blocks further runs until resolved', async () => {
  const bad = broken('CREATE TABLE "HalfDone" (id integer);\nSELECT 1 / 0;')
  await expect(applyMigrations(database.pool, [...migrations, bad])).rejects.toThrow(MigrationError)
  expect(await tableExists('HalfDone')).toBe(false)
  const failedRow = (await history()).find((r) => r.migration_name === bad.name)
  expect(failedRow?.finished_at).toBeNull()
  expect(failedRow?.logs).toMatch(/division by zero/)

  const state = await getMigrationState(database.pool, [...migrations, bad])
  expect(state.failed.map((f) => f.name)).toEqual([bad.name])
  const fixed = broken('CREATE TABLE "HalfDone" (id integer);')
  await expect(applyMigrations(database.pool, [...migrations, fixed])).rejects.toThrow(/--resolve-rolled-back 29990101000000_broken/)

  await markRolledBack(database.pool, bad.name)
  await expect(applyMigrations(database.pool, [...migrations, fixed])).resolves.toMatchObject({ applied: [bad.name] })
  expect(await tableExists('HalfDone')).toBe(true)
})

test('refuses a database migrated by a newer checkout', async () => {
  await applyMigrations(database.pool, migrations)
  await expect(applyMigrations(database.pool, migrations.slice(0, -1))).rejects.toThrow(/this checkout does not/)
})

test('marking a migration that did not fail is an error', async () => {
  await applyMigrations(database.pool, migrations)
  await expect(markRolledBack(database.pool, migrations[0]?.name ?? '')).rejects.toThrow(/No failed migration/)
})
