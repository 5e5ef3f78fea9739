// One app instance's follow jobs in a process of its own, for the test that several instances
// poll each feed once per interval. It opens DATABASE_URL, starts the jobs without their cron
// (the test sends "tick" lines instead, many times an interval), prints "poll <feed> <status>
// <claimed at, ms>" for every poll it runs, and stops on "stop".   usage: follow-instance.ts (DATABASE_URL set)
import { createInterface } from 'node:readline'
import { closeDb } from '../../../lib/db'
import { startFollowJobs } from '../../../lib/follow/jobs'

const jobs = await startFollowJobs({
  schedule: false,
  pollingIntervalSeconds: 0.5,
  concurrency: 2,
  onPoll: (feedId, outcome) => console.log(`poll ${feedId} ${outcome.status}${'polledAt' in outcome ? ` ${outcome.polledAt.getTime()}` : ''}`),
})
console.log('ready')
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'tick') await jobs.tick()
  if (line === 'stop') break
}
await jobs.stop()
await closeDb()
console.log('stopped')
process.exit(0)
