// The owner's socket, as other processes see it: large results, what PGlite must not be sent,
// concurrent migration runs, and locks left in bad states. (Regression tests from a review.)
import { mkdirSync, writeFileSync, utimesSync } from 'node:fs'
import { connect } from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { afterEach, expect, inject, test } from 'vitest'
import { BACKGROUND_APPLICATION_NAME } from '@/lib/database/config'
import { openDatabase, type Database } from '@/lib/database/connect'
import { applyMigrations, getMigrationState, readMigrations } from '@/lib/database/migrate'
import { runDirFor, type OwnerInfo } from '@/lib/database/lock'
import { copyPGliteTemplate, emptyDatabase } from './helpers/test-databases'

const provided = inject('database')
const embeddedOnly = provided.kind !== 'pglite'
const embeddedOnlyReason = { meta: { skipReason: 'the embedded database only: PostgreSQL has no owner process or socket' } }
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function owner(): Promise<{ database: Database; dataDir: string }> {
  const copy = copyPGliteTemplate(provided.template)
  cleanups.push(copy.drop)
  const dataDir = copy.url.slice('pglite:'.length)
  const database = await openDatabase({ kind: 'pglite', dataDir })
  cleanups.push(() => database.close())
  return { database, dataDir }
}

function socketDir(dataDir: string): string {
  return runDirFor(dataDir)
}

async function client(dataDir: string, applicationName?: string): Promise<pg.Client> {
  const c = new pg.Client({ host: socketDir(dataDir), port: 5432, user: 'postgres', database: 'postgres', application_name: applicationName })
  c.on('error', () => {})
  await c.connect()
  cleanups.push(() => c.end().catch(() => {}))
  return c
}

test.skipIf(embeddedOnly)('a 5 MB result reaches a socket client intact', embeddedOnlyReason, async () => {
  const { dataDir } = await owner()
  const c = await client(dataDir)
  const { rows } = await c.query<{ n: number; pad: string }>(`SELECT n, repeat(md5(n::text), 32) AS pad FROM generate_series(1, 5000) AS n`)
  expect(rows).toHaveLength(5000)
  expect(rows.every((r, i) => r.n === i + 1 && r.pad.length === 1024)).toBe(true)
})

test.skipIf(embeddedOnly)('a page’s query waiting at the socket goes before background work that waited longer', embeddedOnlyReason, async () => {
  const { dataDir } = await owner()
  const holder = await client(dataDir)
  const job = await client(dataDir, BACKGROUND_APPLICATION_NAME)
  const page = await client(dataDir)
  const answered: string[] = []
  await holder.query('BEGIN')
  const jobDone = job.query("SELECT 'job' AS who").then(() => answered.push('job'))
  await new Promise((resolve) => setTimeout(resolve, 50))
  const pageDone = page.query("SELECT 'page' AS who").then(() => answered.push('page'))
  await new Promise((resolve) => setTimeout(resolve, 50))
  await holder.query('COMMIT')
  await Promise.all([jobDone, pageDone])
  expect(answered).toEqual(['page', 'job'])
})

test.skipIf(embeddedOnly)('COPY FROM STDIN is refused with an error, and the connection and owner carry on', embeddedOnlyReason, async () => {
  const { database, dataDir } = await owner()
  const c = await client(dataDir)
  await expect(c.query('COPY "Outlet"(id, name) FROM STDIN')).rejects.toThrow(/COPY FROM STDIN is not supported/)
  await expect(c.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] })
  await expect(database.pool.session((s) => s.query('SELECT 2 AS two'))).resolves.toEqual([{ two: 2 }])
})

test.skipIf(embeddedOnly)('an unsupported protocol message closes that connection only', embeddedOnlyReason, async () => {
  const { database, dataDir } = await owner()
  const reply = await new Promise<string>((resolve) => {
    const socket = connect(path.join(socketDir(dataDir), '.s.PGSQL.5432'))
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0')
    const startup = Buffer.alloc(8)
    startup.writeInt32BE(8 + params.length, 0)
    startup.writeInt32BE(196608, 4)
    let received = ''
    let sentBad = false
    socket.on('data', (data) => {
      received += data.toString('latin1')
      if (!sentBad && received.includes('Z\0\0\0\u0005I')) {
        sentBad = true
        socket.write(Buffer.from([0x79, 0, 0, 0, 4])) // 'y': not a frontend message
      }
    })
    socket.on('close', () => resolve(received))
    socket.write(Buffer.concat([startup, params]))
  })
  expect(reply).toContain("Message type 'y' is not supported")
  await expect(database.pool.session((s) => s.query('SELECT 3 AS three'))).resolves.toEqual([{ three: 3 }])
})

test.skipIf(embeddedOnly)('two migration runs through the owner socket at once apply each migration once', embeddedOnlyReason, async () => {
  const empty = await emptyDatabase('pglite', null)
  cleanups.push(empty.drop)
  const dataDir = empty.url.slice('pglite:'.length)
  const ownerDb = await openDatabase({ kind: 'pglite', dataDir })
  cleanups.push(() => ownerDb.close())
  const [a, b] = await Promise.all([openDatabase({ kind: 'pglite', dataDir }), openDatabase({ kind: 'pglite', dataDir })])
  cleanups.push(
    () => a.close(),
    () => b.close(),
  )
  expect([a.role, b.role]).toEqual(['client', 'client'])
  const results = await Promise.all([applyMigrations(a.pool), applyMigrations(b.pool)])
  expect(results.flatMap((r) => r.applied).sort()).toEqual(readMigrations().map((m) => m.name))
  expect(await getMigrationState(ownerDb.pool)).toMatchObject({ pending: [], failed: [] })
})

test.skipIf(embeddedOnly)('a lock left empty by a crash, or by a dead owner on another host name, is taken over', embeddedOnlyReason, async () => {
  const empty = await emptyDatabase('pglite', null)
  cleanups.push(empty.drop)
  const dataDir = empty.url.slice('pglite:'.length)
  const lockFile = path.join(runDirFor(dataDir), 'owner.json')
  mkdirSync(runDirFor(dataDir), { recursive: true })

  writeFileSync(lockFile, '')
  const old = new Date(Date.now() - 60_000)
  utimesSync(lockFile, old, old)
  const first = await openDatabase({ kind: 'pglite', dataDir })
  expect(first.role).toBe('owner')
  await first.close()

  const foreign: OwnerInfo = {
    pid: 1,
    hostname: 'some-other-name',
    processStart: null,
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    socket: { path: path.join(runDirFor(dataDir), '.s.PGSQL.5432') },
  }
  writeFileSync(lockFile, JSON.stringify(foreign))
  const second = await openDatabase({ kind: 'pglite', dataDir })
  expect(second.role).toBe('owner')
  await second.close()
})
