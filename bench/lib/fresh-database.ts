// A fresh, migrated database for one benchmark run: an embedded PGlite in a temporary folder, or
// (when TEST_DATABASE_URL names a PostgreSQL server) a new database on that server. Removed
// afterwards whatever happens, so a failed run leaves no folder or database behind.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { DatabaseConfig } from '../../lib/database/config'

export type BenchDatabaseKind = 'pglite' | 'postgres'

export type FreshDatabase = {
  kind: BenchDatabaseKind
  config: DatabaseConfig
  // What the production server is given as DATABASE_URL.
  url: string
}

// The embedded database always; PostgreSQL as well when TEST_DATABASE_URL is set.
export function benchDatabaseKinds(): BenchDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

// `name` becomes the PostgreSQL database's name (with the process id, so two runs never meet).
export async function withFreshDatabase<T>(kind: BenchDatabaseKind, name: string, fn: (database: FreshDatabase) => Promise<T>): Promise<T> {
  if (kind === 'pglite') {
    const root = mkdtempSync(path.join(tmpdir(), `claimline-${name}-`))
    const dataDir = path.join(root, 'db')
    try {
      return await fn({ kind, config: { kind: 'pglite', dataDir }, url: `pglite:${dataDir}` })
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  }
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set')
  const database = `claimline_${name}_${process.pid}`
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  await adminQuery(adminUrl, `CREATE DATABASE "${database}"`)
  try {
    return await fn({ kind, config: { kind: 'postgres', url: url.toString() }, url: url.toString() })
  } finally {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
  }
}
