// The analysis workers: a task gives what it gives in-process; a thrown domain error comes back
// as itself; a task past its deadline or memory cap is stopped, reported, and the pool goes on.
import { readdirSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { afterAll, expect, test, vi } from 'vitest'
import { IngestError } from '@/lib/ingest/errors'
import { draftOnWorker, extractOnWorker } from '@/lib/ingest/store/off-thread'
import { extractForStorage } from '@/lib/ingest/store/prepare'
import { adoptRequestsInFlight, MAX_WAIT_MS } from '@/lib/runtime/requests-in-flight'
import { inBackground, isBackground } from '@/lib/workers/background'
import { createTaskPool, TaskError } from '@/lib/workers/pool'
import { currentThreadId, threadCpuMs } from '@/lib/workers/thread-cpu'

const pool = createTaskPool({ size: 2, maxHeapMb: 256 })
afterAll(() => pool.close())
const roomy = { deadlineMs: 60_000 }

const page = (n: number) =>
  new TextEncoder().encode(
    `<html><head><title>Ferry ${n}</title><meta property="article:published_time" content="2024-03-05T09:30:00Z"></head><body><article><h1>Ferry ${n}</h1>` +
      `<p>The island ferry number ${n} will run twice a day from May, the operator said on Monday after months of complaints.</p>` +
      `<p>Passengers had waited up to three hours for a crossing during the winter, according to a survey by the island council.</p></article></body></html>`,
  )

// Many small elements: a few hundred milliseconds of parsing, however fast the machine.
const slowPage = new TextEncoder().encode(`<html><body>${'<span>slow</span>'.repeat(150_000)}</body></html>`)

// Workers start by loading TypeScript through tsx: seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

test('a worker extracts exactly what the main thread would', async () => {
  const inputs = [1, 2, 3, 4].map((n) => ({ bytes: page(n), name: `ferry-${n}.html`, url: `https://news.example/ferry-${n}` }))
  const fromWorkers = await Promise.all(inputs.map((input) => extractOnWorker(input, { publisher: 'Island News' }, pool, roomy)))
  const inProcess = inputs.map((input) => extractForStorage(input, { publisher: 'Island News' }))
  expect(fromWorkers.map((e) => [e.hash, e.url, e.draft.title, e.draft.publisher, e.fingerprints])).toEqual(
    inProcess.map((e) => [e.hash, e.url, e.draft.title, e.draft.publisher, e.fingerprints]),
  )
  expect(Buffer.from(fromWorkers[0]?.rawSource ?? []).equals(Buffer.from(inProcess[0]?.rawSource ?? []))).toBe(true)
})

test('a bad input fails with its IngestError code, and the pool goes on', async () => {
  const error = await extractOnWorker({ bytes: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0]), name: 'scan.pdf' }, undefined, pool, roomy).catch(
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(IngestError)
  expect((error as IngestError).code).toBe('binary')
  expect((await extractOnWorker({ bytes: page(5), name: 'ferry-5.html' }, undefined, pool, roomy)).draft.title).toBe('Ferry 5')
})

// Next.js bundles lib/workers/pool.ts into each route and page, and the process shares one pool:
// a pool made by another copy of the module must fail in ways this copy recognises.
test("a pool made by another copy of the module (another route's bundle) fails with errors this copy recognises", async () => {
  vi.resetModules()
  const other = await import('@/lib/workers/pool')
  expect(other.TaskError).not.toBe(TaskError)
  const foreign = other.createTaskPool({ size: 1, maxHeapMb: 256 })
  try {
    const error = await extractOnWorker(
      { bytes: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0]), name: 'scan.pdf' },
      undefined,
      foreign,
      roomy,
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IngestError)
    expect((error as IngestError).code).toBe('binary')
    const late = await extractOnWorker({ bytes: slowPage, name: 'slow.html' }, undefined, foreign, { deadlineMs: 20 }).catch((e: unknown) => e)
    expect((late as IngestError).code).toBe('too-complex')
    expect(new other.TaskError('timeout', 'late')).toBeInstanceOf(TaskError)
    expect(new Error('TaskError')).not.toBeInstanceOf(TaskError)
  } finally {
    await foreign.close()
  }
})

test('a task past its deadline is stopped and reported; the tasks queued behind it still run', async () => {
  const single = createTaskPool({ size: 1, maxHeapMb: 256 })
  try {
    const slow = single.run('draft', { bytes: slowPage }, { deadlineMs: 20 }).catch((e: unknown) => e)
    const next = single.run('draft', { bytes: page(6) }, roomy)
    const error = await slow
    expect(error).toBeInstanceOf(TaskError)
    expect((error as TaskError).code).toBe('timeout')
    expect((error as TaskError).message).toBe('It took longer than 20 ms to analyse, so the analysis was stopped.')
    expect((await next).title).toBe('Ferry 6')
  } finally {
    await single.close()
  }
})

test('past its deadline, extraction fails as too complex for that input alone', async () => {
  const error = await draftOnWorker(slowPage, {}, pool, { deadlineMs: 20 }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(IngestError)
  expect((error as IngestError).code).toBe('too-complex')
  expect((await draftOnWorker(page(7), {}, pool, roomy)).title).toBe('Ferry 7')
})

test('a task that needs more memory than the cap is stopped and reported as too large', async () => {
  const small = createTaskPool({ size: 1, maxHeapMb: 48 })
  try {
    const huge = new TextEncoder().encode(`<html><body>${'<p>A paragraph of an enormous page, said the operator.</p>'.repeat(150_000)}</body></html>`)
    const error = await draftOnWorker(huge, {}, small, roomy).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IngestError)
    expect((error as IngestError).code).toBe('too-large')
    expect((await draftOnWorker(page(8), {}, small, roomy)).title).toBe('Ferry 8')
  } finally {
    await small.close()
  }
}, 60_000)

test('a closed pool refuses new work', async () => {
  const closing = createTaskPool({ size: 1, maxHeapMb: 256 })
  await closing.close()
  await expect(closing.run('draft', { bytes: page(9) }, roomy)).rejects.toMatchObject({ code: 'closed' })
})

test('background tasks queue on workers of their own: a task somebody waits for never waits behind them', async () => {
  const single = createTaskPool({ size: 1, maxHeapMb: 256 })
  try {
    const finished: string[] = []
    const track = (name: string, work: Promise<unknown>) => work.then(() => void finished.push(name))
    const background = [
      inBackground(() =>
        track(
          'background slow',
          extractOnWorker({ bytes: slowPage, name: 'slow.html' }, undefined, single, roomy).catch(() => {}),
        ),
      ),
      ...[1, 2].map((n) => inBackground(() => track(`background ${n}`, extractOnWorker({ bytes: page(n), name: `b${n}.html` }, undefined, single, roomy)))),
    ]
    const editor = track('editor', extractOnWorker({ bytes: page(9), name: 'editor.html' }, undefined, single, roomy))
    await Promise.all([editor, ...background])
    // The background lane runs one at a time, in order; the editor's task ran beside it.
    expect(finished.filter((name) => name.startsWith('background'))).toEqual(['background slow', 'background 1', 'background 2'])
    expect(finished.indexOf('editor')).toBeLessThan(finished.indexOf('background 1'))
  } finally {
    await single.close()
  }
})

test('a background task starts once no request is in flight, or after waiting MAX_WAIT_MS; a task somebody waits for never waits for them', async () => {
  const memory = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  const inFlight = new Int32Array(memory)
  adoptRequestsInFlight(memory)
  const single = createTaskPool({ size: 1, maxHeapMb: 256 })
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now()
    await work()
    return performance.now() - started
  }
  try {
    // Workers started beforehand, as a running server's are.
    await Promise.all([draftOnWorker(page(1), {}, single, roomy), inBackground(() => draftOnWorker(page(1), {}, single, roomy))])
    Atomics.store(inFlight, 0, 1)
    expect(await timed(() => inBackground(() => draftOnWorker(page(2), {}, single, roomy)))).toBeGreaterThanOrEqual(MAX_WAIT_MS * 0.95)
    const editor = timed(() => draftOnWorker(page(3), {}, single, roomy))
    const background = timed(() => inBackground(() => draftOnWorker(page(4), {}, single, roomy)))
    await new Promise((resolve) => setTimeout(resolve, 20))
    Atomics.store(inFlight, 0, 0)
    Atomics.notify(inFlight, 0)
    // Released when the last request ended, not when its wait ran out.
    expect(await background).toBeLessThan(MAX_WAIT_MS * 0.95)
    expect(await editor).toBeLessThan(await background)
  } finally {
    Atomics.store(inFlight, 0, 0)
    await single.close()
  }
})

// Linux keeps a priority per thread (elsewhere a worker leaves its priority alone).
test.runIf(process.platform === 'linux')(
  'background workers run at a lower priority; the other workers and the I/O threads keep the process priority',
  async () => {
    const niceOf = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]?.split(' ')[16])
    const before = new Set(readdirSync('/proc/self/task'))
    const lanes = createTaskPool({ size: 1, maxHeapMb: 256 })
    try {
      await inBackground(() => extractOnWorker({ bytes: page(1), name: 'b.html' }, undefined, lanes, roomy))
      await extractOnWorker({ bytes: page(2), name: 'i.html' }, undefined, lanes, roomy)
      const started = readdirSync('/proc/self/task').filter((task) => !before.has(task))
      const nices = started.map(niceOf)
      // One background worker; the interactive worker and any I/O threads started meanwhile keep
      // the process's priority (a thread is born with its creator's).
      const own = getPriority() // the process's, lowered too when the tests run under `nice`
      expect(nices.filter((nice) => nice === Math.min(19, own + 10))).toHaveLength(1)
      expect(nices.filter((nice) => nice === own)).toHaveLength(nices.length - 1)
    } finally {
      await lanes.close()
    }
  },
)

test("a thread's CPU time is read on Linux, and grows with its work", () => {
  const id = currentThreadId()
  if (process.platform !== 'linux') return expect(id).toBeNull()
  expect(id).toBeGreaterThan(0)
  const before = threadCpuMs(id!)!
  const until = Date.now() + 300
  while (Date.now() < until) Math.sqrt(Math.random())
  expect(threadCpuMs(id!)! - before).toBeGreaterThanOrEqual(100)
  expect(threadCpuMs(999_999_999)).toBeNull()
})

test('the background mark follows its async context only', async () => {
  expect(isBackground()).toBe(false)
  const inside = await inBackground(async () => {
    await new Promise((resolve) => setTimeout(resolve, 1))
    return isBackground()
  })
  expect(inside).toBe(true)
  expect(isBackground()).toBe(false)
})
