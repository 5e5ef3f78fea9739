// The Claimline export: the whole archive as one versioned JSON document that re-imports into an
// empty database with nothing lost (same ids, same texts and offsets, same versions and times),
// so that the claims' permanent addresses (/claims/<id>) keep working after a move.
//
// What it holds: outlets; articles with every extraction field, their raw source (gzip, base64)
// and their paragraph fingerprints; entities with aliases and affiliations; claims with their
// selectors, verdicts and versions; suggestions (so rejected ones stay rejected); links between
// claims, and the proposed ones with their decisions (so a rejected proposal is not proposed again);
// stories with their articles and claims.
// What it leaves out: accounts, sessions and API tokens (a person is named by email, and matched
// to an account of the same email on import, else left unknown); the audit trail, which records
// who did what on this installation, and is not the archive's to carry.
//
// Pure: lib/queries/interop.ts reads the snapshot and writes the rows.
import { z } from 'zod'
import { claimTarget } from '../anchoring/selectors'
import { ClaimKind, ClaimStatus, DateSource, EntityKind, LinkRelation, SuggestionStatus } from '../generated/prisma/enums'
import type { ImportRows, Snapshot } from '../queries/interop'

export const EXPORT_FORMAT = 'claimline-export'
export const EXPORT_VERSION = 1

const id = z.uuid()
const instant = z.iso.datetime({ offset: true })
const day = z.iso.date()
const text = z.string()
const email = z.string().min(1)

const outlet = z.object({ id, name: z.string().min(1), domain: text.nullable(), createdAt: instant })

const entity = z.object({
  id,
  kind: z.enum(EntityKind),
  name: z.string().min(1),
  aliases: z.array(text),
  affiliationId: id.nullable(),
  createdAt: instant,
  updatedAt: instant,
})

const article = z.object({
  id,
  sourceUrl: text.nullable(),
  canonicalUrl: text.nullable(),
  title: text,
  standfirst: text.nullable(),
  bylines: z.array(text),
  dateline: text.nullable(),
  publishedAt: instant.nullable(),
  publishedOffset: text.nullable(),
  publishedSource: z.enum(DateSource).nullable(),
  publishedConfidence: z.number().nullable(),
  language: text.nullable(),
  bodyText: text,
  bodyHash: z.string().min(1),
  extractorVersion: text,
  extractionWarnings: z.array(text),
  duplicateOfId: id.nullable(),
  duplicateOverlap: z.number().nullable(),
  rawSource: z.base64().nullable(),
  rawMediaType: text.nullable(),
  rawSourceName: text.nullable(),
  outletId: id.nullable(),
  ingestedBy: email.nullable(),
  ingestedAt: instant,
  updatedAt: instant,
  version: z.number().int().min(1),
  suggestedWith: text.nullable(),
  // Absent in exports made before it existed.
  suggestFailure: text.nullable().default(null),
  // Signed 64-bit paragraph hashes (lib/ingest/store/fingerprint.ts), as decimal strings: JSON numbers
  // lose precision beyond 2^53.
  fingerprints: z.array(z.string().regex(/^-?\d{1,20}$/)),
})

const claim = z.object({
  id,
  articleId: id,
  kind: z.enum(ClaimKind),
  target: claimTarget,
  quote: text,
  speakerId: id.nullable(),
  subjectId: id.nullable(),
  channel: text.nullable(),
  claimDate: day.nullable(),
  note: text.nullable(),
  verdict: text.nullable(),
  verdictNote: text.nullable(),
  verdictAt: instant.nullable(),
  status: z.enum(ClaimStatus),
  version: z.number().int().min(1),
  createdBy: email.nullable(),
  updatedBy: email.nullable(),
  createdAt: instant,
  updatedAt: instant,
  // The same claim in other articles shares the cluster id; `by` says whether the matcher or an
  // editor put it there (an editor's decision the matcher leaves alone). Absent in older exports.
  cluster: z
    .object({ id, by: z.enum(['matcher', 'editor']) })
    .nullable()
    .default(null),
})

const suggestion = z.object({
  id,
  articleId: id,
  kind: z.enum(ClaimKind),
  target: claimTarget,
  quote: text,
  speakerName: text.nullable(),
  speakerId: id.nullable(),
  subjectName: text.nullable(),
  subjectId: id.nullable(),
  confidence: z.number(),
  rule: text,
  status: z.enum(SuggestionStatus),
  claimId: id.nullable(),
  decidedBy: email.nullable(),
  decidedAt: instant.nullable(),
  createdAt: instant,
})

const link = z.object({ id, fromId: id, toId: id, relation: z.enum(LinkRelation), createdAt: instant })

const proposal = z.object({
  id,
  fromId: id,
  toId: id,
  relation: z.enum(LinkRelation),
  confidence: z.number(),
  origin: text,
  status: z.enum(SuggestionStatus),
  decidedBy: email.nullable(),
  decidedAt: instant.nullable(),
  createdAt: instant,
})

const story = z.object({
  id,
  name: z.string().min(1),
  slug: z.string().min(1),
  description: text.nullable(),
  createdAt: instant,
  updatedAt: instant,
  articleIds: z.array(id),
  claimIds: z.array(id),
})

export const claimlineExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION, { error: `This export is of another version; this Claimline reads version ${EXPORT_VERSION}.` }),
  exportedAt: instant,
  outlets: z.array(outlet),
  entities: z.array(entity),
  articles: z.array(article),
  claims: z.array(claim),
  suggestions: z.array(suggestion),
  links: z.array(link),
  // Absent in exports made before it existed.
  proposals: z.array(proposal).default([]),
  stories: z.array(story),
})

export type ClaimlineExport = z.infer<typeof claimlineExport>

export function isClaimlineExport(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'format' in json && json.format === EXPORT_FORMAT
}

const iso = (date: Date) => date.toISOString()
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null)
const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
const compareBigInt = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0)

// Every list in id order, so that the same database always gives the same document.
export function toFullExport(snapshot: Snapshot, exportedAt: Date): ClaimlineExport {
  const emailOf = (userId: string | null) => (userId ? (snapshot.emails.get(userId) ?? null) : null)
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(exportedAt),
    outlets: byId(snapshot.outlets).map((o) => ({ id: o.id, name: o.name, domain: o.domain, createdAt: iso(o.createdAt) })),
    entities: byId(snapshot.entities).map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      affiliationId: e.affiliationId,
      createdAt: iso(e.createdAt),
      updatedAt: iso(e.updatedAt),
    })),
    articles: byId(snapshot.articles).map((a) => ({
      id: a.id,
      sourceUrl: a.sourceUrl,
      canonicalUrl: a.canonicalUrl,
      title: a.title,
      standfirst: a.standfirst,
      bylines: a.bylines,
      dateline: a.dateline,
      publishedAt: isoOrNull(a.publishedAt),
      publishedOffset: a.publishedOffset,
      publishedSource: a.publishedSource,
      publishedConfidence: a.publishedConfidence,
      language: a.language,
      bodyText: a.bodyText,
      bodyHash: a.bodyHash,
      extractorVersion: a.extractorVersion,
      extractionWarnings: a.extractionWarnings,
      duplicateOfId: a.duplicateOfId,
      duplicateOverlap: a.duplicateOverlap,
      rawSource: a.rawSource ? Buffer.from(a.rawSource).toString('base64') : null,
      rawMediaType: a.rawMediaType,
      rawSourceName: a.rawSourceName,
      outletId: a.outletId,
      ingestedBy: emailOf(a.ingestedById),
      ingestedAt: iso(a.ingestedAt),
      updatedAt: iso(a.updatedAt),
      version: a.version,
      suggestedWith: a.suggestedWith,
      suggestFailure: a.suggestFailure,
      fingerprints: a.fingerprints
        .map((f) => f.hash)
        .sort(compareBigInt)
        .map(String),
    })),
    claims: byId(snapshot.claims).map((c) => ({
      id: c.id,
      articleId: c.articleId,
      kind: c.kind,
      target: claimTarget.parse(c.target),
      quote: c.quote,
      speakerId: c.speakerId,
      subjectId: c.subjectId,
      channel: c.channel,
      claimDate: c.claimDate ? iso(c.claimDate).slice(0, 10) : null,
      note: c.note,
      verdict: c.verdict,
      verdictNote: c.verdictNote,
      verdictAt: isoOrNull(c.verdictAt),
      status: c.status,
      version: c.version,
      createdBy: emailOf(c.createdById),
      updatedBy: emailOf(c.updatedById),
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      cluster: c.clusterId ? { id: c.clusterId, by: c.clusterBy ?? 'matcher' } : null,
    })),
    suggestions: byId(snapshot.suggestions).map((s) => ({
      id: s.id,
      articleId: s.articleId,
      kind: s.kind,
      target: claimTarget.parse(s.target),
      quote: s.quote,
      speakerName: s.speakerName,
      speakerId: s.speakerId,
      subjectName: s.subjectName,
      subjectId: s.subjectId,
      confidence: s.confidence,
      rule: s.rule,
      status: s.status,
      claimId: s.claimId,
      decidedBy: emailOf(s.decidedById),
      decidedAt: isoOrNull(s.decidedAt),
      createdAt: iso(s.createdAt),
    })),
    links: byId(snapshot.links).map((l) => ({ id: l.id, fromId: l.fromId, toId: l.toId, relation: l.relation, createdAt: iso(l.createdAt) })),
    proposals: byId(snapshot.proposals).map((p) => ({
      id: p.id,
      fromId: p.fromId,
      toId: p.toId,
      relation: p.relation,
      confidence: p.confidence,
      origin: p.origin,
      status: p.status,
      decidedBy: emailOf(p.decidedById),
      decidedAt: isoOrNull(p.decidedAt),
      createdAt: iso(p.createdAt),
    })),
    stories: byId(snapshot.stories).map((s) => ({
      id: s.id,
      name: s.name,
      slug: s.slug,
      description: s.description,
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
      articleIds: s.articles.map((a) => a.articleId).sort(),
      claimIds: s.claims.map((c) => c.claimId).sort(),
    })),
  }
}

// Every email the export names, to look the accounts up before importing.
export function referencedEmails(doc: ClaimlineExport): string[] {
  const emails = new Set<string>()
  for (const a of doc.articles) if (a.ingestedBy) emails.add(a.ingestedBy)
  for (const c of doc.claims) for (const e of [c.createdBy, c.updatedBy]) if (e) emails.add(e)
  for (const s of doc.suggestions) if (s.decidedBy) emails.add(s.decidedBy)
  for (const p of doc.proposals) if (p.decidedBy) emails.add(p.decidedBy)
  return [...emails].sort()
}

// References the database would refuse (a claim of an article the export does not hold…), in
// words an editor can act on, rather than a foreign-key violation. Ids that are not foreign keys
// in the schema (a suggestion's speakerId, claimId) are history and are not checked.
export function findBrokenReferences(doc: ClaimlineExport): string[] {
  const ids = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id))
  const outlets = ids(doc.outlets)
  const entities = ids(doc.entities)
  const articles = ids(doc.articles)
  const claims = ids(doc.claims)
  const problems: string[] = []
  const check = (present: Set<string>, value: string | null, what: string) => {
    if (value !== null && !present.has(value)) problems.push(`${what} names ${value}, which is not in the export`)
  }
  for (const e of doc.entities) check(entities, e.affiliationId, `entity ${e.id} (affiliation)`)
  for (const a of doc.articles) {
    check(outlets, a.outletId, `article ${a.id} (outlet)`)
    check(articles, a.duplicateOfId, `article ${a.id} (duplicate of)`)
  }
  for (const c of doc.claims) {
    check(articles, c.articleId, `claim ${c.id} (article)`)
    check(entities, c.speakerId, `claim ${c.id} (speaker)`)
    check(entities, c.subjectId, `claim ${c.id} (subject)`)
  }
  for (const s of doc.suggestions) check(articles, s.articleId, `suggestion ${s.id} (article)`)
  for (const l of doc.links) {
    check(claims, l.fromId, `link ${l.id} (from)`)
    check(claims, l.toId, `link ${l.id} (to)`)
  }
  for (const p of doc.proposals) {
    check(claims, p.fromId, `proposed link ${p.id} (from)`)
    check(claims, p.toId, `proposed link ${p.id} (to)`)
  }
  for (const s of doc.stories) {
    for (const a of s.articleIds) check(articles, a, `story ${s.id}`)
    for (const c of s.claimIds) check(claims, c, `story ${s.id}`)
  }
  return problems
}

const date = (value: string) => new Date(value)
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value))

export function toImportRows(doc: ClaimlineExport, userIds: ReadonlyMap<string, string>): ImportRows {
  const userId = (email: string | null) => (email ? (userIds.get(email) ?? null) : null)
  return {
    outlets: doc.outlets.map((o) => ({ id: o.id, name: o.name, domain: o.domain, createdAt: date(o.createdAt) })),
    entities: doc.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      createdAt: date(e.createdAt),
      updatedAt: date(e.updatedAt),
    })),
    affiliations: doc.entities.flatMap((e) => (e.affiliationId ? [{ id: e.id, affiliationId: e.affiliationId, updatedAt: date(e.updatedAt) }] : [])),
    articles: doc.articles.map((a) => ({
      id: a.id,
      sourceUrl: a.sourceUrl,
      canonicalUrl: a.canonicalUrl,
      title: a.title,
      standfirst: a.standfirst,
      bylines: a.bylines,
      dateline: a.dateline,
      publishedAt: dateOrNull(a.publishedAt),
      publishedOffset: a.publishedOffset,
      publishedSource: a.publishedSource,
      publishedConfidence: a.publishedConfidence,
      language: a.language,
      bodyText: a.bodyText,
      bodyHash: a.bodyHash,
      extractorVersion: a.extractorVersion,
      extractionWarnings: a.extractionWarnings,
      duplicateOverlap: a.duplicateOverlap,
      rawSource: a.rawSource === null ? null : new Uint8Array(Buffer.from(a.rawSource, 'base64')),
      rawMediaType: a.rawMediaType,
      rawSourceName: a.rawSourceName,
      outletId: a.outletId,
      ingestedById: userId(a.ingestedBy),
      ingestedAt: date(a.ingestedAt),
      updatedAt: date(a.updatedAt),
      version: a.version,
      suggestedWith: a.suggestedWith,
      suggestFailure: a.suggestFailure,
    })),
    duplicates: doc.articles.flatMap((a) => (a.duplicateOfId ? [{ id: a.id, duplicateOfId: a.duplicateOfId, updatedAt: date(a.updatedAt) }] : [])),
    fingerprints: doc.articles.flatMap((a) => a.fingerprints.map((hash) => ({ articleId: a.id, hash: BigInt(hash) }))),
    clusters: [...new Set(doc.claims.flatMap((c) => (c.cluster ? [c.cluster.id] : [])))].sort().map((id) => ({ id })),
    claims: doc.claims.map((c) => ({
      id: c.id,
      articleId: c.articleId,
      kind: c.kind,
      target: c.target,
      quote: c.quote,
      speakerId: c.speakerId,
      subjectId: c.subjectId,
      channel: c.channel,
      claimDate: c.claimDate === null ? null : new Date(`${c.claimDate}T00:00:00Z`),
      note: c.note,
      verdict: c.verdict,
      verdictNote: c.verdictNote,
      verdictAt: dateOrNull(c.verdictAt),
      status: c.status,
      version: c.version,
      createdById: userId(c.createdBy),
      updatedById: userId(c.updatedBy),
      createdAt: date(c.createdAt),
      updatedAt: date(c.updatedAt),
      clusterId: c.cluster?.id ?? null,
      clusterBy: c.cluster?.by ?? null,
    })),
    suggestions: doc.suggestions.map((s) => ({
      id: s.id,
      articleId: s.articleId,
      kind: s.kind,
      target: s.target,
      quote: s.quote,
      speakerName: s.speakerName,
      speakerId: s.speakerId,
      subjectName: s.subjectName,
      subjectId: s.subjectId,
      confidence: s.confidence,
      rule: s.rule,
      status: s.status,
      claimId: s.claimId,
      decidedById: userId(s.decidedBy),
      decidedAt: dateOrNull(s.decidedAt),
      createdAt: date(s.createdAt),
    })),
    links: doc.links.map((l) => ({ id: l.id, fromId: l.fromId, toId: l.toId, relation: l.relation, createdAt: date(l.createdAt) })),
    proposals: doc.proposals.map((p) => ({
      id: p.id,
      fromId: p.fromId,
      toId: p.toId,
      relation: p.relation,
      confidence: p.confidence,
      origin: p.origin,
      status: p.status,
      decidedById: userId(p.decidedBy),
      decidedAt: dateOrNull(p.decidedAt),
      createdAt: date(p.createdAt),
    })),
    stories: doc.stories.map((s) => ({
      id: s.id,
      name: s.name,
      slug: s.slug,
      description: s.description,
      createdAt: date(s.createdAt),
      updatedAt: date(s.updatedAt),
    })),
    storyArticles: doc.stories.flatMap((s) => s.articleIds.map((articleId) => ({ storyId: s.id, articleId }))),
    storyClaims: doc.stories.flatMap((s) => s.claimIds.map((claimId) => ({ storyId: s.id, claimId }))),
  }
}

export type ImportCounts = {
  outlets: number
  entities: number
  articles: number
  claims: number
  suggestions: number
  links: number
  proposals: number
  stories: number
  unknownPeople: string[]
}

export function importCounts(doc: ClaimlineExport, userIds: ReadonlyMap<string, string>): ImportCounts {
  return {
    outlets: doc.outlets.length,
    entities: doc.entities.length,
    articles: doc.articles.length,
    claims: doc.claims.length,
    suggestions: doc.suggestions.length,
    links: doc.links.length,
    proposals: doc.proposals.length,
    stories: doc.stories.length,
    unknownPeople: referencedEmails(doc).filter((e) => !userIds.has(e)),
  }
}
