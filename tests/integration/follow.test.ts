// Followed feeds against the real database and a local feed server (127.0.0.1) that publishes
// items over time: each new item is ingested once, oldest first, and known ones are recognised
// on later polls; an unchanged feed costs a 304; a failing feed backs off and shows its error;
// a new allegation about a company a user follows shows in their list and their Atom feed; the
// jobs (pg-boss) poll due feeds in-process.
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import * as atomRoute from '@/app/follows/atom/route'
import { getDb } from '@/lib/db'
import { followFeed } from '@/lib/follow/feeds'
import { issueFeedToken, newsSinceLastVisit } from '@/lib/follow/news'
import { startFollowJobs } from '@/lib/follow/jobs'
import { pollFeed, suggestForNewArticles } from '@/lib/follow/poll'
import { findNewsForUser, followEntity, markSeen } from '@/lib/queries/follows'
import { getFollowedFeed } from '@/lib/queries/followed-feeds'
import { createTestAccount } from './helpers/accounts'

// The test server runs on 127.0.0.1, which URL ingestion refuses unless allowed.
process.env.CLAIMLINE_FETCH_ALLOW = '127.0.0.1'

type Item = { slug: string; title: string; published: string; paragraphs: string[]; fullText?: boolean }
type Request = { path: string; headers: IncomingHttpHeaders; status: number }

// Each feed the server publishes, by path; items are appended as "time passes".
const feeds = new Map<string, Item[]>()
const failing = new Set<string>()
const requests: Request[] = []
let server: Server
let base = ''

const html = (item: Item) =>
  `<html><head><title>${item.title}</title><meta property="article:published_time" content="${item.published}"></head><body><article><h1>${item.title}</h1>${item.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

// RSS, newest item first as feeds list them.
function rss(path: string, items: Item[]): string {
  const entries = [...items].reverse().map((item) => {
    const content = item.fullText
      ? `<content:encoded><![CDATA[${item.paragraphs.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded>`
      : `<description>${item.title}</description>`
    return `<item><title>${item.title}</title><link>${base}${path}/${item.slug}</link><pubDate>${new Date(item.published).toUTCString()}</pubDate>${content}</item>`
  })
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire ${path}</title>${entries.join('')}</channel></rss>`
}

// Every attempt at a test (integration tests get one retry) publishes its own feeds, under
// paths and with texts of its own: a retry must not find the first attempt's feed already
// followed, or its articles already stored.
let attempt = ''
beforeEach(() => {
  attempt = randomUUID().slice(0, 8)
})
const feedPath = (name: string) => `/${name}-${attempt}`

const filler = (topic: string, n: number) =>
  Array.from(
    { length: 3 },
    (_, i) =>
      `${topic}, part ${i + 1} of report ${n} (file ${attempt}): the harbour board met again on Tuesday to discuss the ferry terminal, its costs and its delays.`,
  )

function item(n: number, topic = 'Harbour'): Item {
  return { slug: `story-${n}`, title: `${topic} story ${n}`, published: new Date(Date.UTC(2026, 10, n, 9)).toISOString(), paragraphs: filler(topic, n) }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? ''
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ path, headers: req.headers, status })
      res.writeHead(status, headers).end(body)
    }
    if (failing.has(path)) return answer(503, { 'content-type': 'text/plain' }, 'down for maintenance')
    const items = feeds.get(path)
    if (items) {
      const body = rss(path, items)
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`
      if (req.headers['if-none-match'] === etag) return answer(304, { etag })
      return answer(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': new Date(Date.UTC(2026, 10, 20)).toUTCString() }, body)
    }
    const match = /^(\/[\w-]+)\/([\w-]+)$/.exec(path)
    const page = match?.[1] && feeds.get(match[1])?.find((i) => i.slug === match[2])
    if (page) return answer(200, { 'content-type': 'text/html' }, html(page))
    answer(404)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 0, minutes))
const titlesFrom = async (prefix: string) =>
  (await getDb().article.findMany({ where: { sourceUrl: { startsWith: `${base}${prefix}/` } }, select: { title: true }, orderBy: { id: 'asc' } })).map(
    (a) => a.title,
  )

test('new items are ingested once, oldest first; known ones are recognised on later polls, a copy under another link by the ingest dedup', async () => {
  const wire = feedPath('wire')
  feeds.set(wire, [item(1), item(2)])
  const feed = await followFeed({ url: `${base}${wire}`, intervalMinutes: 30 }, null)
  await getDb().followedFeed.update({ where: { id: feed.id }, data: { nextPollAt: at(0) } })

  const first = await pollFeed(feed.id, { now: at(0) })
  expect(first).toMatchObject({ status: 'polled', known: 0, duplicates: 0, failed: 0 })
  expect(await titlesFrom(wire)).toEqual(['Harbour story 1', 'Harbour story 2'])

  // Not due again before its interval is over.
  expect(await pollFeed(feed.id, { now: at(29) })).toEqual({ status: 'skipped' })

  // Two more items, published in the meantime; the second repeats story 2's text under a new link.
  const copy = { ...item(2), slug: 'story-2-copy', title: 'Harbour story 2 (copy)', published: new Date(Date.UTC(2026, 10, 4, 9)).toISOString() }
  feeds.set(wire, [item(1), item(2), item(3), copy])
  const second = await pollFeed(feed.id, { now: at(30) })
  expect(second).toMatchObject({ status: 'polled', known: 2, duplicates: 1, failed: 0 })
  expect(second.status === 'polled' && second.created.length).toBe(1)
  expect(await titlesFrom(wire)).toEqual(['Harbour story 1', 'Harbour story 2', 'Harbour story 3'])
  // Story pages fetched: 1 and 2 on the first poll, 3 and the copy on the second; none twice.
  const pages = requests.filter((r) => r.path.startsWith(`${wire}/`)).map((r) => r.path)
  expect(pages).toEqual([`${wire}/story-1`, `${wire}/story-2`, `${wire}/story-3`, `${wire}/story-2-copy`])

  const stored = await getFollowedFeed(feed.id)
  expect(stored).toMatchObject({
    title: `Wire ${wire}`,
    itemsIngested: 3,
    lastError: null,
    consecutiveFailures: 0,
    lastNewItemAt: at(30),
    lastPolledAt: at(30),
  })
  expect(stored?.nextPollAt).toEqual(at(60))
})

test('an unchanged feed is asked conditionally and answers 304: nothing is fetched or parsed', async () => {
  const quiet = feedPath('quiet')
  feeds.set(quiet, [item(5)])
  const feed = await followFeed({ url: `${base}${quiet}`, intervalMinutes: 10 }, null)
  await getDb().followedFeed.update({ where: { id: feed.id }, data: { nextPollAt: at(0) } })
  expect(await pollFeed(feed.id, { now: at(0) })).toMatchObject({ status: 'polled' })
  const before = requests.length
  expect(await pollFeed(feed.id, { now: at(10) })).toEqual({ status: 'not-modified', polledAt: at(10) })
  const asked = requests.slice(before)
  expect(asked.map((r) => `${r.path} ${r.status}`)).toEqual([`${quiet} 304`])
  expect(asked[0]?.headers['if-none-match']).toMatch(/^"[0-9a-f]{16}"$/)
  expect(asked[0]?.headers['if-modified-since']).toBe(new Date(Date.UTC(2026, 10, 20)).toUTCString())
  expect(await getFollowedFeed(feed.id)).toMatchObject({ lastPolledAt: at(10), lastNewItemAt: at(0), itemsIngested: 1 })

  // A new item changes the feed: a full answer again, and only the new item is fetched.
  feeds.set(quiet, [item(5), item(6)])
  expect(await pollFeed(feed.id, { now: at(20) })).toMatchObject({ status: 'polled', known: 1 })
  expect(requests.slice(before + 1).map((r) => `${r.path} ${r.status}`)).toEqual([`${quiet} 200`, `${quiet}/story-6 200`])
})

test('a failing feed shows its error and backs off exponentially; its first good answer resets it', async () => {
  const flaky = feedPath('flaky')
  feeds.set(flaky, [item(7)])
  failing.add(flaky)
  const feed = await followFeed({ url: `${base}${flaky}`, intervalMinutes: 10 }, null)
  await getDb().followedFeed.update({ where: { id: feed.id }, data: { nextPollAt: at(0) } })

  const first = await pollFeed(feed.id, { now: at(0) })
  expect(first).toMatchObject({ status: 'failed', failures: 1, nextPollAt: at(20) })
  expect(await getFollowedFeed(feed.id)).toMatchObject({ lastError: expect.stringContaining('503'), lastErrorAt: at(0), consecutiveFailures: 1 })
  // Not asked again on its normal interval while it fails.
  expect(await pollFeed(feed.id, { now: at(10) })).toEqual({ status: 'skipped' })
  expect(await pollFeed(feed.id, { now: at(20) })).toMatchObject({ status: 'failed', failures: 2, nextPollAt: at(60) })
  expect(await pollFeed(feed.id, { now: at(60) })).toMatchObject({ status: 'failed', failures: 3, nextPollAt: at(140) })

  failing.delete(flaky)
  expect(await pollFeed(feed.id, { now: at(140) })).toMatchObject({ status: 'polled' })
  expect(await getFollowedFeed(feed.id)).toMatchObject({ lastError: null, consecutiveFailures: 0, nextPollAt: at(150), itemsIngested: 1 })
})

test('a new allegation about a followed company appears in the user list and Atom feed, and not for someone who does not follow it', async () => {
  const courts = feedPath('courts')
  const reader = await createTestAccount('viewer')
  const other = await createTestAccount('viewer')
  const company =
    (await getDb().entity.findFirst({ where: { kind: 'company', name: 'Northwind Shipping' } })) ??
    (await getDb().entity.create({ data: { kind: 'company', name: 'Northwind Shipping', aliases: ['Northwind'] } }))
  await followEntity(reader.user.id, company.id)
  const since = new Date()
  feeds.set(courts, [
    {
      slug: 'northwind-lawsuit',
      title: 'Dockworkers sue Northwind over unpaid overtime',
      published: new Date(Date.UTC(2026, 10, 18, 8)).toISOString(),
      paragraphs: [
        'Northwind Shipping withheld overtime pay from hundreds of dockworkers for three years, a lawsuit filed on Monday alleges.',
        'The complaint, filed by the dockworkers’ union in federal court, says managers told crews to work through breaks without pay.',
        '“Northwind Shipping cheated these workers out of their wages and then lied about it,” said Maria Lopez, the union’s president.',
        'The union accused Northwind Shipping of falsifying time sheets at two terminals to hide the extra hours.',
        'The company did not respond to a request for comment on Monday.',
        `Court file ${attempt}.`,
      ],
      fullText: true,
    },
  ])
  const feed = await followFeed({ url: `${base}${courts}`, intervalMinutes: 30 }, null)
  const outcome = await pollFeed(feed.id)
  if (outcome.status !== 'polled') throw new Error(JSON.stringify(outcome))
  expect(await suggestForNewArticles(outcome.created)).toEqual({ suggested: 1, failed: 0 })

  const news = await findNewsForUser(reader.user.id, since, 50)
  expect(news.length).toBeGreaterThan(0)
  expect(news.every((n) => n.subject.id === company.id && n.article.id === outcome.created[0])).toBe(true)
  expect(news.map((n) => n.claimKind)).toContain('allegation')
  expect(await findNewsForUser(other.user.id, since, 50)).toEqual([])
  // Seen up to now: nothing is new any more.
  expect(await findNewsForUser(reader.user.id, new Date(), 50)).toEqual([])

  // The user's list, since their last visit.
  await markSeen(reader.user.id, since)
  const listed = await newsSinceLastVisit(reader.user.id)
  expect(listed.companies.map((c) => c.name)).toEqual(['Northwind Shipping'])
  expect(listed.items.map((n) => n.id)).toEqual(news.map((n) => n.id))
  await markSeen(reader.user.id, news[0]?.at ?? new Date())
  expect((await newsSinceLastVisit(reader.user.id)).items).toEqual([])

  // The Atom feed, at a URL whose token is the user's; nothing without a valid one.
  const token = await issueFeedToken(reader.user.id)
  const response = await atomRoute.GET(new Request(`http://claims.example/follows/atom?token=${encodeURIComponent(token)}`))
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
  const atom = await response.text()
  expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')
  expect(atom).toContain(`<link rel="alternate" type="text/html" href="http://claims.example/articles/${outcome.created[0]}"/>`)
  expect(atom).toContain('Northwind Shipping: allegation (suggested)')
  expect((await atomRoute.GET(new Request('http://claims.example/follows/atom?token=clk_not-a-token'))).status).toBe(401)
  expect((await atomRoute.GET(new Request('http://claims.example/follows/atom'))).status).toBe(401)
})

test('the jobs poll a due feed in-process, ingest its items and suggest claims on them', async () => {
  const path = feedPath('jobs')
  feeds.set(path, [item(8, 'Ferry'), item(9, 'Ferry')])
  const feed = await followFeed({ url: `${base}${path}`, intervalMinutes: 30 }, null)
  const jobs = await startFollowJobs({ schedule: false, pollingIntervalSeconds: 0.5 })
  try {
    await jobs.idle()
  } finally {
    await jobs.stop()
  }
  expect(await titlesFrom(path)).toEqual(['Ferry story 8', 'Ferry story 9'])
  expect(await getFollowedFeed(feed.id)).toMatchObject({ itemsIngested: 2, lastError: null })
  const articles = await getDb().article.findMany({ where: { sourceUrl: { startsWith: `${base}${path}/` } }, select: { suggestedWith: true } })
  expect(articles.every((a) => a.suggestedWith !== null)).toBe(true)
})
