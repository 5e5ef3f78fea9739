// The followed feeds' jobs' thread (started by jobs-thread.ts): lowers its own priority, starts
// the jobs, and stops them when asked. Nothing imports this module: lib/runtime/worker-thread.ts
// starts it by its path, the build compiles it to dist/follow.mjs.
import { parentPort, workerData } from 'node:worker_threads'
import { markBackgroundWork } from '../db'
import { adoptRequestsInFlight } from '../runtime/requests-in-flight'
import { shutdown } from '../runtime/shutdown'
import { runBelowProcessPriority } from '../runtime/thread-priority'
import { currentThreadId } from '../workers/thread-cpu'
import { startFollowJobs } from './jobs'
import type { FollowThreadReply, FollowThreadRequest, FollowThreadStart } from './jobs-thread'

const port = parentPort
if (!port) throw new Error('jobs-thread-entry runs as a worker thread')
const { concurrency, nice, requestsInFlight } = workerData as FollowThreadStart

function reply(message: FollowThreadReply): void {
  port?.postMessage(message)
}

// The server's main thread logs a promise nobody handled (Next.js does); in a thread of its own
// Node would end the thread for it, stopping every feed's polling over one failed call.
process.on('unhandledRejection', (error) => console.error(`Follow jobs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))

// Below the server's pages; the analysis workers this thread starts take their own lane's
// priority (below the process's, not below this thread's).
runBelowProcessPriority(nice)
// And behind the pages at the embedded database's gate, and each step behind the requests the
// server is answering.
markBackgroundWork()
adoptRequestsInFlight(requestsInFlight)
try {
  const jobs = await startFollowJobs({ concurrency })
  port.on('message', (request: FollowThreadRequest) => {
    if (request.type !== 'stop') return
    void (async () => {
      // The jobs first (a running poll finishes its statements), then the analysis workers and
      // the database connections they leave.
      await jobs.stop().catch(() => {})
      await shutdown().catch(() => {})
      reply({ type: 'stopped' })
      port.close()
    })()
  })
  reply({ type: 'started', threadId: currentThreadId() })
} catch (error) {
  reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  await shutdown().catch(() => {})
  port.close()
}
