// Runs once when a Next.js server starts: this instance joins the followed feeds' jobs
// (lib/follow/jobs.ts), on a thread of their own below the pages' priority
// (lib/follow/jobs-thread.ts). On the embedded database the server owns PGlite and the jobs'
// thread is its client; on PostgreSQL every instance runs them and pg-boss gives each job to one.
// Started without awaiting: the server answers while the jobs' tables are checked.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const { getEnv } = await import('./lib/env')
  const env = getEnv()
  if (env.CLAIMLINE_FOLLOW_JOBS === '0') return
  // The jobs give way to the requests this server is answering.
  const { trackRequestsInFlight } = await import('./lib/runtime/requests-in-flight')
  trackRequestsInFlight()
  const { startServerFollowJobs } = await import('./lib/follow/jobs-thread')
  startServerFollowJobs({ concurrency: env.CLAIMLINE_FOLLOW_CONCURRENCY }).catch((error: unknown) => {
    console.error(`Followed feeds are not polled: their jobs did not start (${error instanceof Error ? error.message : String(error)}).`)
  })
}
