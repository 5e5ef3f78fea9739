// The embedded database has one owner process; others are served through it. A hard kill
// of the owner loses no acknowledged write, and the next process takes the stale lock over.
import { afterEach, expect, inject, test } from 'vitest'
import { parseDatabaseUrl } from '@/lib/database/config'
import { openDatabase } from '@/lib/database/connect'
import { createPrismaClient } from '@/lib/db'
import { copyPGliteTemplate, type TestDatabase } from './helpers/test-databases'
import { startWorker, type WorkerProcess } from './helpers/worker-process'

const provided = inject('database')
const embeddedOnly = provided.kind !== 'pglite'
const embeddedOnlyReason = { meta: { skipReason: 'the embedded database only: PostgreSQL has no owner process or socket' } }
const cleanups: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function freshCopy(): TestDatabase {
  const copy = copyPGliteTemplate(provided.template)
  cleanups.push(copy.drop)
  return copy
}

function track(worker: WorkerProcess): WorkerProcess {
  cleanups.push(async () => {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL')
    await worker.exited
  })
  return worker
}

async function open(url: string) {
  const config = parseDatabaseUrl(url)
  const database = await openDatabase(config)
  const prisma = createPrismaClient(config, database.adapter)
  return {
    database,
    prisma,
    close: async () => {
      await prisma.$disconnect()
      await database.close()
    },
  }
}

test.skipIf(embeddedOnly)('a second process is served through the owner and nothing is lost', embeddedOnlyReason, async () => {
  const { url } = freshCopy()
  const owner = track(startWorker(url, 'owner', 100))
  expect(await owner.waitFor((l) => l.startsWith('ready'))).toBe('ready owner')

  const second = await open(url)
  expect(second.database.role).toBe('client')
  for (let i = 0; i < 100; i++) await second.prisma.outlet.create({ data: { name: `client-${i}` } })
  await owner.waitFor((l) => l === 'done')
  await second.close()

  owner.child.stdin.write('stop\n')
  expect(await owner.exited).toEqual({ code: 0, signal: null })

  const reopened = await open(url)
  try {
    expect(reopened.database.role).toBe('owner')
    expect(await reopened.prisma.outlet.count({ where: { name: { startsWith: 'owner-' } } })).toBe(100)
    expect(await reopened.prisma.outlet.count({ where: { name: { startsWith: 'client-' } } })).toBe(100)
  } finally {
    await reopened.close()
  }
})

test.skipIf(embeddedOnly)('SIGKILL of the owner loses no acknowledged write, its own or a client’s', embeddedOnlyReason, async () => {
  const { url } = freshCopy()
  const owner = track(startWorker(url, 'owner', 'forever'))
  await owner.waitFor((l) => l === 'ready owner')

  const client = await open(url)
  expect(client.database.role).toBe('client')
  const clientAcks: number[] = []
  const clientWrites = (async () => {
    for (let i = 0; ; i++) {
      try {
        await client.prisma.outlet.create({ data: { name: `client-${i}` } })
      } catch {
        return // the owner is gone: this write was never acknowledged
      }
      clientAcks.push(i)
    }
  })()

  await owner.waitFor((l) => l === 'ack 150')
  while (clientAcks.length < 20) await new Promise((resolve) => setTimeout(resolve, 10))
  owner.child.kill('SIGKILL')
  expect((await owner.exited).signal).toBe('SIGKILL')
  await clientWrites
  await client.close()

  const ownerAcks = [...owner.acks]
  const restarted = await open(url)
  try {
    expect(restarted.database.role).toBe('owner') // the dead owner's lock was taken over
    const names = new Set((await restarted.prisma.outlet.findMany({ select: { name: true } })).map((o) => o.name))
    const lost = [...ownerAcks.map((i) => `owner-${i}`), ...clientAcks.map((i) => `client-${i}`)].filter((n) => !names.has(n))
    expect(lost).toEqual([])
    expect(ownerAcks.length).toBeGreaterThanOrEqual(150)
  } finally {
    await restarted.close()
  }
})
