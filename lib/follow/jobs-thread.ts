// The followed feeds' jobs run on a thread of their own in the server, below the priority of the
// thread that renders pages. pg-boss's polling, each poll's fetch and ingest, and storing what the
// suggestion engine found are JavaScript that ran on the server's main thread between page
// renders: with 200 feeds being polled, page p95 was 1.31 times idle (bench/follow.ts) although
// every statement and every analysis already ran on other threads. The thread is a client of the
// database like the command line: of the embedded owner's socket, or of PostgreSQL.
import { getDatabase } from '../db'
import { requestsInFlightMemory } from '../runtime/requests-in-flight'
import { BACKGROUND_NICE, startIoThreads } from '../runtime/thread-priority'
import { askThreadToEnd, startThreadWithHandshake } from '../runtime/worker-thread'
import { startFollowJobs } from './jobs'

// `requestsInFlight`: the server's count of requests being answered, which the jobs give way to
// (lib/runtime/requests-in-flight.ts).
export type FollowThreadStart = { concurrency?: number; nice: number; requestsInFlight: SharedArrayBuffer }
export type FollowThreadRequest = { type: 'stop' }
// `threadId`: the operating system's id of the jobs' thread (Linux), to read its priority and CPU time.
export type FollowThreadReply = { type: 'started'; threadId: number | null } | { type: 'failed'; message: string } | { type: 'stopped' }

export type FollowJobsRunner = { where: 'thread' | 'in-process'; threadId: number | null; stop(): Promise<void> }

// A thread that dies (out of memory, a bug) or cannot start (the database not reachable yet) is
// started again after a minute, then after twice as long each time it fails again, up to 15
// minutes; one that ran that long before dying is started again after a minute.
const RESTART_FIRST_MS = 60_000
const RESTART_MAX_MS = 15 * 60_000
// How long stop() lets the jobs finish what they are doing before the thread is ended.
const STOP_WITHIN_MS = 30_000

type RunningThread = { threadId: number | null; startedAt: number; stop(): Promise<void> }

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

// Resolves once the thread's jobs have started; rejects with its reason when they could not.
// `onLost` is told once when the thread ends without being asked to.
async function startThread(start: FollowThreadStart, onLost: (why: string) => void): Promise<RunningThread> {
  const { worker, reply } = await startThreadWithHandshake<FollowThreadReply>('follow', start, 'their thread')
  if (reply.type !== 'started') {
    void worker.terminate()
    throw new Error(reply.type === 'failed' ? reply.message : 'their thread answered out of turn')
  }
  let stopping = false
  // A thread that throws emits 'error' and then 'exit': the loss is reported once, on exit.
  let reason: string | null = null
  worker.on('error', (error) => (reason = error.message))
  worker.on('exit', (code) => !stopping && onLost(reason ?? `their thread exited with code ${code}`))
  // Running jobs must not keep a finished script alive; stop() waits for the thread.
  worker.unref()
  let stopped: Promise<void> | null = null
  return {
    threadId: reply.threadId,
    startedAt: Date.now(),
    stop: () => {
      stopping = true
      return (stopped ??= askThreadToEnd(worker, { type: 'stop' } satisfies FollowThreadRequest, STOP_WITHIN_MS))
    },
  }
}

// The server's follow jobs: on a thread where the database can be reached from one (the embedded
// database's socket, PostgreSQL), in this thread for an in-memory database, which only this
// thread can reach. A thread that does not start is logged and tried again later.
//
// The thread runs below the pages' priority although, on the embedded database, a transaction
// of its own holds the database's gate while its JavaScript runs between statements: were the
// thread starved then, pages would wait. It is starved only while the pages' own threads keep
// both cores busy, and a page waiting at the gate leaves its core to it; under load the ratio
// was no worse than with the jobs on the pages' thread (bench:follow, README).
export async function startServerFollowJobs(options: { concurrency?: number } = {}): Promise<FollowJobsRunner> {
  // The embedded database is opened (and owned) here first: the thread is then its client.
  const database = await getDatabase()
  if (database.config.kind === 'pglite-memory') {
    const jobs = await startFollowJobs(options)
    return { where: 'in-process', threadId: null, stop: () => jobs.stop() }
  }
  startIoThreads()
  const start: FollowThreadStart = { concurrency: options.concurrency, nice: BACKGROUND_NICE, requestsInFlight: requestsInFlightMemory() }
  let current: RunningThread | null = null
  let stopped = false
  let failures = 0
  let retry: NodeJS.Timeout | null = null
  const retryLater = (what: string) => {
    const delay = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** failures++)
    console.error(`Followed feeds' jobs ${what}; trying again in ${delay / 1000} s.`)
    retry = setTimeout(() => void launch(), delay)
    retry.unref()
  }
  const launch = async (): Promise<void> => {
    if (stopped) return
    try {
      const started = await startThread(start, (why) => {
        if (started.startedAt + RESTART_MAX_MS < Date.now()) failures = 0
        current = null
        retryLater(`stopped (${why})`)
      })
      if (stopped) return void (await started.stop())
      current = started
    } catch (error) {
      retryLater(`did not start (${messageOf(error)})`)
    }
  }
  await launch()
  return {
    where: 'thread',
    get threadId() {
      return current?.threadId ?? null
    },
    stop: async () => {
      stopped = true
      if (retry) clearTimeout(retry)
      await current?.stop()
    },
  }
}
