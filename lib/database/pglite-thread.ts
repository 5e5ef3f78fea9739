// The owner's embedded database runs on a worker thread of its own (pglite-thread-entry.ts),
// served on the owner's socket; this process then talks to it through node-postgres like any
// other client. PGlite executes every statement synchronously on the thread that calls it: in
// the app's own thread a job's inserts and triggers stalled page rendering for their whole
// length (a CPU profile of the follow benchmark had a third of that thread inside PGlite).
import type { Worker } from 'node:worker_threads'
import { askThreadToEnd, startThreadWithHandshake } from '../runtime/worker-thread'
import type { WireAddress } from './wire-server'

export type ThreadStart = { dataDir: string; address: WireAddress }
export type ThreadRequest = { type: 'close' }
export type ThreadReply = { type: 'ready'; address: WireAddress } | { type: 'failed'; message: string; code?: string; errno?: number } | { type: 'closed' }

export type PGliteThread = {
  address: WireAddress
  close(): Promise<void>
}

// The thread's own error, rebuilt on this side (an Error's own fields do not cross threads);
// `code` and `errno` are a file system error's, PGlite's own being Emscripten's errno.
export class PGliteThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly errno?: number,
  ) {
    super(message)
    this.name = 'PGliteThreadError'
  }
}

// Ending while serving (PGlite failed under a client, or the thread crashed) leaves this process
// holding the data directory's lock with no database behind it: exit, as an in-process
// failure would, so the next process reopens it cleanly from the write-ahead log.
function exitOnLoss(worker: Worker, closing: () => boolean): void {
  const lost = (why: string) => {
    if (closing()) return
    console.error(`The embedded database stopped (${why}); exiting so it can be reopened cleanly.`)
    process.exit(70)
  }
  worker.on('error', (error) => lost(error.message))
  worker.on('exit', (code) => lost(`its thread exited with code ${code}`))
}

export async function startPGliteThread(start: ThreadStart): Promise<PGliteThread> {
  const { worker, reply } = await startThreadWithHandshake<ThreadReply>('database', start, 'the database thread').catch((error: Error) => {
    throw new PGliteThreadError(error.message)
  })
  let closing = false
  if (reply.type !== 'ready') {
    void worker.terminate()
    throw reply.type === 'failed'
      ? new PGliteThreadError(reply.message, reply.code, reply.errno)
      : new PGliteThreadError('the database thread answered out of turn')
  }
  exitOnLoss(worker, () => closing)
  // An open database must not keep a finished script alive; close() holds it again.
  worker.unref()
  let closed: Promise<void> | null = null
  return {
    address: reply.address,
    close: () => {
      closing = true
      return (closed ??= askThreadToEnd(worker, { type: 'close' } satisfies ThreadRequest))
    },
  }
}
