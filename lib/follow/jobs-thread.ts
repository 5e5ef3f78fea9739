// The followed feeds' jobs run on a thread of their own in the server, below the priority of the
// thread that renders pages. pg-boss's polling, each poll's fetch and ingest, and storing what the
// suggestion engine found are JavaScript that ran on the server's main thread between page
// renders: with 200 feeds being polled, page p95 was 1.31 times idle (bench/follow.ts) although
// every statement and every analysis already ran on other threads. The thread is a client of the
// database like the command line: of the embedded owner's socket, or of PostgreSQL.
import type { Worker } from 'node:worker_threads'
import { getDatabase } from '../db'
import { BACKGROUND_NICE, startIoThreads } from '../runtime/thread-priority'
import { startWorkerThread } from '../runtime/worker-thread'
import { startFollowJobs } from './jobs'

export type FollowThreadStart = { concurrency?: number; nice: number }
export type FollowThreadRequest = { type: 'stop' }
// `threadId`: the operating system's id of the jobs' thread (Linux), to read its priority and CPU time.
export type FollowThreadReply = { type: 'started'; threadId: number | null } | { type: 'failed'; message: string } | { type: 'stopped' }

export type FollowJobsRunner = { where: 'thread' | 'in-process'; threadId: number | null; stop(): Promise<void> }

// A thread that dies while running (out of memory, a bug) is started again after this long.
const RESTART_AFTER_MS = 60_000

// Resolves once the thread's jobs have started; rejects with its reason when they could not.
function startThread(start: FollowThreadStart, onLost: (why: string) => void): Promise<{ worker: Worker; threadId: number | null; stop(): Promise<void> }> {
  const worker = startWorkerThread('follow', { workerData: start })
  let stopping = false
  return new Promise((resolve, reject) => {
    const early = (error: Error) => reject(error)
    const exitedEarly = (code: number) => reject(new Error(`their thread exited with code ${code} before they started`))
    worker.once('error', early)
    worker.once('exit', exitedEarly)
    worker.once('message', (message: FollowThreadReply) => {
      worker.off('error', early)
      worker.off('exit', exitedEarly)
      if (message.type !== 'started') {
        void worker.terminate()
        reject(new Error(message.type === 'failed' ? message.message : 'their thread answered out of turn'))
        return
      }
      worker.on('error', (error) => !stopping && onLost(error.message))
      worker.on('exit', (code) => !stopping && onLost(`their thread exited with code ${code}`))
      // Running jobs must not keep a finished script alive; stop() waits for the thread.
      worker.unref()
      let stopped: Promise<void> | null = null
      resolve({
        worker,
        threadId: message.threadId,
        stop: () =>
          (stopped ??= new Promise<void>((done) => {
            stopping = true
            worker.ref()
            worker.once('exit', () => done())
            worker.postMessage({ type: 'stop' } satisfies FollowThreadRequest)
          })),
      })
    })
  })
}

// The server's follow jobs: on a thread where the database can be reached from one (the embedded
// database's socket, PostgreSQL), in this thread for an in-memory database, which only this
// thread can reach.
export async function startServerFollowJobs(options: { concurrency?: number } = {}): Promise<FollowJobsRunner> {
  // The embedded database is opened (and owned) here first: the thread is then its client.
  const database = await getDatabase()
  if (database.config.kind === 'pglite-memory') {
    const jobs = await startFollowJobs(options)
    return { where: 'in-process', threadId: null, stop: () => jobs.stop() }
  }
  startIoThreads()
  const start: FollowThreadStart = { concurrency: options.concurrency, nice: BACKGROUND_NICE }
  let current: Awaited<ReturnType<typeof startThread>> | null = null
  let stopped = false
  const launch = async (): Promise<void> => {
    current = await startThread(start, (why) => {
      current = null
      console.error(`Followed feeds' jobs stopped (${why}); starting them again in ${RESTART_AFTER_MS / 1000} s.`)
      setTimeout(() => {
        if (stopped) return
        launch().catch((error: unknown) => console.error(`Followed feeds are not polled: their jobs did not start again (${String(error)}).`))
      }, RESTART_AFTER_MS).unref()
    })
  }
  await launch()
  return {
    where: 'thread',
    get threadId() {
      return current?.threadId ?? null
    },
    stop: async () => {
      stopped = true
      await current?.stop()
    },
  }
}
