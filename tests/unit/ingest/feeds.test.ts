import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { IngestError } from '@/lib/ingest/errors'
import { extractArticle } from '@/lib/ingest/extract'
import { entriesFor, entriesFromSource, feedEntries, looksLikeFeed, parseFeed } from '@/lib/ingest/feeds'
import type { IngestInput } from '@/lib/ingest/ingest'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../fixtures/feeds', name))
const fetched: string[] = []
const fetchPage = async (url: string): Promise<IngestInput> => {
  fetched.push(url)
  return { bytes: new TextEncoder().encode(`<html><body><article><p>${'Fetched article text. '.repeat(10)}</p></article></body></html>`), name: url, url, contentType: 'text/html' }
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
  expect(feed.items[0]).toMatchObject({ title: 'Company says it never shared customer data', link: 'https://wire.example/a/1', published: '2013-06-06T20:43:00-04:00', author: 'Jane Doe' })
  const entries = feedEntries(feed, fetchPage)
  await expect(entries[1]!.input()).rejects.toThrow(/neither full text nor a link/)
})

test('feeds are told from pages; broken and empty feeds are clear errors', () => {
  expect(looksLikeFeed('<?xml version="1.0"?>\n<rss version="2.0">')).toBe(true)
  expect(looksLikeFeed('<html><body>')).toBe(false)
  expect(() => parseFeed('<html></html>')).toThrow(IngestError)
  expect(() => parseFeed('<?xml version="1.0"?><rss><channel><title>Empty</title></channel></rss>')).toThrow(/no items/)
  const page: IngestInput = { bytes: new TextEncoder().encode('<html><body><p>x</p></body></html>'), name: 'page.html' }
  expect(entriesFor(page, fetchPage).map((e) => e.name)).toEqual(['page.html'])
  expect(entriesFor({ bytes: fixture('teasers.atom'), name: 'wire.atom' }, fetchPage)).toHaveLength(2)
})

test('a source that cannot be loaded, or a broken feed, is one failing entry rather than an error', async () => {
  const unreachable = await entriesFromSource('https://news.example/', () => Promise.reject(new IngestError('fetch', 'offline')), fetchPage)
  expect(unreachable.map((e) => e.name)).toEqual(['https://news.example/'])
  await expect(unreachable[0]!.input()).rejects.toThrow('offline')
  const broken = await entriesFromSource('empty.rss', async () => ({ bytes: new TextEncoder().encode('<?xml version="1.0"?><rss><channel></channel></rss>'), name: 'empty.rss' }), fetchPage)
  expect(broken).toHaveLength(1)
  await expect(broken[0]!.input()).rejects.toThrow(/no items/)
  const feed = await entriesFromSource('wire.atom', async () => ({ bytes: fixture('teasers.atom'), name: 'wire.atom' }), fetchPage)
  expect(feed).toHaveLength(2)
})
