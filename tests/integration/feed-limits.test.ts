// Feeds against the real database: a 10 000-item feed gives only its first N items and says so
// (N from CLAIMLINE_FEED_MAX_ITEMS, set low here); an ingest stops fetching and storing when its
// client disconnects, and what was stored before stays, each article whole.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import * as articlesRoute from '@/app/api/articles/route'
import { ingestFiles } from '@/app/articles/new/actions'
import { SESSION_COOKIE } from '@/lib/auth/sessions'
import { getDb } from '@/lib/db'
import { fetchArticle } from '@/lib/ingest/fetch/fetch-url'
import { ingestSources } from '@/lib/ingest/fetch/sources'
import { createTestAccount, type TestAccount } from './helpers/accounts'

// The Add-articles page's actions run with the editor's session (next/headers, as Next.js gives it).
const session = { token: '' }
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === SESSION_COOKIE && session.token ? { name, value: session.token } : undefined) }),
  headers: async () => new Headers(),
}))

process.env.CLAIMLINE_FEED_MAX_ITEMS = '25'
// The test server runs on 127.0.0.1, which URL ingestion refuses unless allowed.
process.env.CLAIMLINE_FETCH_ALLOW = '127.0.0.1'

const paragraph = (tag: string, i: number) => `<p>${tag} item ${i}: the harbour board met again on Tuesday to discuss the ferry terminal and its costs.</p>`

// A feed of `count` items: full text in the feed, or teasers whose links the server answers.
function feedXml(tag: string, count: number, links: string | null): string {
  const items = Array.from({ length: count }, (_, n) => {
    const i = n + 1
    const content = links ? '' : `<content:encoded><![CDATA[${[1, 2, 3].map(() => paragraph(tag, i)).join('')}]]></content:encoded>`
    return `<item><title>${tag} item ${i}</title><link>${links ?? 'https://wire.example'}/item/${i}</link>${content}</item>`
  })
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${tag}</title>${items.join('')}</channel></rss>`
}

let editor: TestAccount
let server: Server
let base = ''
// Item pages asked for, in order; `hold` is called instead of answering when set for that item.
const asked: number[] = []
let hold: { item: number; then: () => void } | null = null

beforeAll(async () => {
  editor = await createTestAccount('editor')
  session.token = editor.sessionToken
  server = createServer((req, res) => {
    const feed = /^\/feed\/(\w+)$/.exec(req.url ?? '')
    if (feed?.[1]) return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(feed[1], 40, `${base}/${feed[1]}`))
    const item = /^\/(\w+)\/item\/(\d+)$/.exec(req.url ?? '')
    if (!item?.[1] || !item[2]) return res.writeHead(404).end()
    const i = Number(item[2])
    asked.push(i)
    if (hold?.item === i) return hold.then() // and never answer
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<html><head><title>${item[1]} item ${i}</title></head><body><article><h1>${item[1]} item ${i}</h1>${[1, 2, 3].map(() => paragraph(item[1] ?? '', i)).join('')}</article></body></html>`,
      )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const storedTitles = async (tag: string) =>
  (
    await getDb().article.findMany({
      where: { title: { startsWith: `${tag} item ` } },
      select: { title: true, bodyText: true, _count: { select: { fingerprints: true } } },
      orderBy: { title: 'asc' },
    })
  ).map((a) => ({
    title: a.title,
    whole: a.bodyText.includes(`${a.title}: the harbour board`) && a._count.fingerprints > 0,
  }))

test('a 10 000-item feed uploaded to the API: the first 25 items are stored, and the answer says "first 25 of 10,000"', { timeout: 120_000 }, async () => {
  const form = new FormData()
  form.append('files', new File([feedXml('Upload', 10_000, null)], 'wire.rss', { type: 'application/rss+xml' }))
  const response = await articlesRoute.POST(
    new Request('http://localhost/api/articles', { method: 'POST', headers: { authorization: `Bearer ${editor.apiToken}` }, body: form }),
    { params: Promise.resolve({}) },
  )
  const body = (await response.json()) as { results: { name: string; status: string }[]; notices: string[] }
  expect(response.status).toBe(201)
  expect(body.notices).toEqual(['wire.rss: first 25 of 10,000 items taken (the limit per feed is 25; CLAIMLINE_FEED_MAX_ITEMS).'])
  expect(body.results.map((r) => `${r.name} ${r.status}`)).toEqual(Array.from({ length: 25 }, (_, i) => `Upload item ${i + 1} created`))
  expect(await getDb().article.count({ where: { title: { startsWith: 'Upload item ' } } })).toBe(25)
})

test('the Add-articles page is told too: its upload answer carries the notice', { timeout: 120_000 }, async () => {
  const form = new FormData()
  form.append('files', new File([feedXml('Page', 30, null)], 'page-wire.rss', { type: 'application/rss+xml' }))
  const state = await ingestFiles({ results: [], error: null }, form)
  expect(state.notices).toEqual(['page-wire.rss: first 25 of 30 items taken (the limit per feed is 25; CLAIMLINE_FEED_MAX_ITEMS).'])
  expect(state.results).toHaveLength(25)
})

test('a client that disconnects stops the ingest: no further item is fetched, nothing half-stored', { timeout: 60_000 }, async () => {
  asked.length = 0
  const client = new AbortController()
  hold = { item: 5, then: () => client.abort() }
  const request = new Request('http://localhost/api/articles', {
    method: 'POST',
    headers: { authorization: `Bearer ${editor.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${base}/feed/Gone` }),
    signal: client.signal,
  })
  await articlesRoute.POST(request, { params: Promise.resolve({}) })
  // Items 1 to 4 were fetched, item 5 was being fetched when the client left; 6 to 25 never were.
  expect(asked).toEqual([1, 2, 3, 4, 5])
  // A batch is 100 articles, so none was stored, and none is half there.
  expect(await storedTitles('Gone')).toEqual([])
})

test('what was stored before the disconnection stays, each article whole', { timeout: 60_000 }, async () => {
  asked.length = 0
  const client = new AbortController()
  hold = { item: 5, then: () => client.abort() }
  const report = await ingestSources([{ name: 'feed', load: () => fetchArticle(`${base}/feed/Kept`, { signal: client.signal }) }], {
    actorId: editor.user.id,
    batchSize: 1,
    signal: client.signal,
  })
  expect(asked).toEqual([1, 2, 3, 4, 5])
  // One article per batch, stored one batch behind the fetching: items 1 to 3 were stored before
  // item 5 was asked for; item 4, fetched but not stored, is dropped whole.
  expect(report.results.map((r) => `${r.name} ${r.status}`)).toEqual(['Kept item 1 created', 'Kept item 2 created', 'Kept item 3 created'])
  expect(await storedTitles('Kept')).toEqual([1, 2, 3].map((i) => ({ title: `Kept item ${i}`, whole: true })))
})
