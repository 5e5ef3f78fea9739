// The CPU half of ingesting an input: extraction, the editor's fixes, the draft as the columns
// it fills, the hashes duplicate checks need and the compressed raw source. Pure, so it can run
// on a worker thread while the main thread stores the previous batch (lib/workers).
import { gzipSync } from 'node:zlib'
import { safeHttpUrl } from '../../urls'
import { extractArticle } from '../extract/extract'
import { bodyHash, paragraphFingerprints } from './fingerprint'
import { joinParagraphs } from '../../text/paragraphs'
import type { ArticleDraft, DraftFixes, IngestInput, PublishedDate } from '../types'

const OFFSET = /([+-]\d\d:\d\d|Z)$/

// A publication date as its four columns: a day without a time is stored as that day's UTC
// midnight with no offset; a time keeps the offset it was written with.
export function publishedFields(published: PublishedDate | null) {
  if (!published) return { publishedAt: null, publishedOffset: null, publishedSource: null, publishedConfidence: null }
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(published.iso)
  return {
    publishedAt: new Date(dayOnly ? `${published.iso}T00:00:00Z` : published.iso),
    publishedOffset: dayOnly ? null : (OFFSET.exec(published.iso)?.[1] ?? null),
    publishedSource: published.source,
    publishedConfidence: published.confidence,
  }
}

// What an extraction fills of an article's row. A new article (ingest.ts) and a re-extraction
// (reextract.ts) both store this, so the two cannot drift apart. The title is left to the
// caller, whose fallback differs (the input's name, the title already stored), and so are the
// date columns (`published`), which a re-extraction leaves alone once an editor has set them.
export type DraftRow = {
  body: string
  hash: string
  fingerprints: bigint[]
  columns: {
    standfirst: string | null
    bylines: string[]
    dateline: string | null
    language: string | null
    extractorVersion: string
    extractionWarnings: string[]
  }
  published: ReturnType<typeof publishedFields>
}

export function draftRow(draft: ArticleDraft): DraftRow {
  const body = joinParagraphs(draft.paragraphs)
  return {
    body,
    hash: bodyHash(body),
    fingerprints: paragraphFingerprints(draft.paragraphs),
    columns: {
      standfirst: draft.standfirst,
      bylines: draft.bylines,
      dateline: draft.dateline,
      language: draft.language,
      extractorVersion: draft.extractorVersion,
      extractionWarnings: draft.warnings,
    },
    published: publishedFields(draft.published),
  }
}

export type Extracted = DraftRow & {
  draft: ArticleDraft
  url: string | null
  domain: string | null
  // The bytes as ingested, gzip-compressed (kept so the article can be re-extracted later).
  rawSource: Uint8Array<ArrayBuffer>
}

export type Prepared = Extracted & { input: IngestInput }

function domainOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return null
  }
}

export function applyFixes(draft: ArticleDraft, fixes: DraftFixes | undefined): ArticleDraft {
  if (!fixes) return draft
  return {
    ...draft,
    title: fixes.title?.trim() || draft.title,
    bylines: fixes.bylines ?? draft.bylines,
    publisher: fixes.publisher?.trim() || draft.publisher,
    published: fixes.publishedAt ? { iso: fixes.publishedAt, source: 'editor', confidence: 1 } : draft.published,
  }
}

// Throws an IngestError when the input is not an article.
export function extractForStorage(input: IngestInput, fixes: DraftFixes | undefined): Extracted {
  const draft = applyFixes(extractArticle(input.bytes, { url: input.url, contentType: input.contentType }), fixes)
  const isGzip = input.bytes[0] === 0x1f && input.bytes[1] === 0x8b
  return {
    ...draftRow(draft),
    draft,
    url: safeHttpUrl(draft.canonicalUrl) ?? safeHttpUrl(input.url),
    domain: domainOf(draft.canonicalUrl ?? input.url ?? null),
    rawSource: new Uint8Array(isGzip ? input.bytes : gzipSync(input.bytes)),
  }
}
