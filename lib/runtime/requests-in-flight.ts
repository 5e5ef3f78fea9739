// Background work (the followed feeds' jobs and the analysis they start) gives way to requests
// being answered. On a 2-core machine a page is rendered on one core while the jobs compute on the
// other, and even a lowest-priority thread there slows the page's core (bench:follow, README):
// no priority keeps them apart, only not running at the same time does. So the server counts
// the HTTP requests it is answering, in memory its threads share, and background work waits for
// a moment when none is in flight before each statement and each analysis task it starts, for at
// most MAX_WAIT_MS, so that under pages that never pause it still goes on at a bounded pace.
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage, ServerResponse } from 'node:http'

// How long one background step (a statement, a transaction's start, an analysis task) waits for
// no request to be in flight before it goes ahead anyway.
export const MAX_WAIT_MS = 200

type Holder = { counter: Int32Array | null; tracking: boolean }

// On globalThis: Next.js bundles this module into several chunks, and the copy that counts the
// requests must be the one whose memory is handed to the jobs' thread.
const holder: Holder = ((globalThis as { __claimlineRequestsInFlight?: Holder }).__claimlineRequestsInFlight ??= { counter: null, tracking: false })

// The memory the count lives in, created on first use, to hand to a thread (adoptRequestsInFlight).
export function requestsInFlightMemory(): SharedArrayBuffer {
  holder.counter ??= new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
  return holder.counter.buffer as SharedArrayBuffer
}

// In a thread: read the count its creator keeps.
export function adoptRequestsInFlight(memory: SharedArrayBuffer): void {
  holder.counter = new Int32Array(memory)
}

// In the server's main thread: count every HTTP request from its start until its response is
// finished or its connection closed. Node publishes each request's start on a diagnostics
// channel, so no server object is needed (Next.js creates its own).
export function trackRequestsInFlight(): void {
  if (holder.tracking) return
  holder.tracking = true
  const counter = new Int32Array(requestsInFlightMemory())
  subscribe('http.server.request.start', (message) => {
    const { response } = message as { request: IncomingMessage; response: ServerResponse }
    Atomics.add(counter, 0, 1)
    response.once('close', () => {
      if (Atomics.sub(counter, 0, 1) === 1) Atomics.notify(counter, 0)
    })
  })
}

export function requestsInFlight(): number {
  return holder.counter ? Atomics.load(holder.counter, 0) : 0
}

// Resolves once no request is in flight, or after `maxWaitMs`: at once where nobody counts
// requests (the command line, tests).
export async function whenNoRequestInFlight(maxWaitMs: number = MAX_WAIT_MS): Promise<void> {
  const counter = holder.counter
  if (!counter) return
  const until = performance.now() + maxWaitMs
  for (;;) {
    const inFlight = Atomics.load(counter, 0)
    const left = until - performance.now()
    if (inFlight === 0 || left <= 0) return
    const waited = Atomics.waitAsync(counter, 0, inFlight, left)
    if (waited.async) await waited.value
  }
}
