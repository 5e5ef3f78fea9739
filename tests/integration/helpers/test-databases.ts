// Throw-away databases for integration tests: a PGlite data directory copied from a
// migrated template (new directories take seconds to initialise; a copy takes ~0.1 s),
// or a PostgreSQL database created from a migrated template database.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

export type TestDatabase = { url: string; drop(): Promise<void> }

export function tempDir(prefix = 'claimline-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

export function copyPGliteTemplate(templateDir: string): TestDatabase {
  const root = tempDir()
  const dataDir = path.join(root, 'db')
  cpSync(templateDir, dataDir, { recursive: true })
  return { url: `pglite:${dataDir}`, drop: async () => rmSync(root, { recursive: true, force: true }) }
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

// Every PostgreSQL database a test run creates carries the run's tag, so that the run can drop
// all it made (a file whose tests are all skipped never runs its afterAll, and a crashed
// worker runs nothing) without touching another run's databases on a shared server.
// `npm test` sets the tag for all its legs; a global setup sets it for a bare `vitest run`,
// and the test workers inherit it.
export const TEST_RUN_VARIABLE = 'CLAIMLINE_TEST_RUN'

export function testRunTag(): string {
  process.env[TEST_RUN_VARIABLE] ||= `${process.pid.toString(36)}${Date.now().toString(36)}`
  return process.env[TEST_RUN_VARIABLE]
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${testRunTag()}_${process.pid.toString(36)}_${Math.random().toString(36).slice(2, 8)}`
}

// Drops every database of this run (per-file copies, templates, empties) still on the server.
export async function dropRunDatabases(adminUrl: string, tag: string = testRunTag()): Promise<string[]> {
  if (!/^[a-z0-9]+$/i.test(tag)) throw new Error(`unexpected test run tag "${tag}"`)
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2 ORDER BY datname LIKE 'claimline\\_tpl\\_%'`,
      [`claimline\\_t\\_${tag}\\_%`, `claimline\\_tpl\\_${tag}\\_%`],
    )
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    return rows.map((r) => r.datname)
  } finally {
    await client.end()
  }
}

// CREATE DATABASE … TEMPLATE fails while another session is copying the same template.
export async function createPostgresDatabase(adminUrl: string, template: string | null): Promise<TestDatabase> {
  const name = uniqueName('claimline_t')
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`)
      break
    } catch (error) {
      if (attempt >= 50 || !String(error).includes('being accessed by other users')) throw error
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
    }
  }
  return {
    url: withDatabaseName(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  }
}

// An empty database (no migrations applied) of the kind this test run is for. On PGlite, a
// copy of the global setup's initialised empty directory when there is one (initialising a
// new one takes seconds of CPU).
export async function emptyDatabase(kind: 'pglite' | 'postgres', adminUrl: string | null): Promise<TestDatabase> {
  if (kind === 'postgres') return createPostgresDatabase(adminUrl ?? '', null)
  const emptyTemplate = inject('database')?.emptyPGlite
  if (emptyTemplate) return copyPGliteTemplate(emptyTemplate)
  const root = tempDir()
  return { url: `pglite:${path.join(root, 'db')}`, drop: async () => rmSync(root, { recursive: true, force: true }) }
}
