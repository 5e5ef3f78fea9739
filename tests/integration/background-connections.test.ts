// Background work's connections (the followed feeds' jobs, `claimline poll`) give way to the
// requests the server is answering: each statement and each transaction starts only when none is
// in flight, or after MAX_WAIT_MS; statements inside a transaction never wait, so a transaction
// of the jobs never holds the embedded database's gate longer. The count is shared memory the
// server's main thread keeps (lib/runtime/requests-in-flight.ts); here the test keeps it.
import { afterAll, expect, test } from 'vitest'
import { parseDatabaseUrl } from '@/lib/database/config'
import { openDatabase } from '@/lib/database/connect'
import { getDatabase } from '@/lib/db'
import { adoptRequestsInFlight, MAX_WAIT_MS } from '@/lib/runtime/requests-in-flight'

const config = parseDatabaseUrl(process.env.DATABASE_URL)
await getDatabase() // this process's own connection opens first (on PGlite: as the owner)
const memory = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
const inFlight = new Int32Array(memory)
adoptRequestsInFlight(memory)
const background = await openDatabase(config, 'background')
const foreground = await openDatabase(config, 'foreground')

afterAll(async () => {
  await background.close()
  await foreground.close()
})

const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  await work()
  return performance.now() - started
}
const select = (database: typeof background) => database.pool.session((s) => s.query('SELECT 1 AS one'))

test('while a request is in flight a background statement waits, at most MAX_WAIT_MS, and a page’s does not', async () => {
  await select(foreground) // its connection opened beforehand, as a running server's are
  Atomics.store(inFlight, 0, 1)
  try {
    expect(await timed(() => select(background))).toBeGreaterThanOrEqual(MAX_WAIT_MS * 0.95)
    // The same statement of a page's connection is not held back (the bound is loose: it only has
    // to be shorter than the wait it would otherwise have had).
    expect(await timed(() => select(foreground))).toBeLessThan(MAX_WAIT_MS * 0.95)
  } finally {
    Atomics.store(inFlight, 0, 0)
  }
})

test('a background statement waiting for the requests goes ahead as soon as the last one ends', async () => {
  Atomics.store(inFlight, 0, 1)
  const waiting = timed(() => select(background))
  await new Promise((resolve) => setTimeout(resolve, 20))
  Atomics.store(inFlight, 0, 0)
  Atomics.notify(inFlight, 0)
  // Sooner than its longest wait: it was released, not timed out.
  expect(await waiting).toBeLessThan(MAX_WAIT_MS * 0.95)
})

test('a background transaction waits once, before it starts: its statements never wait', async () => {
  Atomics.store(inFlight, 0, 1)
  try {
    const statements = 6
    const took = await timed(() =>
      background.pool.session(async (s) => {
        await s.query('BEGIN')
        for (let i = 0; i < statements - 2; i++) await s.query('SELECT $1::int AS n', [i])
        await s.query('COMMIT')
      }),
    )
    expect(took).toBeGreaterThanOrEqual(MAX_WAIT_MS * 0.95)
    // Had each of its statements waited, it would have taken six times as long.
    expect(took).toBeLessThan(MAX_WAIT_MS * 4)
  } finally {
    Atomics.store(inFlight, 0, 0)
  }
})
