// The server's follow jobs run on a thread of their own (lib/follow/jobs-thread.ts): a client of
// this process's database, below the priority of the thread that renders pages. Here the test's
// process plays the server: it owns the embedded database (or uses PostgreSQL), starts the
// jobs' thread, and sees the feed's items stored and suggested by it.
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPriority } from 'node:os'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { getDatabase, getDb } from '@/lib/db'
import { followFeed } from '@/lib/follow/feeds'
import { startServerFollowJobs } from '@/lib/follow/jobs-thread'
import { getFollowedFeed } from '@/lib/queries/followed-feeds'

// The test server runs on 127.0.0.1, which URL ingestion refuses unless allowed; the thread
// reads the same environment.
process.env.CLAIMLINE_FETCH_ALLOW = '127.0.0.1'

// Threads load TypeScript through tsx when run from source: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 })

// Each attempt at the test (integration tests are retried once) publishes a feed of its own.
type Story = { slug: string; title: string; body: string }
const published = new Map<string, Story[]>()
const storiesFor = (run: string): Story[] =>
  [1, 2].map((n) => ({
    slug: `tram-${n}`,
    title: `Tram depot report ${n} (${run})`,
    body: `Tram depot report ${n}, ${run}: the city's transport board said on Monday that the new depot would open in spring, after a year of delays and rising costs.`,
  }))
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    const [, feed, slug] = /^\/([\w-]+)(?:\/([\w-]+))?$/.exec(req.url ?? '') ?? []
    const stories = feed ? published.get(feed) : undefined
    if (stories && !slug) {
      const items = stories.map(
        (s, i) =>
          `<item><title>${s.title}</title><link>${base}/${feed}/${s.slug}</link><pubDate>${new Date(Date.UTC(2026, 10, 3 + i, 9)).toUTCString()}</pubDate></item>`,
      )
      return res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Trams</title>${items.join('')}</channel></rss>`)
    }
    const story = stories?.find((s) => s.slug === slug)
    if (!story) return res.writeHead(404).end()
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<html><head><title>${story.title}</title></head><body><article><h1>${story.title}</h1><p>${story.body}</p><p>${story.body}</p></article></body></html>`,
      )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

// The nice value of each of this process's threads (Linux), by thread id; a thread that ended
// while they were read is left out.
function threadNices(): Map<string, number> {
  const nices = new Map<string, number>()
  for (const task of readdirSync('/proc/self/task')) {
    try {
      // Fields after the command name, which may hold spaces and ends at the last ')'.
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8')
      nices.set(task, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]))
    } catch {
      // ended meanwhile
    }
  }
  return nices
}

test("the server's jobs poll on a thread of their own, a client of the server's database, below its priority", async () => {
  const run = randomUUID().slice(0, 8)
  const stories = storiesFor(run)
  published.set(`trams-${run}`, stories)
  const feed = await followFeed({ url: `${base}/trams-${run}`, intervalMinutes: 30 }, null)
  const before = process.platform === 'linux' ? threadNices() : new Map<string, number>()
  const jobs = await startServerFollowJobs({ concurrency: 1 })
  try {
    expect(jobs.where).toBe((await getDatabase()).config.kind === 'pglite-memory' ? 'in-process' : 'thread')
    // Started by the thread as it starts: the poll of every due feed, then suggestions.
    await vi.waitFor(
      async () => {
        const articles = await getDb().article.findMany({
          where: { sourceUrl: { startsWith: `${base}/trams-${run}/` } },
          select: { title: true, suggestedWith: true },
        })
        expect(articles.map((a) => a.title).sort()).toEqual(stories.map((s) => s.title))
        expect(articles.every((a) => a.suggestedWith !== null)).toBe(true)
      },
      { timeout: 90_000, interval: 250 },
    )
    expect(await getFollowedFeed(feed.id)).toMatchObject({ itemsIngested: 2, lastError: null })
    if (process.platform === 'linux' && jobs.where === 'thread') {
      // The jobs' thread, and every thread started since but the process's I/O threads (the
      // analysis workers the jobs started), run 10 steps of nice below the process.
      const own = getPriority(process.pid)
      const below = Math.min(19, own + 10)
      const nices = threadNices()
      expect(nices.get(String(jobs.threadId))).toBe(below)
      const started = [...nices].filter(([task]) => !before.has(task)).map(([, nice]) => nice)
      expect(started.every((nice) => nice === own || nice === below)).toBe(true)
    }
  } finally {
    await jobs.stop()
  }
  // Stopped: the jobs' thread has ended, and this process's database is still open and answers.
  if (process.platform === 'linux' && jobs.threadId !== null) expect(threadNices().has(String(jobs.threadId))).toBe(false)
  expect(await getDb().followedFeed.count()).toBeGreaterThanOrEqual(1)
})
