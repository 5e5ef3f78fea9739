// One input (bytes, plus where they came from) → a stored article, or a clear report of why
// not: extraction, exact and near-duplicate detection, the outlet, the audit record — all in
// one transaction, so a failure leaves nothing half-written.
import { gzipSync } from 'node:zlib'
import { getDb } from '../db'
import { Prisma } from '../generated/prisma/client'
import {
  createArticleWithFingerprints,
  findArticleByBodyHash,
  findArticlesSharingFingerprints,
  findArticleByUrl,
  replaceArticleExtraction,
  type StoredArticleFields,
} from '../queries/articles'
import { recordAuditEvent } from '../queries/audit'
import type { DbClient } from '../queries/client'
import { findOrCreateOutlet, findOutletByDomain } from '../queries/outlets'
import { safeHttpUrl } from '../urls'
import { IngestError, type IngestErrorCode } from './errors'
import { extractArticle } from './extract'
import { bodyHash, containment, NEAR_DUPLICATE_CONTAINMENT, paragraphFingerprints } from './fingerprint'
import { joinParagraphs } from './normalize'
import type { ArticleDraft, PublishedDate } from './types'

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

export type IngestOptions = {
  actorId: string | null
  // Same URL, different text: replace the stored extraction (only while the article has no claims).
  update?: boolean
  fixes?: DraftFixes
}

type Related = { id: string; title: string }

export type IngestResult =
  | { name: string; status: 'created'; article: Related; nearDuplicateOf: (Related & { overlap: number }) | null; warnings: string[] }
  | { name: string; status: 'updated'; article: Related; warnings: string[] }
  | { name: string; status: 'duplicate'; article: Related; reason: 'same-url' | 'same-text' }
  | { name: string; status: 'failed'; error: { code: IngestErrorCode | 'internal'; message: string } }

function domainOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return null
  }
}

const OFFSET = /([+-]\d\d:\d\d|Z)$/

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

async function outletIdFor(draft: ArticleDraft, url: string | null, tx: DbClient): Promise<string | null> {
  const domain = domainOf(draft.canonicalUrl ?? url)
  if (draft.publisher) return (await findOrCreateOutlet(draft.publisher, domain, tx)).id
  // No name in the page: an outlet already known for this site.
  return domain ? ((await findOutletByDomain(domain, tx))?.id ?? null) : null
}

function storedFields(draft: ArticleDraft, input: IngestInput, body: string, outletId: string | null, actorId: string | null): StoredArticleFields {
  const isGzip = input.bytes[0] === 0x1f && input.bytes[1] === 0x8b
  return {
    sourceUrl: safeHttpUrl(input.url),
    canonicalUrl: safeHttpUrl(draft.canonicalUrl),
    title: draft.title ?? input.name,
    standfirst: draft.standfirst,
    bylines: draft.bylines,
    dateline: draft.dateline,
    ...publishedFields(draft.published),
    language: draft.language,
    bodyText: body,
    bodyHash: bodyHash(body),
    extractorVersion: draft.extractorVersion,
    extractionWarnings: draft.warnings,
    rawSource: new Uint8Array(isGzip ? input.bytes : gzipSync(input.bytes)),
    rawMediaType: input.contentType ?? (draft.format === 'html' ? 'text/html' : 'text/plain'),
    rawSourceName: input.name,
    outletId,
    ingestedById: actorId,
  }
}

async function nearDuplicate(body: string, fingerprints: bigint[], tx: DbClient) {
  for (const candidate of await findArticlesSharingFingerprints(fingerprints, 5, tx)) {
    const overlap = containment(body, candidate.bodyText)
    // Link to the original, not to another copy of it.
    if (overlap >= NEAR_DUPLICATE_CONTAINMENT) return { id: candidate.duplicateOfId ?? candidate.id, title: candidate.title, overlap }
  }
  return null
}

async function store(input: IngestInput, draft: ArticleDraft, options: IngestOptions, tx: DbClient): Promise<IngestResult> {
  const body = joinParagraphs(draft.paragraphs)
  const hash = bodyHash(body)
  const sameText = await findArticleByBodyHash(hash, tx)
  if (sameText) return { name: input.name, status: 'duplicate', article: sameText, reason: 'same-text' }

  const url = safeHttpUrl(draft.canonicalUrl) ?? safeHttpUrl(input.url)
  const sameUrl = url ? await findArticleByUrl(url, tx) : null
  const outletId = await outletIdFor(draft, input.url ?? null, tx)
  const fields = storedFields(draft, input, body, outletId, options.actorId)
  const fingerprints = paragraphFingerprints(draft.paragraphs)

  if (sameUrl) {
    if (!options.update) return { name: input.name, status: 'duplicate', article: { id: sameUrl.id, title: sameUrl.title }, reason: 'same-url' }
    if (sameUrl._count.claims > 0) {
      throw new IngestError('conflict', `"${sameUrl.title}" has ${sameUrl._count.claims} claims on its current text; it was not replaced.`)
    }
    const updated = await replaceArticleExtraction(sameUrl.id, { ...fields, suggestedWith: null }, fingerprints, tx)
    await recordAuditEvent({ actorId: options.actorId, action: 'article.update-extraction', objectType: 'Article', objectId: updated.id, after: { title: fields.title, source: input.name } }, tx)
    return { name: input.name, status: 'updated', article: updated, warnings: draft.warnings }
  }

  const near = await nearDuplicate(body, fingerprints, tx)
  const created = await createArticleWithFingerprints({ ...fields, duplicateOfId: near?.id ?? null, duplicateOverlap: near?.overlap ?? null }, fingerprints, tx)
  await recordAuditEvent(
    { actorId: options.actorId, action: 'article.ingest', objectType: 'Article', objectId: created.id, after: { title: created.title, source: input.name, duplicateOf: near?.id ?? null } },
    tx,
  )
  return { name: input.name, status: 'created', article: created, nearDuplicateOf: near, warnings: draft.warnings }
}

function failure(name: string, error: unknown): IngestResult {
  if (error instanceof IngestError) return { name, status: 'failed', error: { code: error.code, message: error.message } }
  return { name, status: 'failed', error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }
}

// Extraction and storage inside a transaction the caller holds (e.g. loading the demo data).
// Throws an IngestError when the input is not an article.
export async function storeDraft(input: IngestInput, options: IngestOptions, tx: DbClient): Promise<IngestResult> {
  return store(input, draftFor(input, options), options, tx)
}

function draftFor(input: IngestInput, options: IngestOptions): ArticleDraft {
  return applyFixes(extractArticle(input.bytes, { url: input.url, contentType: input.contentType }), options.fixes)
}

export async function ingestOne(input: IngestInput, options: IngestOptions, db = getDb()): Promise<IngestResult> {
  let draft: ArticleDraft
  try {
    // Outside the transaction: extraction takes milliseconds that other writers need not wait for.
    draft = draftFor(input, options)
  } catch (error) {
    return failure(input.name, error)
  }
  try {
    return await db.$transaction((tx) => store(input, draft, options, tx))
  } catch (error) {
    // Two ingests of the same text at once: the unique body hash lets only one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await findArticleByBodyHash(bodyHash(joinParagraphs(draft.paragraphs)), db)
      if (existing) return { name: input.name, status: 'duplicate', article: existing, reason: 'same-text' }
    }
    return failure(input.name, error)
  }
}

// A batch goes on past a bad item; every item gets its own result.
export async function ingestMany(
  inputs: AsyncIterable<IngestInput> | Iterable<IngestInput>,
  options: IngestOptions,
  onResult: (result: IngestResult) => void = () => {},
): Promise<IngestResult[]> {
  const results: IngestResult[] = []
  for await (const input of inputs) {
    const result = await ingestOne(input, options)
    results.push(result)
    onResult(result)
  }
  return results
}

type Entry = { name: string; input: () => Promise<IngestInput> }

// Entries whose input may still have to be fetched (feed items, URLs): a failed fetch is that
// entry's failure, and the batch goes on.
export async function ingestEntries(entries: Entry[], options: IngestOptions, onResult: (result: IngestResult) => void = () => {}): Promise<IngestResult[]> {
  const results: IngestResult[] = []
  for (const entry of entries) {
    let result: IngestResult
    try {
      result = await ingestOne(await entry.input(), options)
    } catch (error) {
      result = failure(entry.name, error)
    }
    results.push(result)
    onResult(result)
  }
  return results
}
