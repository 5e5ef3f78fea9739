// A local newsroom of many outlets for the followed-feed benchmark: `feeds` RSS and Atom feeds on
// 127.0.0.1 (even numbers RSS 2.0, odd Atom), each publishing a new story now and then, and the
// stories' article pages. Each feed has its own period (half to one and a half times the mean)
// and phase, so new items arrive spread over time rather than all at once. A feed lists its
// newest LISTED items, with an ETag and a Last-Modified, and answers a conditional request
// (If-None-Match, else If-Modified-Since) with 304 when nothing was published since, as real
// servers do. Stories are invented (news-text.ts) about the archive's companies; the same URL
// always serves the same bytes. It counts what it served, so a benchmark can show its load was real.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { newsPage } from './article-corpus'
import { newsStory, type NewsSubject } from './news-text'
import { random } from './random'

const LISTED = 20

export type FeedServerOptions = {
  feeds: number
  subjects: NewsSubject[]
  // Items each feed has already published when the server starts.
  initialItems: number
  // Mean time between two items of one feed.
  meanPeriodMs: number
  seed?: number
}

export type FeedServerCounts = {
  // Feed requests answered with the feed, and with 304 Not Modified.
  feeds: number
  notModified: number
  articles: number
  // Items published by all feeds so far (the initial ones included).
  published: number
  firstRequestAt: number | null
}

export type FeedServer = { feedUrls: string[]; counts(): FeedServerCounts; close(): Promise<void> }

type Schedule = { startedAt: number; periodMs: number; phaseMs: number; initial: number }

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

// Items 0 … count-1 are out; item k appeared at startedAt + phase + (k - initial) × period.
function publishedCount(s: Schedule, now: number): number {
  return Math.max(0, Math.floor((now - s.startedAt - s.phaseMs) / s.periodMs) + s.initial + 1)
}

function publishedAt(s: Schedule, k: number): number {
  return s.startedAt + s.phaseMs + (k - s.initial) * s.periodMs
}

export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  if (options.subjects.length === 0) throw new Error('the feed server needs companies to write about')
  const seed = options.seed ?? 20261206
  const startedAt = Date.now()
  const rnd = random(seed)
  const schedules: Schedule[] = Array.from({ length: options.feeds }, () => {
    const periodMs = options.meanPeriodMs * (0.5 + rnd())
    return { startedAt, periodMs, phaseMs: rnd() * periodMs, initial: options.initialItems }
  })
  const counts: FeedServerCounts = { feeds: 0, notModified: 0, articles: 0, published: 0, firstRequestAt: null }
  let base = ''

  // Story k of feed f: its own generator, so its page is the same whenever it is fetched.
  const story = (f: number, k: number) => {
    const rndStory = random(seed ^ (f * 100_003 + k * 7919 + 1))
    const subject = options.subjects[Math.floor(rndStory() * options.subjects.length)] ?? options.subjects[0]
    if (!subject) throw new Error('no subject')
    return newsStory(rndStory, subject)
  }
  const outletName = (f: number) => `Feed Bench Outlet ${f + 1}`
  const articleUrl = (f: number, k: number) => `${base}/outlet-${f + 1}/story-${k + 1}`

  function feedXml(f: number, s: Schedule, count: number): string {
    const items = Array.from({ length: Math.min(LISTED, count) }, (_, i) => count - 1 - i).map((k) => ({
      k,
      title: story(f, k).headline,
      at: new Date(publishedAt(s, k)),
    }))
    const title = escapeXml(outletName(f))
    if (f % 2 === 0) {
      const entries = items
        .map(
          (i) =>
            `<item><title>${escapeXml(i.title)}</title><link>${articleUrl(f, i.k)}</link><guid>${articleUrl(f, i.k)}</guid><pubDate>${i.at.toUTCString()}</pubDate></item>`,
        )
        .join('')
      return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>${base}/outlet-${f + 1}/</link><description>Latest stories</description>${entries}</channel></rss>`
    }
    const entries = items
      .map(
        (i) =>
          `<entry><title>${escapeXml(i.title)}</title><link rel="alternate" href="${articleUrl(f, i.k)}"/><id>${articleUrl(f, i.k)}</id><published>${i.at.toISOString()}</published><updated>${i.at.toISOString()}</updated></entry>`,
      )
      .join('')
    const updated = new Date(items[0] ? items[0].at : startedAt).toISOString()
    return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>${base}/outlet-${f + 1}/</id><updated>${updated}</updated>${entries}</feed>`
  }

  function serveFeed(req: IncomingMessage, res: ServerResponse, f: number): void {
    const s = schedules[f]
    if (!s) return void res.writeHead(404).end()
    const count = publishedCount(s, Date.now())
    if (count === 0) return void res.writeHead(404).end()
    const etag = `"feed-${f + 1}-${count}"`
    const newest = publishedAt(s, count - 1)
    const lastModified = new Date(newest).toUTCString()
    const since = req.headers['if-modified-since']
    const unchanged =
      req.headers['if-none-match'] !== undefined
        ? req.headers['if-none-match'] === etag
        : since !== undefined && Date.parse(since) >= Math.floor(newest / 1000) * 1000
    if (unchanged) {
      counts.notModified++
      return void res.writeHead(304, { etag, 'last-modified': lastModified }).end()
    }
    counts.feeds++
    const type = f % 2 === 0 ? 'application/rss+xml' : 'application/atom+xml'
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, etag, 'last-modified': lastModified }).end(feedXml(f, s, count))
  }

  function serveArticle(res: ServerResponse, f: number, k: number): void {
    const s = schedules[f]
    if (!s || k >= publishedCount(s, Date.now())) return void res.writeHead(404).end()
    counts.articles++
    const st = story(f, k)
    const url = articleUrl(f, k)
    const html = newsPage({
      outlet: outletName(f),
      domain: '127.0.0.1',
      section: 'business',
      author: st.author,
      published: new Date(publishedAt(s, k)).toISOString(),
      headline: st.headline,
      standfirst: st.standfirst,
      paragraphs: st.paragraphs,
      url,
      related: [1, 2, 3, 4, 5, 6].filter((d) => k - d >= 0).map((d) => story(f, k - d).headline),
      comments: [],
    })
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
  }

  const server = createServer((req, res) => {
    counts.firstRequestAt ??= Date.now()
    const feed = /^\/outlet-(\d+)\/feed\.xml$/.exec(req.url ?? '')
    if (feed) return serveFeed(req, res, Number(feed[1]) - 1)
    const article = /^\/outlet-(\d+)\/story-(\d+)$/.exec(req.url ?? '')
    if (article) return serveArticle(res, Number(article[1]) - 1, Number(article[2]) - 1)
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    feedUrls: schedules.map((_, f) => `${base}/outlet-${f + 1}/feed.xml`),
    counts: () => ({ ...counts, published: schedules.reduce((sum, s) => sum + publishedCount(s, Date.now()), 0) }),
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
