// The CPU half of ingesting an input: extraction, the editor's fixes, the hashes duplicate
// checks need and the compressed raw source. Pure, so it can run on a worker thread while the
// main thread stores the previous batch (lib/workers).
import { gzipSync } from 'node:zlib'
import { safeHttpUrl } from '../../urls'
import { extractArticle } from '../extract/extract'
import { bodyHash, paragraphFingerprints } from './fingerprint'
import { joinParagraphs } from '../../text/paragraphs'
import type { ArticleDraft, DraftFixes, IngestInput } from '../types'

export type Extracted = {
  draft: ArticleDraft
  body: string
  hash: string
  url: string | null
  domain: string | null
  fingerprints: bigint[]
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
  const body = joinParagraphs(draft.paragraphs)
  const isGzip = input.bytes[0] === 0x1f && input.bytes[1] === 0x8b
  return {
    draft,
    body,
    hash: bodyHash(body),
    url: safeHttpUrl(draft.canonicalUrl) ?? safeHttpUrl(input.url),
    domain: domainOf(draft.canonicalUrl ?? input.url ?? null),
    fingerprints: paragraphFingerprints(draft.paragraphs),
    rawSource: new Uint8Array(isGzip ? input.bytes : gzipSync(input.bytes)),
  }
}
