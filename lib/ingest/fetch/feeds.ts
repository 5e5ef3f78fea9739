// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds → one input per item. An item that carries the
// full article (content:encoded, Atom <content>) is ingested from the feed itself, wrapped in
// a small HTML page with the item's metadata; otherwise its link is fetched.
import { load, type Cheerio, type CheerioAPI } from 'cheerio'
import type { Element } from 'domhandler'
import { parseDate } from '../extract/dates'
import { decodeBytes } from '../extract/decode'
import { IngestError } from '../errors'
import { fetchArticle } from './fetch-url'
import { parseHtml } from '../extract/html/parse'
import { feedOnWorker } from '../store/off-thread'
import type { Feed, FeedItem, IngestInput } from '../types'

export type { Feed, FeedItem }

// Full text rather than a teaser (which is a line or two): several paragraphs, or that much text.
const FULL_TEXT_PARAGRAPHS = 3
const FULL_TEXT_CHARS = 800

export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).trimStart()
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head)
}

function text($el: Cheerio<Element>): string | null {
  const value = $el.first().text().trim()
  return value || null
}

function isoDate(value: string | null): string | null {
  return value ? (parseDate(value)?.iso ?? null) : null
}

function rssItems($: CheerioAPI, nodes: Element[]): Omit<FeedItem, 'fullText'>[] {
  return nodes.map((node) => {
    const item = $(node)
    return {
      title: text(item.children('title')),
      link: text(item.children('link')) ?? text(item.children('guid[isPermaLink!="false"]')),
      published: isoDate(text(item.children('pubDate')) ?? text(item.children('dc\\:date'))),
      author: text(item.children('dc\\:creator')) ?? text(item.children('author')),
      content: text(item.children('content\\:encoded')),
      summary: text(item.children('description')),
    }
  })
}

function atomItems($: CheerioAPI, nodes: Element[]): Omit<FeedItem, 'fullText'>[] {
  return nodes.map((node) => {
    const entry = $(node)
    const alternate = entry.children('link[rel="alternate"]').attr('href') ?? entry.children('link:not([rel])').attr('href') ?? null
    return {
      title: text(entry.children('title')),
      link: alternate,
      published: isoDate(text(entry.children('published')) ?? text(entry.children('updated'))),
      author: text(entry.find('author > name')),
      content: text(entry.children('content')),
      summary: text(entry.children('summary')),
    }
  })
}

// Only the first `maxItems` items are read: a feed of 10 000 items costs no more than its first
// few hundred beyond the XML parse itself.
export function parseFeed(xml: string, maxItems = Infinity): Feed {
  if (!looksLikeFeed(xml)) throw new IngestError('bad-feed', 'This is not an RSS or Atom feed.')
  const $ = load(xml, { xml: true })
  if ($('parsererror').length > 0) throw new IngestError('bad-feed', 'The feed is not well-formed XML.')
  const atom = $('feed').length > 0
  const nodes = (atom ? $('entry') : $('item')).toArray()
  const taken = nodes.slice(0, maxItems)
  const items = (atom ? atomItems($, taken) : rssItems($, taken)).map((item) => ({ ...item, fullText: hasFullText(item.content) }))
  const title = atom ? text($('feed > title')) : text($('channel > title'))
  if (items.length === 0) throw new IngestError('bad-feed', 'The feed has no items.')
  return { title, items, total: nodes.length }
}

// What an editor is told when a feed had more items than were taken.
export function feedCutNotice(source: string, feed: Feed): string | null {
  if (feed.items.length >= feed.total) return null
  const n = (value: number) => value.toLocaleString('en-US')
  return `${source}: first ${n(feed.items.length)} of ${n(feed.total)} items taken (the limit per feed is ${n(feed.items.length)}; CLAIMLINE_FEED_MAX_ITEMS).`
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

// The item as a page the HTML extractor reads like any other, its metadata where pages keep it.
export function itemPage(feed: Feed, item: FeedItem): string {
  const meta = [
    item.title ? `<title>${escape(item.title)}</title>` : '',
    item.link ? `<link rel="canonical" href="${escape(item.link)}">` : '',
    item.published ? `<meta property="article:published_time" content="${escape(item.published)}">` : '',
    item.author ? `<meta name="author" content="${escape(item.author)}">` : '',
    feed.title ? `<meta property="og:site_name" content="${escape(feed.title)}">` : '',
  ].join('')
  return `<!doctype html><html><head><meta charset="utf-8">${meta}</head><body><article>${item.title ? `<h1>${escape(item.title)}</h1>` : ''}${item.content ?? ''}</article></body></html>`
}

// Bounded like any page: an item whose markup is built to stall the parser is no full text.
function hasFullText(content: string | null): boolean {
  if (!content) return false
  let $: CheerioAPI
  try {
    $ = parseHtml(content)
  } catch {
    return false
  }
  const paragraphs = $('p')
    .toArray()
    .filter((p) => $(p).text().trim().length > 40).length
  return paragraphs >= FULL_TEXT_PARAGRAPHS || $.root().text().trim().length >= FULL_TEXT_CHARS
}

// Bytes → the feed's first `maxItems` items: the CPU half of reading a feed (decoding, the XML
// parse, judging each item's content), run on an analysis worker (lib/ingest/store/off-thread.ts).
export function readFeed(bytes: Uint8Array, contentType: string | null | undefined, maxItems = Infinity): Feed {
  return parseFeed(decodeBytes(bytes, contentType).text, maxItems)
}

export type FeedEntry = { name: string; input: () => Promise<IngestInput> }

// A source's entries, and a notice for the editor when a feed was cut short.
export type Expansion = { entries: FeedEntry[]; notice: string | null }

// One entry per item, each producing its input lazily (fetching only when needed), so a batch
// reports every item separately and goes on past a failed fetch.
export function feedEntries(feed: Feed, fetchPage: (url: string) => Promise<IngestInput>): FeedEntry[] {
  return feed.items.map((item, i) => {
    const name = item.title ?? item.link ?? `item ${i + 1}`
    if (item.fullText) {
      return {
        name,
        input: async () => ({ bytes: new TextEncoder().encode(itemPage(feed, item)), name, url: item.link, contentType: 'text/html; charset=utf-8' }),
      }
    }
    return {
      name,
      input: async () => {
        if (!item.link) throw new IngestError('bad-feed', `"${name}" has neither full text nor a link.`)
        return { ...(await fetchPage(item.link)), name }
      },
    }
  })
}

// Any input → what to ingest: a feed's first `maxItems` items, or the input itself.
export async function entriesFor(input: IngestInput, fetchPage: (url: string) => Promise<IngestInput>, maxItems = Infinity): Promise<Expansion> {
  const head = new TextDecoder().decode(input.bytes.subarray(0, 2048))
  if (!looksLikeFeed(head)) return { entries: [{ name: input.name, input: async () => input }], notice: null }
  const feed = await feedOnWorker(input.bytes, input.contentType, maxItems)
  return { entries: feedEntries(feed, fetchPage), notice: feedCutNotice(input.name, feed) }
}

// A source (a file, an upload, a URL) → what to ingest. When loading it or reading it as a
// feed fails, the source becomes one failing entry, so a batch reports it and goes on.
export async function entriesFromSource(
  name: string,
  load: () => Promise<IngestInput>,
  fetchPage: (url: string) => Promise<IngestInput> = (url) => fetchArticle(url),
  maxItems = Infinity,
): Promise<Expansion> {
  try {
    return await entriesFor(await load(), fetchPage, maxItems)
  } catch (error) {
    const failure = error instanceof Error ? error : new IngestError('fetch', String(error))
    return { entries: [{ name, input: () => Promise.reject(failure) }], notice: null }
  }
}
