// The server's follow jobs run on a thread of their own (lib/follow/jobs-thread.ts): a client of
// this process's database, below the priority of the thread that renders pages. Here the test's
// process plays the server: it owns the embedded database (or uses PostgreSQL), starts the
// jobs' thread, and sees the feed's items stored and suggested by it.
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

const stories = [1, 2].map((n) => ({
  slug: `tram-${n}`,
  title: `Tram depot report ${n}`,
  body: `Tram depot report ${n}: the city's transport board said on Monday that the new depot would open in spring, after a year of delays and rising costs.`,
}))
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/trams') {
      const items = stories.map(
        (s, i) =>
          `<item><title>${s.title}</title><link>${base}/trams/${s.slug}</link><pubDate>${new Date(Date.UTC(2026, 10, 3 + i, 9)).toUTCString()}</pubDate></item>`,
      )
      return res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Trams</title>${items.join('')}</channel></rss>`)
    }
    const story = stories.find((s) => req.url === `/trams/${s.slug}`)
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

// The nice value of each of this process's threads (Linux), by thread id.
const threadNices = () =>
  new Map(readdirSync('/proc/self/task').map((task) => [task, Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]?.split(' ')[16])]))

test("the server's jobs poll on a thread of their own, a client of the server's database, below its priority", async () => {
  const feed = await followFeed({ url: `${base}/trams`, intervalMinutes: 30 }, null)
  const before = process.platform === 'linux' ? threadNices() : new Map<string, number>()
  const jobs = await startServerFollowJobs({ concurrency: 1 })
  try {
    expect(jobs.where).toBe((await getDatabase()).config.kind === 'pglite-memory' ? 'in-process' : 'thread')
    // Started by the thread as it starts: the poll of every due feed, then suggestions.
    await vi.waitFor(
      async () => {
        const articles = await getDb().article.findMany({
          where: { sourceUrl: { startsWith: `${base}/trams/` } },
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
  // Stopped: the thread is gone and this process's database is still open and answers.
  expect(await getDb().followedFeed.count()).toBeGreaterThanOrEqual(1)
})
