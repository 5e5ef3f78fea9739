// Reads and writes for exports and imports (lib/interop/): the claims of an export's scope,
// the whole archive as one consistent snapshot, and the rows of an import.
import { claimTarget, type Selector, type TextPositionSelector, type TextQuoteSelector } from '../anchoring/selectors'
import { articleDay } from '../dates/format'
import { getDb } from '../db'
import { DomainError } from '../errors'
import {
  Prisma,
  type Article,
  type Claim,
  type ClaimLink,
  type LinkProposal,
  type ClaimSuggestion,
  type Entity,
  type Outlet,
  type PrismaClient,
  type Story,
} from '../generated/prisma/client'
import type { ClaimKind, ClaimStatus, EntityKind, LinkRelation } from '../generated/prisma/enums'
import { recordAuditEvent } from './audit'
import { uuidv7 } from '../ids'
import { insertClaims } from './claims'
import type { DbClient } from './client'

// Large imports take longer than an interactive edit: the transaction may run for minutes.
export const IMPORT_TRANSACTION = { maxWait: 60_000, timeout: 10 * 60_000 } as const

// The rows this module reads and writes, as the exports and imports (lib/interop/) take them.

// --- the claims of an export (lib/interop/claim-set.ts and the formats built on it) ---------

export type ExportEntity = { id: string; kind: EntityKind; name: string }

export type ExportArticle = {
  id: string
  title: string
  // The original's address (canonical, else the one it was fetched from); null for pasted text.
  url: string | null
  outlet: { name: string; domain: string | null } | null
  bylines: string[]
  publishedAt: Date | null
  publishedOffset: string | null
  language: string | null
}

export type ExportClaim = {
  id: string
  kind: ClaimKind
  quote: string
  target: Selector[]
  status: ClaimStatus
  // The day the claim was made, YYYY-MM-DD.
  claimDate: string | null
  channel: string | null
  note: string | null
  verdict: string | null
  verdictNote: string | null
  verdictAt: Date | null
  createdAt: Date
  updatedAt: Date
  speaker: ExportEntity | null
  subject: ExportEntity | null
  article: ExportArticle
  // Outgoing links: this claim denies / responds to / confirms / repeats `toId`.
  links: { relation: LinkRelation; toId: string }[]
  stories: string[]
}

// --- the whole archive (lib/interop/full-export.ts) -----------------------------------------

// What the database holds, as lib/queries/interop.ts reads it.
export type Snapshot = {
  outlets: Outlet[]
  entities: Entity[]
  articles: (Article & { fingerprints: { hash: bigint }[] })[]
  claims: Claim[]
  suggestions: ClaimSuggestion[]
  links: ClaimLink[]
  proposals: LinkProposal[]
  stories: (Story & { articles: { articleId: string }[]; claims: { claimId: string }[] })[]
  // Account id → email, for every account the rows name.
  emails: Map<string, string>
}

// The rows to insert. Self-references (an entity's affiliation, an article's original) are set
// in a second step, so that insertion order does not matter and cycles are possible; the rows
// carry their own updatedAt there too, which Prisma would otherwise stamp with the import's time.
export type ImportRows = {
  outlets: Prisma.OutletCreateManyInput[]
  entities: Prisma.EntityCreateManyInput[]
  affiliations: { id: string; affiliationId: string; updatedAt: Date }[]
  articles: Prisma.ArticleCreateManyInput[]
  duplicates: { id: string; duplicateOfId: string; updatedAt: Date }[]
  fingerprints: Prisma.ArticleFingerprintCreateManyInput[]
  clusters: Prisma.ClaimClusterCreateManyInput[]
  claims: Prisma.ClaimCreateManyInput[]
  suggestions: Prisma.ClaimSuggestionCreateManyInput[]
  links: Prisma.ClaimLinkCreateManyInput[]
  proposals: Prisma.LinkProposalCreateManyInput[]
  stories: Prisma.StoryCreateManyInput[]
  storyArticles: Prisma.StoryArticleCreateManyInput[]
  storyClaims: Prisma.StoryClaimCreateManyInput[]
}

// --- annotation imports (lib/interop/annotation-import.ts) ----------------------------------

export type ArticleForImport = { id: string; urls: string[]; bodyText: string; day: string | null }
export type EntityForImport = { id: string; name: string; aliases: string[] }
export type ExistingClaim = { articleId: string; kind: ClaimKind; start: number; end: number; id: string }

export type PlannedClaim = {
  // The annotation's place in the document: its outcome is outcomes[index].
  index: number
  articleId: string
  kind: ClaimKind
  target: [TextQuoteSelector, TextPositionSelector]
  quote: string
  speakerId: string | null
  subjectId: string | null
  claimDate: string | null
  note: string | null
}

export type ClaimScope =
  { kind: 'all' } | { kind: 'claim'; id: string } | { kind: 'article'; id: string } | { kind: 'story'; id: string } | { kind: 'claims'; ids: string[] }

// A story holds its own claims and every claim of its articles, as its timeline does.
function scopeWhere(scope: ClaimScope): Prisma.ClaimWhereInput {
  switch (scope.kind) {
    case 'all':
      return {}
    case 'claim':
      return { id: scope.id }
    case 'article':
      return { articleId: scope.id }
    case 'story':
      return { OR: [{ stories: { some: { storyId: scope.id } } }, { article: { stories: { some: { storyId: scope.id } } } }] }
    case 'claims':
      return { id: { in: scope.ids } }
  }
}

const exportClaimInclude = {
  speaker: { select: { id: true, kind: true, name: true } },
  subject: { select: { id: true, kind: true, name: true } },
  article: {
    select: {
      id: true,
      title: true,
      canonicalUrl: true,
      sourceUrl: true,
      bylines: true,
      publishedAt: true,
      publishedOffset: true,
      language: true,
      outlet: { select: { name: true, domain: true } },
      stories: { select: { story: { select: { name: true } } } },
    },
  },
  linksFrom: { select: { relation: true, toId: true }, orderBy: [{ relation: 'asc' }, { toId: 'asc' }] },
  stories: { select: { story: { select: { name: true } } } },
} as const satisfies Prisma.ClaimInclude

type ExportClaimRow = Prisma.ClaimGetPayload<{ include: typeof exportClaimInclude }>

// A stored target that does not parse (it never should) still exports its words.
function targetOf(row: ExportClaimRow): Selector[] {
  const parsed = claimTarget.safeParse(row.target)
  return parsed.success ? parsed.data : [{ type: 'TextQuoteSelector', exact: row.quote }]
}

function toExportClaim(row: ExportClaimRow): ExportClaim {
  const stories = new Set([...row.stories, ...row.article.stories].map((s) => s.story.name))
  return {
    id: row.id,
    kind: row.kind,
    quote: row.quote,
    target: targetOf(row),
    status: row.status,
    claimDate: row.claimDate ? row.claimDate.toISOString().slice(0, 10) : null,
    channel: row.channel,
    note: row.note,
    verdict: row.verdict,
    verdictNote: row.verdictNote,
    verdictAt: row.verdictAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    speaker: row.speaker,
    subject: row.subject,
    article: {
      id: row.article.id,
      title: row.article.title,
      url: row.article.canonicalUrl ?? row.article.sourceUrl,
      outlet: row.article.outlet,
      bylines: row.article.bylines,
      publishedAt: row.article.publishedAt,
      publishedOffset: row.article.publishedOffset,
      language: row.article.language,
    },
    links: row.linksFrom,
    stories: [...stories].sort(),
  }
}

// In the timeline's order: by the day the claim was made (undated last), then as tagged.
export async function listClaimsForExport(scope: ClaimScope, client: DbClient = getDb()): Promise<ExportClaim[]> {
  const rows = await client.claim.findMany({
    where: scopeWhere(scope),
    include: exportClaimInclude,
    orderBy: [{ claimDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map(toExportClaim)
}

// What an export of one claim, article or story is called (its file name, its label); null when
// there is no such thing.
export async function describeExportTarget(
  scope: Exclude<ClaimScope, { kind: 'all' } | { kind: 'claims' }>,
  client: DbClient = getDb(),
): Promise<{ name: string } | null> {
  switch (scope.kind) {
    case 'claim': {
      const claim = await client.claim.findUnique({ where: { id: scope.id }, select: { quote: true } })
      return claim ? { name: claim.quote } : null
    }
    case 'article': {
      const article = await client.article.findUnique({ where: { id: scope.id }, select: { title: true } })
      return article ? { name: article.title } : null
    }
    case 'story': {
      const story = await client.story.findUnique({ where: { id: scope.id }, select: { name: true } })
      return story ? { name: story.name } : null
    }
  }
}

// --- the whole archive -----------------------------------------------------------------------

// One repeatable-read transaction, so that an export taken while editors work is still whole:
// no claim of an article the export does not hold, no link to a claim it missed.
export async function loadSnapshot(client: PrismaClient = getDb()): Promise<Snapshot> {
  return client.$transaction(
    async (tx) => {
      const outlets = await tx.outlet.findMany()
      const entities = await tx.entity.findMany()
      const articles = await tx.article.findMany({ include: { fingerprints: { select: { hash: true } } } })
      const claims = await tx.claim.findMany()
      const suggestions = await tx.claimSuggestion.findMany()
      const links = await tx.claimLink.findMany()
      const proposals = await tx.linkProposal.findMany()
      const stories = await tx.story.findMany({ include: { articles: { select: { articleId: true } }, claims: { select: { claimId: true } } } })
      const userIds = new Set<string>()
      for (const a of articles) if (a.ingestedById) userIds.add(a.ingestedById)
      for (const c of claims) for (const id of [c.createdById, c.updatedById]) if (id) userIds.add(id)
      for (const s of suggestions) if (s.decidedById) userIds.add(s.decidedById)
      for (const p of proposals) if (p.decidedById) userIds.add(p.decidedById)
      const users = await tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true } })
      return { outlets, entities, articles, claims, suggestions, links, proposals, stories, emails: new Map(users.map((u) => [u.id, u.email])) }
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  )
}

// Rows of archive content (accounts, settings and the audit trail do not count).
export async function countArchiveRows(client: DbClient = getDb()): Promise<number> {
  const counts = await Promise.all([
    client.outlet.count(),
    client.entity.count(),
    client.article.count(),
    client.claim.count(),
    client.claimSuggestion.count(),
    client.claimLink.count(),
    client.story.count(),
  ])
  return counts.reduce((sum, n) => sum + n, 0)
}

export async function findUserIdsByEmail(emails: string[], client: DbClient = getDb()): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map()
  const users = await client.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })
  return new Map(users.map((u) => [u.email, u.id]))
}

export class ArchiveNotEmptyError extends DomainError {
  constructor(readonly rows: number) {
    super(
      'not-empty',
      `This database already holds ${rows} rows of articles, claims, entities or stories. A Claimline export is imported into an empty database only (set CLAIMLINE_DEMO_DATA=0 before creating it, so that the demo articles are not loaded), so that nothing is merged or overwritten.`,
    )
  }
}

// The whole archive in one transaction: refused unless the database holds no articles, claims,
// entities or stories when it starts (checked inside it, so that two imports cannot both pass),
// with the accounts named by email looked up first, and one audit row for the import.
export async function storeArchive(
  emails: string[],
  rowsFor: (userIds: ReadonlyMap<string, string>) => ImportRows,
  actorId: string | null,
  client: PrismaClient = getDb(),
): Promise<ReadonlyMap<string, string>> {
  return client.$transaction(async (tx) => {
    const existing = await countArchiveRows(tx)
    if (existing > 0) throw new ArchiveNotEmptyError(existing)
    const userIds = await findUserIdsByEmail(emails, tx)
    const rows = rowsFor(userIds)
    await insertArchiveRows(rows, tx)
    const counts = {
      outlets: rows.outlets.length,
      entities: rows.entities.length,
      articles: rows.articles.length,
      claims: rows.claims.length,
      suggestions: rows.suggestions.length,
      links: rows.links.length,
      proposals: rows.proposals.length,
      stories: rows.stories.length,
    }
    await recordAuditEvent({ actorId, action: 'import.claimline', objectType: 'database', objectId: 'import', after: counts }, tx)
    return userIds
  }, IMPORT_TRANSACTION)
}

// Inside the caller's transaction. Self-references are set after every row exists, with the
// row's own updatedAt (an update would otherwise stamp it with the import's time).
export async function insertArchiveRows(rows: ImportRows, tx: Prisma.TransactionClient): Promise<void> {
  await tx.outlet.createMany({ data: rows.outlets })
  await tx.entity.createMany({ data: rows.entities })
  for (const e of rows.affiliations) await tx.entity.update({ where: { id: e.id }, data: { affiliationId: e.affiliationId, updatedAt: e.updatedAt } })
  await tx.article.createMany({ data: rows.articles })
  for (const a of rows.duplicates) await tx.article.update({ where: { id: a.id }, data: { duplicateOfId: a.duplicateOfId, updatedAt: a.updatedAt } })
  await tx.articleFingerprint.createMany({ data: rows.fingerprints })
  await tx.claimCluster.createMany({ data: rows.clusters })
  await tx.claim.createMany({ data: rows.claims })
  await tx.claimSuggestion.createMany({ data: rows.suggestions })
  await tx.claimLink.createMany({ data: rows.links })
  await tx.linkProposal.createMany({ data: rows.proposals })
  await tx.story.createMany({ data: rows.stories })
  await tx.storyArticle.createMany({ data: rows.storyArticles })
  await tx.storyClaim.createMany({ data: rows.storyClaims })
}

// --- annotation imports ----------------------------------------------------------------------

// A statement carries at most 65 535 bound values in PostgreSQL's protocol; a Hypothesis export of
// thousands of pages, each under a dozen spellings, is looked up in slices well under that.
const LOOKUP_SLICE = 5_000

// The articles stored under any of these URLs or ids, with what anchoring needs.
export async function findArticlesForImport(urls: string[], ids: string[], client: DbClient = getDb()): Promise<ArticleForImport[]> {
  const select = { id: true, canonicalUrl: true, sourceUrl: true, bodyText: true, publishedAt: true, publishedOffset: true } as const
  const found = new Map<string, Prisma.ArticleGetPayload<{ select: typeof select }>>()
  for (let i = 0; i < Math.max(urls.length, ids.length); i += LOOKUP_SLICE) {
    const someUrls = urls.slice(i, i + LOOKUP_SLICE)
    const someIds = ids.slice(i, i + LOOKUP_SLICE)
    const rows = await client.article.findMany({
      where: { OR: [{ canonicalUrl: { in: someUrls } }, { sourceUrl: { in: someUrls } }, { id: { in: someIds } }] },
      select,
    })
    for (const row of rows) found.set(row.id, row)
  }
  const rows = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
  return rows.map((a) => ({
    id: a.id,
    urls: [a.canonicalUrl, a.sourceUrl].filter((u): u is string => u !== null),
    bodyText: a.bodyText,
    day: articleDay(a.publishedAt, a.publishedOffset),
  }))
}

export async function listEntitiesForImport(client: DbClient = getDb()): Promise<EntityForImport[]> {
  return client.entity.findMany({ select: { id: true, name: true, aliases: true } })
}

// Where the articles' claims sit, to recognise an annotation that is already a claim.
export async function listClaimRanges(articleIds: string[], client: DbClient = getDb()): Promise<ExistingClaim[]> {
  if (articleIds.length === 0) return []
  const rows = await client.claim.findMany({ where: { articleId: { in: articleIds } }, select: { id: true, articleId: true, kind: true, target: true } })
  return rows.flatMap((row) => {
    const target = claimTarget.safeParse(row.target)
    const position = target.success ? target.data.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector') : undefined
    return position ? [{ id: row.id, articleId: row.articleId, kind: row.kind, start: position.start, end: position.end }] : []
  })
}

// Every planned claim, each with its audit row, in one transaction: all or nothing, and in one
// insert (insertClaims). Ids are made here in the annotations' order, as claim-by-claim inserts
// made them. Returns each claim's id by its annotation's index.
export async function insertPlannedClaims(
  planned: readonly PlannedClaim[],
  actorId: string | null,
  client: PrismaClient = getDb(),
): Promise<Map<number, string>> {
  if (planned.length === 0) return new Map()
  const now = Date.now()
  const claims = planned.map((claim, i) => ({
    id: uuidv7(now + i),
    articleId: claim.articleId,
    kind: claim.kind,
    target: claim.target,
    quote: claim.quote,
    speakerId: claim.speakerId,
    subjectId: claim.subjectId,
    channel: null,
    claimDate: claim.claimDate ? new Date(`${claim.claimDate}T00:00:00Z`) : null,
    note: claim.note,
  }))
  await client.$transaction((tx) => insertClaims(claims, actorId, tx), IMPORT_TRANSACTION)
  return new Map(planned.map((claim, i) => [claim.index, claims[i]!.id]))
}
