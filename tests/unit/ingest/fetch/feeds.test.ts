import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { IngestError } from '@/lib/ingest/errors'
import { extractArticle } from '@/lib/ingest/extract/extract'
import { entriesFor, entriesFromSource, feedEntries, looksLikeFeed, parseFeed } from '@/lib/ingest/fetch/feeds'
import type { IngestInput } from '@/lib/ingest/store/ingest'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../../fixtures/feeds', name))
const fetched: string[] = []
const fetchPage = async (url: string): Promise<IngestInput> => {
  fetched.push(url)
  return {
    bytes: new TextEncoder().encode(`<html><body><article><p>${'Fetched article text. '.repeat(10)}</p></article></body></html>`),
    name: url,
    url,
    contentType: 'text/html',
  }
}

test('RSS 2.0: items with their title, link, date, author and full text', () => {
  const feed = parseFeed(fixture('full-text.rss').toString())
  expect(feed.title).toBe('Harbour Gazette')
  expect(feed.items).toHaveLength(2)
  expect(feed.items[0]).toMatchObject({
    title: 'Ferry operator denies safety lapses',
    link: 'https://gazette.example/news/ferry-denial',
    published: '2024-03-05T09:30:00+01:00',
    author: 'Maria Olsen',
  })
})

test('a full-text item is ingested from the feed; a teaser is fetched from its link', async () => {
  fetched.length = 0
  const entries = feedEntries(parseFeed(fixture('full-text.rss').toString()), fetchPage)
  const first = await entries[0]!.input()
  const draft = extractArticle(first.bytes, { url: first.url })
  expect(draft.title).toBe('Ferry operator denies safety lapses')
  expect(draft.bylines).toEqual(['Maria Olsen'])
  expect(draft.published?.iso.slice(0, 10)).toBe('2024-03-05')
  expect(draft.publisher).toBe('Harbour Gazette')
  expect(draft.paragraphs).toHaveLength(4)
  expect(fetched).toEqual([])
  await entries[1]!.input()
  expect(fetched).toEqual(['https://gazette.example/news/budget'])
})

test('Atom: alternate links, published dates and authors; an entry without a link fails on its own', async () => {
  const feed = parseFeed(fixture('teasers.atom').toString())
  expect(feed.items[0]).toMatchObject({
    title: 'Company says it never shared customer data',
    link: 'https://wire.example/a/1',
    published: '2013-06-06T20:43:00-04:00',
    author: 'Jane Doe',
  })
  const entries = feedEntries(feed, fetchPage)
  await expect(entries[1]!.input()).rejects.toThrow(/neither full text nor a link/)
})

test('feeds are told from pages; broken and empty feeds are clear errors', async () => {
  expect(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0">')).toBe(true)
  expect(looksLikeFeed('<html><body>')).toBe(false)
  expect(() => parseFeed('<html></html>')).toThrow(IngestError)
  expect(() => parseFeed('<?xml version="1.0"?><rss><channel><title>Empty</title></channel></rss>')).toThrow(/no items/)
  const page: IngestInput = { bytes: new TextEncoder().encode('<html><body><p>x</p></body></html>'), name: 'page.html' }
  expect((await entriesFor(page, fetchPage)).entries.map((e) => e.name)).toEqual(['page.html'])
  expect(await entriesFor({ bytes: fixture('teasers.atom'), name: 'wire.atom' }, fetchPage)).toMatchObject({ entries: [{}, {}], notice: null })
})

test('a source that cannot be loaded, or a broken feed, is one failing entry rather than an error', async () => {
  const unreachable = await entriesFromSource('https://news.example/', () => Promise.reject(new IngestError('fetch', 'offline')), fetchPage)
  expect(unreachable.entries.map((e) => e.name)).toEqual(['https://news.example/'])
  await expect(unreachable.entries[0]!.input()).rejects.toThrow('offline')
  const broken = await entriesFromSource(
    'empty.rss',
    async () => ({ bytes: new TextEncoder().encode('<?xml version="1.0"?><rss><channel></channel></rss>'), name: 'empty.rss' }),
    fetchPage,
  )
  expect(broken.entries).toHaveLength(1)
  await expect(broken.entries[0]!.input()).rejects.toThrow(/no items/)
  const feed = await entriesFromSource('wire.atom', async () => ({ bytes: fixture('teasers.atom'), name: 'wire.atom' }), fetchPage)
  expect(feed.entries).toHaveLength(2)
})

// A feed of `count` full-text items, RSS or Atom, made here rather than stored (it is 10 MB).
function bigFeed(count: number, kind: 'rss' | 'atom'): Uint8Array {
  const body = (i: number) => `<p>Item ${i} of the wire: ${'The harbour board met again on Tuesday to discuss the ferry terminal. '.repeat(3)}</p>`.repeat(3)
  const items = Array.from({ length: count }, (_, i) =>
    kind === 'rss'
      ? `<item><title>Wire item ${i + 1}</title><link>https://wire.example/${i + 1}</link><content:encoded><![CDATA[${body(i + 1)}]]></content:encoded></item>`
      : `<entry><title>Wire item ${i + 1}</title><link href="https://wire.example/${i + 1}"/><content type="html"><![CDATA[${body(i + 1)}]]></content></entry>`,
  )
  const xml =
    kind === 'rss'
      ? `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>${items.join('')}</channel></rss>`
      : `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>${items.join('')}</feed>`
  return new TextEncoder().encode(xml)
}

test('a 10 000-item feed gives its first 500 items, in order, and says it was cut', async () => {
  fetched.length = 0
  for (const kind of ['rss', 'atom'] as const) {
    const found = await entriesFromSource('wire.xml', async () => ({ bytes: bigFeed(10_000, kind), name: 'wire.xml' }), fetchPage, 500)
    expect(found.entries).toHaveLength(500)
    expect([found.entries[0]?.name, found.entries.at(-1)?.name]).toEqual(['Wire item 1', 'Wire item 500'])
    expect(found.notice).toBe('wire.xml: first 500 of 10,000 items taken (the limit per feed is 500; CLAIMLINE_FEED_MAX_ITEMS).')
  }
  expect(fetched).toEqual([])
})

test('a feed within the limit is taken whole, without a notice', async () => {
  const found = await entriesFor({ bytes: bigFeed(500, 'rss'), name: 'wire.xml' }, fetchPage, 500)
  expect([found.entries.length, found.notice]).toEqual([500, null])
  expect(parseFeed(new TextDecoder().decode(bigFeed(30, 'atom')), 10)).toMatchObject({ total: 30, items: { length: 10 } })
})
