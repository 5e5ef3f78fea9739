import { getDb } from '../db'
import type { ClaimKind, LinkRelation, Prisma } from '../generated/prisma/client'
import { recordAuditEvent, recordAuditEvents } from './audit'
import type { DbClient } from './client'
import { asJson } from './edits'
import { likeLiteral } from './like'

export type ClaimDetails = {
  kind: ClaimKind
  speakerId: string | null
  subjectId: string | null
  channel: string | null
  claimDate: Date | null
  note: string | null
}

// What the audit trail records of a claim: its fields, not its relations; and of its verdict
// (lib/claims/edit.ts writes the trail).
export const claimAuditSelect = {
  kind: true,
  quote: true,
  target: true,
  speakerId: true,
  subjectId: true,
  channel: true,
  claimDate: true,
  note: true,
  status: true,
  version: true,
} as const
export const verdictAuditSelect = { verdict: true, verdictNote: true, verdictAt: true, version: true } as const
const editSelect = { ...claimAuditSelect, ...verdictAuditSelect, articleId: true } as const

// The claim's row alone, with no audit row: the demo loader's claims, made inside its own
// transaction (an editor's claim is insertClaim, which records who made it).
export async function insertClaimRow(data: Prisma.ClaimUncheckedCreateInput, client: DbClient = getDb()) {
  return client.claim.create({ data })
}

export async function createClaimLink(data: Prisma.ClaimLinkUncheckedCreateInput, client: DbClient = getDb()) {
  return client.claimLink.create({ data })
}

export type NewClaim = ClaimDetails & { articleId: string; target: Prisma.InputJsonValue; quote: string }

// The claim and its audit row, inside a transaction the caller holds (accepting a suggestion
// also marks the suggestion in the same transaction).
export async function insertClaim(input: NewClaim, actorId: string | null, tx: Prisma.TransactionClient) {
  const claim = await tx.claim.create({ data: { ...input, createdById: actorId, updatedById: actorId } })
  const after = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: claimAuditSelect })
  await recordAuditEvent({ actorId, action: 'claim.create', objectType: 'Claim', objectId: claim.id, after: asJson(after) }, tx)
  return claim
}

// Many claims and their audit rows, inside a transaction the caller holds, in one insert (ids
// made by the caller): the triggers that keep cluster summaries and company tallies then take
// each company's rows once and in key order (migration tally_statement_triggers), so two such
// transactions about the same companies wait for each other in turn, never in a cycle. The rows
// go in sorted by company, so that an insert Prisma splits into several statements still takes
// the companies in one order. Audit rows follow the order given.
export async function insertClaims(inputs: (NewClaim & { id: string })[], actorId: string | null, tx: Prisma.TransactionClient): Promise<void> {
  if (inputs.length === 0) return
  const bySubject = [...inputs].sort((a, b) => (a.subjectId ?? '').localeCompare(b.subjectId ?? '') || a.id.localeCompare(b.id))
  await tx.claim.createMany({ data: bySubject.map((input) => ({ ...input, createdById: actorId, updatedById: actorId })) })
  const stored = await tx.claim.findMany({ where: { id: { in: inputs.map((i) => i.id) } }, select: { id: true, ...claimAuditSelect } })
  const byId = new Map(stored.map(({ id, ...after }) => [id, after]))
  await recordAuditEvents(
    inputs.map((input) => ({ actorId, action: 'claim.create', objectType: 'Claim', objectId: input.id, after: asJson(byId.get(input.id) ?? {}) })),
    tx,
  )
}

// What an edit reads before and after itself: the audited fields, the verdict and the article.
export async function getClaimForEdit(id: string, client: DbClient = getDb()) {
  return client.claim.findUnique({ where: { id }, select: editSelect })
}

// The claim as the update left it, or null when it is no longer at `expectedVersion` (or gone):
// the version check and the write are one statement, so two editors cannot both pass it.
export async function updateClaimAtVersion(
  id: string,
  expectedVersion: number,
  data: Prisma.ClaimUncheckedUpdateManyInput,
  actorId: string | null,
  client: DbClient = getDb(),
) {
  const updated = await client.claim.updateMany({ where: { id, version: expectedVersion }, data: { ...data, updatedById: actorId, version: { increment: 1 } } })
  if (updated.count === 0) return null
  return client.claim.findUniqueOrThrow({ where: { id }, select: editSelect })
}

export async function deleteClaimAtVersion(id: string, expectedVersion: number, client: DbClient = getDb()): Promise<boolean> {
  return (await client.claim.deleteMany({ where: { id, version: expectedVersion } })).count > 0
}

export async function getClaimVersion(id: string, client: DbClient = getDb()): Promise<number | null> {
  return (await client.claim.findUnique({ where: { id }, select: { version: true } }))?.version ?? null
}

export async function countClaims(ids: string[], client: DbClient = getDb()): Promise<number> {
  return client.claim.count({ where: { id: { in: ids } } })
}

export async function findClaimLink(fromId: string, toId: string, relation: LinkRelation, client: DbClient = getDb()) {
  return client.claimLink.findUnique({ where: { fromId_toId_relation: { fromId, toId, relation } } })
}

export async function deleteClaimLink(id: string, client: DbClient = getDb()): Promise<void> {
  await client.claimLink.delete({ where: { id } })
}

const linkedClaimSelect = {
  id: true,
  kind: true,
  quote: true,
  speaker: { select: { id: true, name: true } },
  article: { select: { id: true, title: true } },
} as const

// Everything the reader shows about an article's claims: who, about whom, and both directions of links.
export async function listClaimsForArticle(articleId: string, client: DbClient = getDb()) {
  return client.claim.findMany({
    where: { articleId },
    orderBy: { createdAt: 'asc' },
    include: {
      speaker: { select: { id: true, name: true, kind: true } },
      subject: { select: { id: true, name: true, kind: true } },
      linksFrom: { select: { id: true, relation: true, to: { select: linkedClaimSelect } } },
      linksTo: { select: { id: true, relation: true, from: { select: linkedClaimSelect } } },
    },
  })
}

export type ArticleClaim = Awaited<ReturnType<typeof listClaimsForArticle>>[number]

// Claims to link to: by words of the quote, the speaker or the article title, newest first.
export async function searchClaims(query: string, options: { excludeId?: string; limit?: number } = {}, client: DbClient = getDb()) {
  const q = query.trim()
  const contains = { contains: likeLiteral(q), mode: 'insensitive' as const }
  return client.claim.findMany({
    where: {
      id: options.excludeId ? { not: options.excludeId } : undefined,
      ...(q ? { OR: [{ quote: contains }, { speaker: { name: contains } }, { subject: { name: contains } }, { article: { title: contains } }] } : {}),
    },
    orderBy: [{ claimDate: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    take: options.limit ?? 20,
    select: { ...linkedClaimSelect, claimDate: true, article: { select: { id: true, title: true, outlet: { select: { name: true } } } } },
  })
}

export async function getClaim(id: string, client: DbClient = getDb()) {
  return client.claim.findUnique({ where: { id }, select: { id: true, articleId: true, version: true, target: true, quote: true } })
}

// What the answer matcher needs of an article's claims.
export async function listClaimsToMatch(articleId: string, client: DbClient = getDb()) {
  return client.claim.findMany({
    where: { articleId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, kind: true, quote: true, target: true, speaker: { select: { name: true } }, subject: { select: { name: true } } },
  })
}

export async function listClaimTargets(articleId: string, client: DbClient = getDb()) {
  return client.claim.findMany({ where: { articleId }, select: { id: true, target: true, quote: true, status: true } })
}

// Re-anchoring after re-extraction: new selectors (or the orphan mark), and a new version so an
// editor holding the old one has to reload before changing the claim.
export async function setClaimAnchoring(
  id: string,
  anchoring: { target?: Prisma.InputJsonValue; quote?: string; status: 'active' | 'orphan' },
  actorId: string | null,
  client: DbClient = getDb(),
): Promise<void> {
  await client.claim.update({ where: { id }, data: { ...anchoring, updatedById: actorId, version: { increment: 1 } } })
}

// The claim list of the JSON API: filters combine (AND); `q` matches words of the quote, the
// speaker, the subject or the article title; `from`/`to` are claim days, both included.
export type ClaimListFilter = {
  articleId?: string
  kinds?: ClaimKind[]
  speakerId?: string
  subjectId?: string
  storyId?: string
  from?: string
  to?: string
  q?: string
  excludeId?: string
}

function claimWhere(filter: ClaimListFilter): Prisma.ClaimWhereInput {
  const q = filter.q?.trim()
  const contains = q ? { contains: likeLiteral(q), mode: 'insensitive' as const } : undefined
  return {
    id: filter.excludeId ? { not: filter.excludeId } : undefined,
    articleId: filter.articleId,
    kind: filter.kinds && filter.kinds.length > 0 ? { in: filter.kinds } : undefined,
    speakerId: filter.speakerId,
    subjectId: filter.subjectId,
    ...(filter.storyId ? { stories: { some: { storyId: filter.storyId } } } : {}),
    ...(filter.from || filter.to
      ? { claimDate: { gte: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined, lte: filter.to ? new Date(`${filter.to}T00:00:00Z`) : undefined } }
      : {}),
    ...(contains ? { OR: [{ quote: contains }, { speaker: { name: contains } }, { subject: { name: contains } }, { article: { title: contains } }] } : {}),
  }
}

// The list's order is the link picker's: newest claim date first, undated last, then newest
// tagged; the id breaks ties so that keyset pagination is exact.
export type ClaimKey = { claimDate: Date | null; createdAt: Date; id: string }

function claimsAfter(key: ClaimKey): Prisma.ClaimWhereInput {
  const sameDay: Prisma.ClaimWhereInput = { OR: [{ createdAt: { lt: key.createdAt } }, { createdAt: key.createdAt, id: { lt: key.id } }] }
  if (key.claimDate === null) return { claimDate: null, ...sameDay }
  return { OR: [{ claimDate: { lt: key.claimDate } }, { claimDate: key.claimDate, ...sameDay }, { claimDate: null }] }
}

const apiClaimSelect = {
  id: true,
  articleId: true,
  kind: true,
  quote: true,
  target: true,
  status: true,
  channel: true,
  claimDate: true,
  note: true,
  verdict: true,
  verdictNote: true,
  verdictAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  speaker: { select: { id: true, name: true, kind: true } },
  subject: { select: { id: true, name: true, kind: true } },
  article: { select: { id: true, title: true, outlet: { select: { name: true } } } },
} as const

export async function listClaimsPage(filter: ClaimListFilter, page: { after?: ClaimKey; take: number }, client: DbClient = getDb()) {
  return client.claim.findMany({
    where: { AND: [claimWhere(filter), page.after ? claimsAfter(page.after) : {}] },
    orderBy: [{ claimDate: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'desc' }],
    take: page.take,
    select: apiClaimSelect,
  })
}

// One claim with its links in both directions, for the JSON API.
export async function getClaimDetails(id: string, client: DbClient = getDb()) {
  return client.claim.findUnique({
    where: { id },
    select: {
      ...apiClaimSelect,
      linksFrom: { select: { id: true, fromId: true, toId: true, relation: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
      linksTo: { select: { id: true, fromId: true, toId: true, relation: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
  })
}

export async function getClaimLink(id: string, client: DbClient = getDb()) {
  return client.claimLink.findUnique({ where: { id }, select: { id: true, fromId: true, toId: true, relation: true, createdAt: true } })
}
