// Throw-away databases for integration tests: a PGlite data directory copied from a
// migrated template (new directories take seconds to initialise; a copy takes ~0.1 s),
// or a PostgreSQL database created from a migrated template database.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

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

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
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

// An empty database (no migrations applied) of the kind this test run is for.
export async function emptyDatabase(kind: 'pglite' | 'postgres', adminUrl: string | null): Promise<TestDatabase> {
  if (kind === 'postgres') return createPostgresDatabase(adminUrl ?? '', null)
  const root = tempDir()
  return { url: `pglite:${path.join(root, 'db')}`, drop: async () => rmSync(root, { recursive: true, force: true }) }
}
