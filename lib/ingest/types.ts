// What extraction produces from one input, before it is stored: the contract between the
// format-specific extractors (html/, text/) and the rest of ingestion.

// Where a publication date came from, most trustworthy first (mirrors the DateSource enum in the schema).
export type DateSource = 'jsonld' | 'meta' | 'time' | 'dateline' | 'url' | 'editor'

export type PublishedDate = {
  // ISO 8601. With a time: always with its offset ("2013-06-06T20:43:00-04:00", or "Z" when
  // the source said UTC). Without a known time: the day alone ("2013-07-17").
  iso: string
  source: DateSource
  // 0..1: how sure we are this is the publication (not modification, not a related item's) date.
  confidence: number
}

export type ArticleMetadata = {
  title: string | null
  standfirst: string | null
  bylines: string[] // names only: "Bill Rigby", not "By Bill Rigby" or "Reporting by Bill Rigby"
  publisher: string | null // the outlet's name: "Reuters"
  dateline: string | null // the place, as the article gives it: "SEATTLE"
  published: PublishedDate | null
  canonicalUrl: string | null
  language: string | null // BCP 47, e.g. "en", "en-US"
}

export type ArticleDraft = ArticleMetadata & {
  format: 'html' | 'text'
  paragraphs: string[] // normalised (lib/text/normalize.ts), no empty ones
  extractorVersion: string
  // Things an editor should look at: "no publication date found", "title guessed from the first line", …
  warnings: string[]
}

// One input to ingest: bytes and where they came from.
export type IngestInput = {
  bytes: Uint8Array
  // How the editor knows this input: a file name, a URL, "pasted text".
  name: string
  url?: string | null
  contentType?: string | null
}

// What the editor corrected before saving; wins over what the extractor found.
export type DraftFixes = {
  title?: string
  publishedAt?: string // ISO date or date-time with offset
  bylines?: string[]
  publisher?: string
}

// A feed as read (lib/ingest/fetch/feeds.ts, on a worker through off-thread.ts).
export type FeedItem = {
  title: string | null
  link: string | null
  published: string | null // ISO, when the feed gives a parseable date
  author: string | null
  content: string | null // HTML of the full article, when the feed carries it
  summary: string | null
  // `content` is the whole article rather than a teaser: it is ingested from the feed.
  fullText: boolean
}

// `items` are the first `maxItems` of the feed's `total`.
export type Feed = { title: string | null; items: FeedItem[]; total: number }
