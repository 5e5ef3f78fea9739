// Inputs (bytes, plus where they came from) → stored articles, or a clear report of why not:
// extraction, exact and near-duplicate detection, the outlet, the audit record. Extraction runs
// outside any transaction; storing runs in batches, each one transaction, so a failure leaves
// nothing half-written.
import { getDb } from '../../db'
import type { PrismaClient } from '../../generated/prisma/client'
import { uuidv7 } from '../../ids'
import {
  createArticlesWithFingerprints,
  findArticleByBodyHash,
  findArticlesByBodyHashes,
  findArticlesByUrls,
  replaceArticleExtraction,
  type NewArticleRow,
  type StoredArticleFields,
} from '../../queries/articles'
import { recordAuditEvents, type AuditInput } from '../../queries/audit'
import { isUniqueViolation, type DbClient } from '../../queries/client'
import { findOrCreateOutlets, findOutletsByDomains } from '../../queries/outlets'
import { safeHttpUrl } from '../../urls'
import { IngestError, type IngestErrorCode } from '../errors'
import { extractOnWorker } from './off-thread'
import { extractForStorage, type Extracted, type Prepared } from './prepare'
import { findResemblances, type NearDuplicate, type Resemblance } from './near-duplicates'
import type { DraftFixes, IngestInput } from '../types'

// Callers of ingestOne and ingestEntries name what they pass by these.
export type { DraftFixes, IngestInput }

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

function storedFields(item: Prepared, outletId: string | null, actorId: string | null): StoredArticleFields {
  const { draft, input, body } = item
  return {
    sourceUrl: safeHttpUrl(input.url),
    canonicalUrl: safeHttpUrl(draft.canonicalUrl),
    title: draft.title ?? input.name,
    ...item.columns,
    ...item.published,
    bodyText: body,
    bodyHash: item.hash,
    rawSource: item.rawSource,
    rawMediaType: input.contentType ?? (draft.format === 'html' ? 'text/html' : 'text/plain'),
    rawSourceName: input.name,
    outletId,
    ingestedById: actorId,
  }
}

// What a batch needs from the database, asked once for all its articles.
async function lookUp(items: Prepared[], tx: DbClient) {
  const publishers = new Map<string, string | null>()
  for (const item of items) if (item.draft.publisher && !publishers.has(item.draft.publisher)) publishers.set(item.draft.publisher, item.domain)
  const unnamedDomains = [...new Set(items.flatMap((item) => (!item.draft.publisher && item.domain ? [item.domain] : [])))]
  const [sameText, sameUrl, outlets, outletsByDomain] = await Promise.all([
    findArticlesByBodyHashes(
      items.map((item) => item.hash),
      tx,
    ),
    findArticlesByUrls([...new Set(items.flatMap((item) => (item.url ? [item.url] : [])))], tx),
    findOrCreateOutlets(
      [...publishers].map(([name, domain]) => ({ name, domain })),
      tx,
    ),
    findOutletsByDomains(unnamedDomains, tx),
  ])
  const byUrl = new Map<string, (typeof sameUrl)[number]>()
  for (const row of sameUrl) for (const u of [row.canonicalUrl, row.sourceUrl]) if (u && !byUrl.has(u)) byUrl.set(u, row)
  return { byHash: new Map(sameText.map((a) => [a.bodyHash, a])), byUrl, outlets, outletsByDomain }
}

// Decides every item of a batch (duplicate, update, near-duplicate, new) against the database and
// the items before it, then writes the new articles, their fingerprints and their audit records
// with one multi-row insert each. Runs inside the caller's transaction: all or nothing.
// `resemblances` (near-duplicates.ts), one per item, are best found before the transaction.
async function storeBatch(items: Prepared[], options: IngestOptions, tx: DbClient, resemblances?: Resemblance[]): Promise<IngestResult[]> {
  const similar = resemblances ?? (await findResemblances(items, tx))
  const known = await lookUp(items, tx)
  const results: IngestResult[] = []
  const rows: NewArticleRow[] = []
  const audits: AuditInput[] = []
  const batchByHash = new Map<string, Related>()
  const batchByUrl = new Map<string, Related>()
  // The items of this batch stored so far, by index: later ones may nearly copy them.
  const created = new Map<number, Related & { duplicateOfId: string | null }>()
  const now = Date.now()

  for (const [index, item] of items.entries()) {
    const { input, draft, hash, url } = item
    const sameText = known.byHash.get(hash) ?? batchByHash.get(hash)
    if (sameText) {
      results.push({ name: input.name, status: 'duplicate', article: { id: sameText.id, title: sameText.title }, reason: 'same-text' })
      continue
    }
    const outletId = draft.publisher ? (known.outlets.get(draft.publisher) ?? null) : item.domain ? (known.outletsByDomain.get(item.domain) ?? null) : null
    const fields = storedFields(item, outletId, options.actorId)
    const stored = url ? known.byUrl.get(url) : undefined
    const sameUrl = stored ?? (url ? batchByUrl.get(url) : undefined)
    if (sameUrl) {
      if (!options.update || !stored) {
        results.push({ name: input.name, status: 'duplicate', article: { id: sameUrl.id, title: sameUrl.title }, reason: 'same-url' })
      } else if (stored._count.claims > 0) {
        const error = new IngestError('conflict', `"${stored.title}" has ${stored._count.claims} claims on its current text; it was not replaced.`)
        results.push({ name: input.name, status: 'failed', error: { code: error.code, message: error.message } })
      } else {
        const updated = await replaceArticleExtraction(stored.id, { ...fields, suggestedWith: null, suggestFailure: null }, item.fingerprints, tx)
        audits.push({
          actorId: options.actorId,
          action: 'article.update-extraction',
          objectType: 'Article',
          objectId: updated.id,
          after: { title: fields.title, source: input.name },
        })
        results.push({ name: input.name, status: 'updated', article: updated, warnings: draft.warnings })
      }
      continue
    }

    const near = nearDuplicateOf(similar[index], created)
    const id = uuidv7(now + rows.length)
    rows.push({ ...fields, id, duplicateOfId: near?.id ?? null, duplicateOverlap: near?.overlap ?? null, fingerprints: item.fingerprints })
    audits.push({
      actorId: options.actorId,
      action: 'article.ingest',
      objectType: 'Article',
      objectId: id,
      after: { title: fields.title, source: input.name, duplicateOf: near?.id ?? null },
    })
    const article = { id, title: fields.title }
    results.push({ name: input.name, status: 'created', article, nearDuplicateOf: near, warnings: draft.warnings })
    batchByHash.set(hash, article)
    if (url) batchByUrl.set(url, article)
    created.set(index, { ...article, duplicateOfId: near?.id ?? null })
  }
  await createArticlesWithFingerprints(rows, tx)
  await recordAuditEvents(audits, tx)
  return results
}

// A stored article first; else the first earlier item of the batch it resembles that was stored
// (not a duplicate). Linked to the original, not to another copy of it.
function nearDuplicateOf(resemblance: Resemblance | undefined, created: Map<number, Related & { duplicateOfId: string | null }>): NearDuplicate | null {
  if (!resemblance) return null
  if (resemblance.stored) return resemblance.stored
  for (const { index, overlap } of resemblance.earlier) {
    const earlier = created.get(index)
    if (earlier) return { id: earlier.duplicateOfId ?? earlier.id, title: earlier.title, overlap }
  }
  return null
}

function failure(name: string, error: unknown): IngestResult {
  if (error instanceof IngestError) return { name, status: 'failed', error: { code: error.code, message: error.message } }
  // Not the input's fault: the operator needs the cause, which the editor's line does not carry.
  console.error(`Ingesting ${name} failed unexpectedly:`, error)
  return { name, status: 'failed', error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }
}

// Extraction and storage inside a transaction the caller holds (e.g. loading the demo data).
// Throws an IngestError when the input is not an article.
export async function storeDraft(input: IngestInput, options: IngestOptions, tx: DbClient): Promise<IngestResult> {
  const [result] = await storeBatch([prepare(input, options)], options, tx)
  if (!result) throw new Error('storeBatch returned no result')
  return result
}

// Stores a batch in one transaction. If that fails — another writer stored the same text
// meanwhile (the unique body hash refuses the insert), or one item breaks the statement (a URL
// too long for its index, a deadlock) — the batch is stored again item by item, so each gets
// its own exact result and the rest are still stored.
async function storePrepared(items: Prepared[], options: IngestOptions, db: PrismaClient): Promise<IngestResult[]> {
  try {
    const resemblances = await findResemblances(items, db)
    return await db.$transaction((tx) => storeBatch(items, options, tx, resemblances), { timeout: 60_000 })
  } catch (error) {
    if (items.length > 1) {
      const results: IngestResult[] = []
      for (const item of items) results.push(...(await storePrepared([item], options, db)))
      return results
    }
    const [item] = items
    const existing = item && isUniqueViolation(error) ? await findArticleByBodyHash(item.hash, db) : null
    if (item && existing) return [{ name: item.input.name, status: 'duplicate', article: existing, reason: 'same-text' }]
    return items.map((i) => failure(i.input.name, error))
  }
}

export async function ingestOne(input: IngestInput, options: IngestOptions, db = getDb()): Promise<IngestResult> {
  let item: Prepared
  try {
    // Outside the transaction, on an analysis worker: an untrusted page is never parsed on the
    // thread that answers requests.
    item = { ...(await extractOnWorker(input, options.fixes)), input }
  } catch (error) {
    return failure(input.name, error)
  }
  const [result] = await storePrepared([item], options, db)
  return result ?? failure(input.name, new Error('no result'))
}

type Entry = { name: string; input: () => Promise<IngestInput> }

export type BatchOptions = {
  // Articles stored per transaction. Bigger batches cost fewer round trips; a batch is also the
  // unit a failing database write gives back as failures.
  batchSize?: number
  // Where extraction runs: the process's analysis workers by default (lib/workers/shared.ts);
  // the command line brings a pool sized for bulk work.
  extract?: (input: IngestInput, fixes: DraftFixes | undefined) => Promise<Extracted>
  // Once aborted (the client that asked went away), no further entry is loaded and no further
  // batch stored; what was extracted but not yet stored is dropped, never half-written.
  signal?: AbortSignal
}

const DEFAULT_BATCH_SIZE = 100
// Raw bytes loaded ahead before a batch is written regardless of its size, to bound memory.
const BATCH_BYTES = 64 * 1024 * 1024

type Slot = Prepared | IngestResult

// In this thread: only for trusted text inside a transaction the caller holds (storeDraft).
function prepare(input: IngestInput, options: IngestOptions): Prepared {
  return { ...extractForStorage(input, options.fixes), input }
}

// The one way in for many inputs (files, uploads, feed items, URLs): each entry is loaded (a
// failed fetch is that entry's failure) and extracted, and the extracted ones are stored in
// batches. Up to two batches are extracted ahead, so worker threads extract the next batch
// while this one is stored. A batch goes on past a bad item; every item gets its own result,
// in input order.
export async function ingestEntries(
  entries: AsyncIterable<Entry> | Iterable<Entry>,
  options: IngestOptions & BatchOptions,
  onResult: (result: IngestResult) => void = () => {},
  db = getDb(),
): Promise<IngestResult[]> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  const extract = options.extract ?? ((input: IngestInput, fixes: DraftFixes | undefined) => extractOnWorker(input, fixes))
  const results: IngestResult[] = []
  const ahead: { bytes: number; slot: Promise<Slot> }[] = []
  let aheadBytes = 0

  const start = async (entry: Entry): Promise<{ bytes: number; slot: Promise<Slot> }> => {
    try {
      const input = await entry.input()
      const slot = extract(input, options.fixes).then(
        (extracted): Slot => ({ ...extracted, input }),
        (error: unknown): Slot => failure(entry.name, error),
      )
      return { bytes: input.bytes.length, slot }
    } catch (error) {
      return { bytes: 0, slot: Promise.resolve(failure(entry.name, error)) }
    }
  }
  const flush = async (count: number) => {
    const taken = ahead.splice(0, count)
    aheadBytes -= taken.reduce((sum, t) => sum + t.bytes, 0)
    const slots = await Promise.all(taken.map((t) => t.slot))
    const stored = await storePrepared(
      slots.filter((s): s is Prepared => 'draft' in s),
      options,
      db,
    )
    for (const slot of slots) {
      const result = 'draft' in slot ? stored.shift() : slot
      if (!result) continue
      results.push(result)
      onResult(result)
    }
  }
  const stopped = () => options.signal?.aborted === true
  for await (const entry of entries) {
    if (stopped()) break
    const started = await start(entry)
    if (stopped()) break
    ahead.push(started)
    aheadBytes += started.bytes
    if (ahead.length >= 2 * batchSize || aheadBytes >= BATCH_BYTES) await flush(batchSize)
  }
  while (ahead.length > 0 && !stopped()) await flush(batchSize)
  return results
}

export async function ingestMany(
  inputs: Iterable<IngestInput>,
  options: IngestOptions & BatchOptions,
  onResult?: (result: IngestResult) => void,
  db = getDb(),
): Promise<IngestResult[]> {
  return ingestEntries(
    [...inputs].map((input) => ({ name: input.name, input: async () => input })),
    options,
    onResult,
    db,
  )
}
