// Concurrent requests on one process's database, mixing reads and interactive transactions,
// plus a second connection to the same database through another route (on the embedded
// database: through the owner's socket, as the CLI does while the server runs).
import { afterAll, expect, test } from 'vitest'
import { parseDatabaseUrl } from '@/lib/database/config'
import { openDatabase } from '@/lib/database/connect'
import { createPrismaClient, getDatabase, getDb } from '@/lib/db'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { listArticles } from '@/lib/queries/articles'

const config = parseDatabaseUrl(process.env.DATABASE_URL)
await getDatabase() // this process's own connection opens first (on PGlite: as the owner)
const second = await openDatabase(config)
const secondClient = createPrismaClient(config, second.adapter)

afterAll(async () => {
  await secondClient.$disconnect()
  await second.close()
})

// An interactive transaction that reads, yields to the event loop (so other requests
// interleave), writes two rows and reads its own writes back.
async function transactionalWrite(client: PrismaClient, name: string): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.outlet.count()
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
    const outlet = await tx.outlet.create({ data: { name } })
    await tx.auditEvent.create({ data: { action: 'outlet.create', objectType: 'Outlet', objectId: outlet.id, after: { name } } })
    const mine = await tx.outlet.findUnique({ where: { name } })
    if (!mine) throw new Error('a transaction could not read its own write')
  })
}

test('50 concurrent requests, reads and transactional writes, lose nothing and fail nothing', async () => {
  const db = getDb()
  const requests = Array.from({ length: 50 }, (_, i) =>
    i % 2 === 0 ? transactionalWrite(db, `concurrent-${i}`) : listArticles({ q: 'Microsoft' }).then(() => db.outlet.count()),
  )
  const results = await Promise.allSettled(requests)
  expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  expect(await db.outlet.count({ where: { name: { startsWith: 'concurrent-' } } })).toBe(25)
  expect(await db.auditEvent.count({ where: { action: 'outlet.create' } })).toBe(25)
})

test('a failed transaction rolls back without disturbing the requests around it', async () => {
  const db = getDb()
  const failing = db.$transaction(async (tx) => {
    await tx.outlet.create({ data: { name: 'rolled-back' } })
    throw new Error('editor cancelled')
  })
  const others = Array.from({ length: 10 }, (_, i) => transactionalWrite(db, `around-${i}`))
  await expect(failing).rejects.toThrow('editor cancelled')
  await Promise.all(others)
  expect(await db.outlet.findUnique({ where: { name: 'rolled-back' } })).toBeNull()
  expect(await db.outlet.count({ where: { name: { startsWith: 'around-' } } })).toBe(10)
})

test('a second connection (on PGlite: through the owner socket) writes alongside the first', async () => {
  const database = await getDatabase()
  if (config.kind === 'pglite') {
    expect(database.role).toBe('owner')
    expect(second.role).toBe('client')
  }
  const db = getDb()
  const work = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? transactionalWrite(db, `owner-${i}`) : transactionalWrite(secondClient, `client-${i}`)))
  const results = await Promise.allSettled(work)
  expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  expect(await db.outlet.count({ where: { name: { startsWith: 'owner-' } } })).toBe(20)
  expect(await secondClient.outlet.count({ where: { name: { startsWith: 'client-' } } })).toBe(20)
})

test('a unique violation inside one transaction is reported as P2002 and nothing else breaks', async () => {
  const db = getDb()
  await db.outlet.create({ data: { name: 'taken' } })
  const clash = transactionalWrite(db, 'taken')
  await expect(clash).rejects.toMatchObject({ code: 'P2002' })
  await expect(transactionalWrite(secondClient, 'after-clash')).resolves.toBeUndefined()
})
