// Two app instances, each a process running the follow jobs on one database, ticked far more
// often than the feed's interval: the feed is still fetched once per interval, by one of them.
// On PostgreSQL the two share pg-boss's tables; on the embedded database the test process owns
// PGlite and the instances reach it through its socket, as a second server process would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDb } from '@/lib/db'
import { followFeed } from '@/lib/follow/feeds'

process.env.CLAIMLINE_FETCH_ALLOW = '127.0.0.1'

const INTERVAL_SECONDS = 3
const RUN_MS = 15_000

type Instance = { child: ChildProcessWithoutNullStreams; lines: string[]; ready: Promise<void>; stopped: Promise<void> }

function startInstance(): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'helpers', 'follow-instance.ts')], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: process.env,
  })
  const lines: string[] = []
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const waitFor = (wanted: string) =>
    new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line)
        if (line === wanted) resolve()
      })
      child.on('exit', (code) => reject(new Error(`instance exited (${code}) before "${wanted}": ${stderr}`)))
    })
  return { child, lines, ready: waitFor('ready'), stopped: new Promise((resolve) => child.on('exit', () => resolve())) }
}

const fetches: number[] = []
let instances: Instance[] = []

// Claim times (ms) of the polls the instances ran on this feed, from their "poll <feed> polled <ms>" lines.
function polls(feedId: string): number[] {
  const prefix = `poll ${feedId} polled `
  return instances.flatMap((i) => i.lines.filter((line) => line.startsWith(prefix)).map((line) => Number(line.slice(prefix.length))))
}
let server: Server
let base = ''

const paragraphs = [1, 2, 3]
  .map((i) => `<p>Part ${i}: the port authority published its quarterly figures on Thursday, showing container traffic up for the third quarter in a row.</p>`)
  .join('')
const rss = () =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Port</title><item><title>Port figures</title><link>${base}/port-figures</link><content:encoded><![CDATA[${paragraphs}]]></content:encoded></item></channel></rss>`

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/port.xml') return res.writeHead(404).end()
    fetches.push(Date.now())
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

test('two instances ticking every 100 ms poll a feed once per interval between them', { timeout: 120_000 }, async () => {
  // A retry (vitest.config.ts) starts afresh: its own fetch times, the feed followed once.
  fetches.length = 0
  await getDb().followedFeed.deleteMany({ where: { url: `${base}/port.xml` } })
  const feed = await followFeed({ url: `${base}/port.xml` }, null)
  // Below what an editor may choose, to see several intervals in seconds.
  await getDb().followedFeed.update({ where: { id: feed.id }, data: { intervalSeconds: INTERVAL_SECONDS, nextPollAt: new Date(Date.now() + 60_000) } })
  instances = [startInstance(), startInstance()]
  let started = Infinity
  try {
    await Promise.all(instances.map((i) => i.ready))
    await getDb().followedFeed.update({ where: { id: feed.id }, data: { nextPollAt: new Date() } })
    const tick = async () => {
      for (const instance of instances) instance.child.stdin.write('tick\n')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    // The first poll also starts an instance's analysis workers, which takes seconds on a busy
    // machine: the run is counted from the moment it is over.
    const firstPollDone = () => polls(feed.id).length > 0
    while (!firstPollDone()) await tick()
    started = Date.now()
    while (Date.now() - started < RUN_MS) await tick()
  } finally {
    for (const instance of instances) instance.child.stdin.write('stop\n')
    await Promise.all(instances.map((i) => i.stopped))
  }
  // Never two polls in one interval: each poll's claim time (the instance's clock when it took
  // the feed) is at least an interval after the one before, whichever instance made it. Two
  // instances polling together would claim milliseconds apart. (Times are the instances' own,
  // not arrivals at the feed server, which a busy machine delays by varying amounts.)
  const claimed = polls(feed.id).sort((a, b) => a - b)
  const gaps = claimed.slice(1).map((at, i) => at - (claimed[i] ?? at))
  expect(
    gaps.every((gap) => gap >= INTERVAL_SECONDS * 1000),
    `gaps ${gaps.join(', ')} ms`,
  ).toBe(true)
  // Polled again and again during the run, never more often than its interval allows.
  const during = claimed.filter((at) => at >= started)
  expect(during.length).toBeGreaterThanOrEqual(2)
  expect(during.length).toBeLessThanOrEqual(Math.floor(RUN_MS / (INTERVAL_SECONDS * 1000)) + 1)
  // Every fetch is one instance's poll; a poll of the other in the same interval was skipped.
  expect(claimed.length).toBe(fetches.length)
  expect(await getDb().article.count({ where: { sourceUrl: `${base}/port-figures` } })).toBe(1)
})
