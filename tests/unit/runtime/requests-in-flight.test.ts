// The server's count of requests in flight, read by background work through shared memory: a
// request counts from its start until its response ends or its client goes away, and background
// work waits for none to be in flight, for a bounded time.
import { createServer, request, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { requestsInFlight, requestsInFlightMemory, trackRequestsInFlight, whenNoRequestInFlight } from '@/lib/runtime/requests-in-flight'

// Responses the test ends itself, by request path.
const held = new Map<string, ServerResponse>()
const arrived = new Map<string, () => void>()
const server = createServer((req, res) => {
  held.set(req.url ?? '', res)
  arrived.get(req.url ?? '')?.()
})
let port = 0

beforeAll(async () => {
  trackRequestsInFlight()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

// Sends a request and resolves once the server's handler has it.
function ask(path: string): Promise<{ aborted: () => void; answered: Promise<void> }> {
  return new Promise((resolve) => {
    arrived.set(path, () => resolve({ aborted: () => req.destroy(), answered }))
    let answered: Promise<void> = Promise.resolve()
    const req = request({ host: '127.0.0.1', port, path, agent: false })
    answered = new Promise<void>((done) => req.on('response', (res) => res.resume().on('end', done)))
    req.on('error', () => {})
    req.end()
  })
}

const settledWithin = async (work: Promise<void>, ms: number) =>
  Promise.race([work.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))])

test('a request counts from its start until its response has ended', async () => {
  expect(requestsInFlight()).toBe(0)
  const first = await ask('/first')
  const second = await ask('/second')
  expect(requestsInFlight()).toBe(2)
  const idle = whenNoRequestInFlight(60_000)
  held.get('/first')?.end('done')
  await first.answered
  expect(requestsInFlight()).toBe(1)
  expect(await settledWithin(idle, 50)).toBe(false)
  held.get('/second')?.end('done')
  await second.answered
  expect(await settledWithin(idle, 5_000)).toBe(true)
  expect(requestsInFlight()).toBe(0)
})

test('a request whose client goes away stops counting', async () => {
  const gone = await ask('/gone')
  expect(requestsInFlight()).toBe(1)
  const idle = whenNoRequestInFlight(60_000)
  gone.aborted()
  expect(await settledWithin(idle, 5_000)).toBe(true)
  expect(requestsInFlight()).toBe(0)
})

test('background work waits for no request in flight for at most the time it is given', async () => {
  const slow = await ask('/slow')
  const started = performance.now()
  await whenNoRequestInFlight(150)
  expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  expect(requestsInFlight()).toBe(1)
  held.get('/slow')?.end()
  await slow.answered
  const quick = performance.now()
  await whenNoRequestInFlight(60_000)
  expect(performance.now() - quick).toBeLessThan(1_000)
})

test('another thread reads the same count from the memory it is handed', async () => {
  const open = await ask('/seen-from-a-thread')
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads')
     parentPort.postMessage(Atomics.load(new Int32Array(workerData), 0))`,
    { eval: true, workerData: requestsInFlightMemory() },
  )
  const seen = await new Promise<number>((resolve, reject) => worker.once('message', resolve).once('error', reject))
  await worker.terminate()
  expect(seen).toBe(1)
  held.get('/seen-from-a-thread')?.end()
  await open.answered
})
