// Reading annotations made elsewhere (a Hypothesis export, any W3C Web Annotation document) as
// claims: each annotation's page is matched to a stored article by URL, its words are found in
// the article's stored text with the anchoring code, and its tags say what kind of claim it is
// and who spoke about whom. Pure: the caller loads the candidate articles and entities, and
// writes the planned claims (lib/interop/import.ts).
//
// Accepted shapes: a W3C AnnotationCollection (with its pages embedded), an AnnotationPage, one
// Annotation or an array of them; Hypothesis's API search result ({ rows }) and the Hypothesis
// client's export file ({ annotations }). Replies and page notes annotate no words: every real
// Hypothesis export holds them, and they are skipped and counted, not refused.
import { z } from 'zod'
import { anchorTarget } from '../anchoring/anchor'
import {
  describeRange,
  textPositionSelector,
  textQuoteSelector,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../anchoring/selectors'
import { CLAIM_KIND_VALUES, type ClaimKind } from '../claims/kinds'
import { DomainError } from '../errors'
import type { ArticleForImport, EntityForImport, ExistingClaim, PlannedClaim } from '../queries/interop'
import { firstIssue, firstIssuePath } from '../validation'

export class AnnotationFormatError extends DomainError {
  constructor(message: string) {
    super('unknown-format', message)
  }
}

// One annotation, reduced to what a claim needs.
export type AnnotationInput = {
  ref: string
  // The pages it names, in the order they are tried: its targets' sources (one may name several),
  // then a Hypothesis row's uri.
  sources: string[]
  quote: TextQuoteSelector | null
  position: TextPositionSelector | null
  tags: string[]
  text: string | null
}

// As Hypothesis tells them apart (its client's isReply and isPageNote): a reply refers to the
// annotations it answers; a page note is about the whole page, so its target has no selector.
export type SkipReason = 'reply' | 'page note'

export type AnnotationItem = AnnotationInput | { ref: string; skipped: SkipReason } | { ref: string; invalid: string }

const looseSelector = z.object({ type: z.string() }).loose()
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[])

// A target's source may be one URL or several (the same page under more than one address).
const sources = oneOrMany(z.string())
const w3cTargetObject = z.object({ source: sources.optional(), id: z.string().optional(), selector: oneOrMany(looseSelector).optional() }).loose()
const w3cTarget = z.union([z.string().transform((source) => ({ source: [source], id: undefined, selector: undefined })), w3cTargetObject])
const w3cBody = z.union([
  z.string().transform((value) => ({ type: 'TextualBody', value, purpose: undefined })),
  z.object({ type: z.string().optional(), value: z.string().optional(), purpose: z.string().optional() }).loose(),
])

const w3cAnnotation = z
  .object({
    id: z.string().optional(),
    body: oneOrMany(w3cBody).optional(),
    bodyValue: z.string().optional(),
    motivation: oneOrMany(z.string()).optional(),
    target: oneOrMany(w3cTarget),
  })
  .loose()

const hypothesisRow = z
  .object({
    id: z.string().optional(),
    uri: z.string(),
    references: z.array(z.string()).default([]),
    target: oneOrMany(z.object({ source: sources.optional(), selector: oneOrMany(looseSelector).optional() }).loose()).default([]),
    tags: z.array(z.string()).default([]),
    text: z.string().default(''),
  })
  .loose()

function typesOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return []
  const record = value as Record<string, unknown>
  const type = record.type ?? record['@type']
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// The annotations of a document, each parsed on its own so that one bad entry is reported and
// the others still import. Throws AnnotationFormatError when the document is none of the shapes.
export function readAnnotations(json: unknown): AnnotationItem[] {
  const entries = annotationEntries(json)
  if (!entries)
    throw new AnnotationFormatError(
      'Not an annotation document: expected a W3C AnnotationCollection, AnnotationPage or Annotation, a Hypothesis export ({"annotations": […]}) or a Hypothesis API result ({"rows": […]}).',
    )
  return entries.map((entry, index) => readOne(entry, index))
}

export function isAnnotationDocument(json: unknown): boolean {
  return annotationEntries(json) !== null
}

function annotationEntries(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json
  if (!isRecord(json)) return null
  const types = typesOf(json)
  if (types.includes('AnnotationCollection')) return pagesOf(json.first)
  if (types.includes('AnnotationPage')) return pagesOf(json)
  if (types.includes('Annotation')) return [json]
  if (Array.isArray(json.rows)) return json.rows
  if (Array.isArray(json.annotations)) return json.annotations
  return null
}

// A collection's pages, followed through `next` while they are embedded; a page that is only a
// link would have to be fetched, which an import does not do.
function pagesOf(first: unknown): unknown[] {
  if (typeof first === 'string')
    throw new AnnotationFormatError('The collection links to its pages instead of embedding them; export it with the annotations included.')
  const items: unknown[] = []
  const seen = new Set<unknown>()
  for (let page = first; isRecord(page) && !seen.has(page); page = page.next) {
    seen.add(page)
    if (Array.isArray(page.items)) items.push(...page.items)
  }
  return items
}

function readOne(entry: unknown, index: number): AnnotationItem {
  const fallbackRef = `#${index + 1}`
  if (!isRecord(entry)) return { ref: fallbackRef, invalid: 'not an annotation object' }
  const ref = typeof entry.id === 'string' && entry.id ? entry.id : fallbackRef
  if (typeof entry.uri === 'string' && !typesOf(entry).includes('Annotation')) return readHypothesis(entry, ref)
  const parsed = w3cAnnotation.safeParse(entry)
  if (!parsed.success) return { ref, invalid: `not a Web Annotation: ${firstIssuePath(parsed.error) || 'shape'} ${firstIssue(parsed.error, '')}`.trim() }
  if (parsed.data.motivation?.includes('replying')) return { ref, skipped: 'reply' }
  const skipped = skipReason([], parsed.data.target)
  if (skipped) return { ref, skipped }
  const target = parsed.data.target.find((t) => selectorsOf(t.selector).quote) ?? parsed.data.target[0]
  const { quote, position } = selectorsOf(target?.selector)
  const tags: string[] = []
  const comments: string[] = []
  if (parsed.data.bodyValue) comments.push(parsed.data.bodyValue)
  for (const body of parsed.data.body ?? []) {
    if (!body.value) continue
    if (body.purpose === 'tagging') tags.push(body.value)
    // Claimline writes the verdict as an assessment; it is an editor's decision here, not imported.
    else if (body.purpose !== 'assessing') comments.push(body.value)
  }
  return { ref, sources: sourcesOf(target, parsed.data.target, target?.id), quote, position, tags, text: joinText(comments) }
}

function readHypothesis(entry: Record<string, unknown>, ref: string): AnnotationItem {
  const parsed = hypothesisRow.safeParse(entry)
  if (!parsed.success) return { ref, invalid: `not a Hypothesis annotation: ${firstIssuePath(parsed.error)} ${firstIssue(parsed.error, '')}`.trim() }
  const skipped = skipReason(parsed.data.references, parsed.data.target)
  if (skipped) return { ref, skipped }
  const target = parsed.data.target.find((t) => selectorsOf(t.selector).quote) ?? parsed.data.target[0]
  const { quote, position } = selectorsOf(target?.selector)
  return { ref, sources: sourcesOf(target, parsed.data.target, parsed.data.uri), quote, position, tags: parsed.data.tags, text: joinText([parsed.data.text]) }
}

// A target with selectors of other kinds only (a PDF page, a CSS selector) does name a part of
// the page: it is not a page note, and is reported as naming no words (planOne).
function skipReason(references: readonly string[], targets: readonly { selector?: readonly unknown[] }[]): SkipReason | null {
  if (references.length > 0) return 'reply'
  return targets.some((t) => t.selector && t.selector.length > 0) ? null : 'page note'
}

// The chosen target's sources first, then the other targets', then the fallback; each once.
function sourcesOf(chosen: { source?: string[] } | undefined, targets: readonly { source?: string[] }[], fallback: string | undefined): string[] {
  const all = [...(chosen?.source ?? []), ...targets.flatMap((t) => t.source ?? []), ...(fallback ? [fallback] : [])]
  return [...new Set(all.map((s) => s.trim()).filter(Boolean))]
}

function joinText(parts: string[]): string | null {
  const text = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n')
  return text || null
}

// The TextQuote and TextPosition selectors among any others (Hypothesis adds a RangeSelector,
// which names DOM nodes of the live page and means nothing against the stored text).
function selectorsOf(selectors: readonly unknown[] | undefined): { quote: TextQuoteSelector | null; position: TextPositionSelector | null } {
  let quote: TextQuoteSelector | null = null
  let position: TextPositionSelector | null = null
  for (const selector of selectors ?? []) {
    const q = textQuoteSelector.safeParse(selector)
    if (q.success && !quote) quote = q.data
    const p = textPositionSelector.safeParse(selector)
    if (p.success && !position) position = p.data
  }
  return { quote, position }
}

// --- matching articles -------------------------------------------------------------------------

// The same page under small differences of spelling: scheme and host case, a fragment, a
// trailing slash, tracking parameters. Exact matches are preferred (see matchArticle).
export function urlKey(url: string): string | null {
  try {
    const parsed = new URL(url.trim())
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
    parsed.hash = ''
    for (const key of [...parsed.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/i.test(key)) parsed.searchParams.delete(key)
    const path = parsed.pathname.replace(/\/+$/, '')
    return `${parsed.hostname.toLowerCase().replace(/^www\./, '')}${path}${parsed.search}`
  } catch {
    return null
  }
}

// The stored URLs that could be this page, for the database lookup (exact string equality there).
export function urlCandidates(url: string): string[] {
  const out = new Set([url.trim()])
  try {
    const parsed = new URL(url.trim())
    parsed.hash = ''
    for (const key of [...parsed.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/i.test(key)) parsed.searchParams.delete(key)
    const bare = parsed.toString()
    for (const base of [bare, bare.replace(/^http:/, 'https:'), bare.replace(/^https:/, 'http:')]) {
      for (const host of [base, base.replace('://www.', '://'), base.replace(/^(https?:\/\/)(?!www\.)/, '$1www.')]) {
        out.add(host)
        out.add(host.endsWith('/') ? host.slice(0, -1) : `${host}/`)
      }
    }
  } catch {
    // Not a URL: only the exact string can match.
  }
  return [...out]
}

export function matchArticle(source: string, articles: readonly ArticleForImport[], claimlineArticleId: string | null): ArticleForImport | null {
  if (claimlineArticleId) return articles.find((a) => a.id === claimlineArticleId) ?? null
  const exact = articles.find((a) => a.urls.includes(source))
  if (exact) return exact
  const key = urlKey(source)
  return key ? (articles.find((a) => a.urls.some((u) => urlKey(u) === key)) ?? null) : null
}

// --- tags ------------------------------------------------------------------------------------

const KINDS = new Set<string>(CLAIM_KIND_VALUES)

export function kindFromTags(tags: readonly string[]): ClaimKind {
  for (const tag of tags) {
    const kind = tag.trim().toLowerCase()
    if (KINDS.has(kind)) return kind as ClaimKind
  }
  return 'other'
}

// "speaker:Brad Smith" → "Brad Smith"
export function roleName(tags: readonly string[], role: 'speaker' | 'subject'): string | null {
  const pattern = new RegExp(`^${role}\\s*:\\s*(.+)$`, 'i')
  for (const tag of tags) {
    const match = pattern.exec(tag.trim())
    if (match?.[1]) return match[1].trim()
  }
  return null
}

// By name first, then by alias, ignoring case; the first by id when several share it.
export function findEntity(name: string, entities: readonly EntityForImport[]): EntityForImport | null {
  const wanted = name.toLocaleLowerCase()
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : 1))
  return sorted.find((e) => e.name.toLocaleLowerCase() === wanted) ?? sorted.find((e) => e.aliases.some((a) => a.toLocaleLowerCase() === wanted)) ?? null
}

// --- planning --------------------------------------------------------------------------------

// Text copied out of a browser, folded as Claimline folds article text (NFKC, no zero-width
// characters, runs of spaces as one, paragraph breaks as one blank line), so that quotes and
// their context compare with the stored body. Edges are kept: a prefix's trailing space matters.
function foldLikeStoredText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n\n')
}

// Another tool's context, as evidence against the stored text. Empty or whitespace only after
// folding, it is no context at all (undefined): a heading's or a list item's context is often
// just the page's indentation, which folds to a paragraph break and would agree with every
// paragraph start; and an empty one means the quote began that tool's page text, which says
// nothing about where it sits in the stored body (issue 14).
function foldContext(context: string | undefined): string | undefined {
  if (context === undefined) return undefined
  const folded = foldLikeStoredText(context)
  return folded.trim() === '' ? undefined : folded
}

export type AnnotationOutcome =
  | { ref: string; status: 'created'; articleId: string; claimId: string | null; kind: ClaimKind; quote: string; unknownEntities: string[] }
  // The same words with the same kind are already a claim: an existing one (its id), or an
  // earlier annotation of the same import (its ref, replaced by the claim's id once written).
  | { ref: string; status: 'duplicate'; articleId: string; duplicateOf: string }
  | { ref: string; status: 'orphan'; articleId: string; quote: string }
  | { ref: string; status: 'no-article'; source: string | null }
  // A reply or a page note: no words to make a claim of. Counted, not a failure.
  | { ref: string; status: 'skipped'; reason: SkipReason }
  | { ref: string; status: 'invalid'; reason: string }

export type ImportPlan = { outcomes: AnnotationOutcome[]; claims: PlannedClaim[] }

export type PlanContext = {
  articles: readonly ArticleForImport[]
  entities: readonly EntityForImport[]
  existing: readonly ExistingClaim[]
  // Recognises Claimline's own article pages (an annotation export from this installation).
  claimlineArticleId?: (url: string) => string | null
}

// Claims planned earlier in the same import are named `pending:<index>` until they are written.
export const PENDING = 'pending:'

export function planAnnotationImport(items: readonly AnnotationItem[], context: PlanContext): ImportPlan {
  const claims: PlannedClaim[] = []
  const taken = [...context.existing]
  const outcomes = items.map((item, index) => planOne(item, index, context, claims, taken))
  return { outcomes, claims }
}

function findArticle(sources: readonly string[], context: PlanContext): ArticleForImport | null {
  for (const source of sources) {
    const article = matchArticle(source, context.articles, context.claimlineArticleId?.(source) ?? null)
    if (article) return article
  }
  return null
}

// One annotation: skipped, refused, not found, already a claim, or planned (pushed onto `claims`, and its
// words onto `taken` so that a second copy in the same document is a duplicate).
function planOne(item: AnnotationItem, index: number, context: PlanContext, claims: PlannedClaim[], taken: ExistingClaim[]): AnnotationOutcome {
  if ('invalid' in item) return { ref: item.ref, status: 'invalid', reason: item.invalid }
  if ('skipped' in item) return { ref: item.ref, status: 'skipped', reason: item.skipped }
  if (!item.quote) return { ref: item.ref, status: 'invalid', reason: 'no TextQuoteSelector: the target does not say which words it annotates' }
  const article = findArticle(item.sources, context)
  if (!article) return { ref: item.ref, status: 'no-article', source: item.sources[0] ?? null }

  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: foldLikeStoredText(item.quote.exact).trim(),
    prefix: foldContext(item.quote.prefix),
    suffix: foldContext(item.quote.suffix),
  }
  // The position is only a hint: anchorTarget uses it when the quote is still there, and offsets
  // counted in another tool's page text rarely are. The stored body is an excerpt of that page:
  // the context of its first and last words reaches into the headline or "Related articles".
  const selectors: Selector[] = item.position ? [quote, item.position] : [quote]
  const anchor = quote.exact ? anchorTarget(article.bodyText, selectors, { excerpt: true }) : null
  if (!anchor) return { ref: item.ref, status: 'orphan', articleId: article.id, quote: item.quote.exact }

  const kind = kindFromTags(item.tags)
  const same = taken.find((c) => c.articleId === article.id && c.kind === kind && c.start === anchor.start && c.end === anchor.end)
  if (same) return { ref: item.ref, status: 'duplicate', articleId: article.id, duplicateOf: same.id }

  const unknownEntities: string[] = []
  const entityId = (role: 'speaker' | 'subject') => {
    const name = roleName(item.tags, role)
    if (!name) return null
    const entity = findEntity(name, context.entities)
    if (!entity) unknownEntities.push(`${role}:${name}`)
    return entity?.id ?? null
  }
  const target = describeRange(article.bodyText, anchor.start, anchor.end)
  claims.push({
    index,
    articleId: article.id,
    kind,
    target,
    quote: target[0].exact,
    speakerId: entityId('speaker'),
    subjectId: entityId('subject'),
    claimDate: article.day,
    note: item.text,
  })
  taken.push({ articleId: article.id, kind, start: anchor.start, end: anchor.end, id: `${PENDING}${index}` })
  return { ref: item.ref, status: 'created', articleId: article.id, claimId: null, kind, quote: target[0].exact, unknownEntities }
}
