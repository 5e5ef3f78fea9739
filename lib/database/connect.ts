// Opens the database that DATABASE_URL names and returns what the rest of the app needs:
// a Prisma driver adapter, a raw SQL pool (migrations, health) and a way to close it all.
//
// For the embedded database the first process to open a data directory owns it: it opens
// PGlite on a thread of its own, serves it on a Unix socket next to the folder and records
// itself in the lock file. The owner itself and any other process (the CLI while the server
// runs, a second server) connect to that socket through node-postgres, so there is never a
// second PGlite on the same files, and no statement runs on the owner's main thread.
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { BACKGROUND_APPLICATION_NAME, describeDatabase, type DatabaseConfig, type DatabaseWork } from './config'
import { openFailure, prepareDataDir, restrictPermissions, withPrivateUmask } from './data-dir'
import { gatedPGliteAdapter } from './gated-adapter'
import { Gate } from './gate'
import { lockDataDir, runDirFor, waitForOwnerSocket, type OwnerInfo } from './lock'
import { whenNoRequestInFlight } from '../runtime/requests-in-flight'
import { pglitePool } from './pglite-pool'
import type { Row, SqlPool } from './sql'
import { startPGliteThread, PGliteThreadError, type PGliteThread } from './pglite-thread'
import type { WireAddress } from './wire-server'

export type DatabaseRole = 'owner' | 'client' | 'server'

export type Database = {
  config: DatabaseConfig
  // owner: this process holds the embedded database; client: another process does and serves it to us.
  role: DatabaseRole
  description: string
  adapter: SqlDriverAdapterFactory
  pool: SqlPool
  close(): Promise<void>
}

// Unix socket paths are limited to ~107 bytes; deeper folders are served on loopback TCP instead.
const MAX_SOCKET_PATH = 100

// node-postgres answers a script of several statements with one result per statement, although
// its types promise one.
function lastRows(result: pg.QueryResult | pg.QueryResult[]): Row[] {
  return (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? []
}

function pgPool(pool: pg.Pool): SqlPool {
  return {
    async session(fn) {
      const client = await pool.connect()
      let broken = false
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params)).rows,
          exec: async (script) => lastRows(await client.query(script)),
        })
      } catch (error) {
        broken = true
        throw error
      } finally {
        // A connection that failed mid-way may still be inside a transaction: discard it.
        client.release(broken)
      }
    },
  }
}

function fromPgPool(config: DatabaseConfig, role: DatabaseRole, pool: pg.Pool, description: string): Database {
  // An idle pooled connection that the server drops (a restart, the embedded owner exiting)
  // is reported here; without a listener it would crash the process. The next query reconnects.
  pool.on('error', (error) => console.error(`${description}: connection lost: ${error.message}`))
  return {
    config,
    role,
    description,
    adapter: new PrismaPg(pool),
    pool: pgPool(pool),
    close: () => pool.end(),
  }
}

async function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  if (!dataDir) return PGlite.create({})
  try {
    return await PGlite.create({ dataDir })
  } catch (error) {
    throw openFailure(dataDir, error)
  }
}

// A new database's files are written 0666 by PGlite, and older versions left them so: mend
// both folders once per open. Files this user cannot change (another user's) are reported.
function makePrivate(dataDir: string): void {
  const refused = [...restrictPermissions(dataDir), ...restrictPermissions(runDirFor(dataDir))]
  if (refused.length > 0) {
    console.error(`${refused.length} file(s) in ${dataDir} stay readable by other users: this user may not change them (first: ${refused[0]}).`)
  }
}

// Where the owner serves its database: a Unix socket in the run folder, or loopback TCP when
// the folder's path is too deep for a socket path (the thread reports the port it was given).
function ownerAddress(dataDir: string): WireAddress {
  const socketPath = path.join(runDirFor(dataDir), '.s.PGSQL.5432')
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) return { host: '127.0.0.1', port: 0 }
  rmSync(socketPath, { force: true }) // left by an owner that was killed
  return { path: socketPath }
}

function applicationName(work: DatabaseWork): string | undefined {
  return work === 'background' ? BACKGROUND_APPLICATION_NAME : undefined
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void

// Background work's connections: each statement outside a transaction, and each transaction,
// starts only once the server answers no request, or after a bounded wait
// (lib/runtime/requests-in-flight.ts). node-postgres's pool.query() goes through connect(), as
// Prisma's transactions and pg-boss's sessions do; a transaction under way never waits, so it
// never holds the embedded database's gate longer.
class BackgroundPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>
  override connect(callback: ConnectCallback): void
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (callback) return void whenNoRequestInFlight().then(() => super.connect(callback))
    return whenNoRequestInFlight().then(() => super.connect())
  }
}

function newPool(config: pg.PoolConfig, work: DatabaseWork): pg.Pool {
  const options = { ...config, application_name: applicationName(work) }
  return work === 'background' ? new BackgroundPool(options) : new pg.Pool(options)
}

// The one PGlite backend runs one statement at a time whatever the pool's size; the size only
// lets a few requests queue at the owner instead of in this process. Idle connections must not
// keep a finished script alive.
function wirePool(socket: WireAddress, max: number, work: DatabaseWork = 'foreground'): pg.Pool {
  const common = { user: 'postgres', database: 'postgres', max, allowExitOnIdle: true }
  if ('path' in socket) return newPool({ ...common, host: path.dirname(socket.path), port: 5432 }, work)
  return newPool({ ...common, host: socket.host, port: socket.port }, work)
}

function clientPoolFor(owner: OwnerInfo, work: DatabaseWork): pg.Pool {
  if (!owner.socket) throw new Error('owner has no socket')
  return wirePool(owner.socket, 4, work)
}

async function openEmbedded(config: DatabaseConfig & { kind: 'pglite' }, work: DatabaseWork): Promise<Database> {
  const { dataDir } = config
  // Before anything touches it: a bad folder is one clear sentence, not a hang or "[object Object]".
  prepareDataDir(dataDir, runDirFor(dataDir))
  const lock = await lockDataDir(dataDir)
  if (!lock.owned) {
    const owner = await waitForOwnerSocket(dataDir)
    const description = `${describeDatabase(config)} (served by pid ${owner.pid})`
    return fromPgPool(config, 'client', clientPoolFor(owner, work), description)
  }
  const releaseOnExit = () => lock.release()
  process.once('exit', releaseOnExit)
  let thread: PGliteThread | null = null
  try {
    // What this process creates in the two folders (database files, socket) is its own alone.
    // The umask is the process's, so it covers the thread's files while it opens.
    thread = await withPrivateUmask(() => startPGliteThread({ dataDir, address: ownerAddress(dataDir) }))
    lock.publish(thread.address)
    makePrivate(dataDir)
    const opened = thread
    const pool = wirePool(opened.address, 10, work)
    const database = fromPgPool(config, 'owner', pool, describeDatabase(config))
    let closed: Promise<void> | null = null
    return {
      ...database,
      close: () =>
        (closed ??= (async () => {
          await pool.end()
          await opened.close()
          lock.release()
          process.off('exit', releaseOnExit)
        })()),
    }
  } catch (error) {
    // Never leave an open PGlite behind: a retry would open a second one on the same files.
    await thread?.close().catch(() => {})
    lock.release()
    process.off('exit', releaseOnExit)
    throw error instanceof PGliteThreadError ? openFailure(dataDir, error) : error
  }
}

async function openInMemory(config: DatabaseConfig): Promise<Database> {
  const pglite = await openPGlite(undefined)
  const gate = new Gate()
  return {
    config,
    role: 'owner',
    description: describeDatabase(config),
    adapter: gatedPGliteAdapter(pglite, gate),
    pool: pglitePool(pglite, gate),
    close: () => gate.run(() => pglite.close()),
  }
}

// `work`: what the connections are for. Background work waits behind the pages on the embedded
// database; an in-memory database is this process's alone and does not tell them apart.
export async function openDatabase(config: DatabaseConfig, work: DatabaseWork = 'foreground'): Promise<Database> {
  switch (config.kind) {
    case 'pglite':
      return openEmbedded(config, work)
    case 'pglite-memory':
      return openInMemory(config)
    case 'postgres': {
      const pool = newPool({ connectionString: config.url, max: 10 }, work)
      return fromPgPool(config, 'server', pool, describeDatabase(config))
    }
  }
}

export function embeddedDataExists(config: DatabaseConfig): boolean {
  return config.kind === 'pglite' && existsSync(path.join(config.dataDir, 'PG_VERSION'))
}
