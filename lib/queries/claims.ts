import { getDb } from '../db'
import { DomainError } from '../errors'
import type { ClaimKind, LinkRelation, Prisma, PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from './audit'
import type { DbClient } from './client'
import { asJson, StaleEditError } from './edits'
import { likeLiteral } from './like'

export type ClaimDetails = {
  kind: ClaimKind
  speakerId: string | null
  subjectId: string | null
  channel: string | null
  claimDate: Date | null
  note: string | null
}

// What the audit trail records of a claim: its fields, not its relations.
const auditSelect = {
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

// The demo loader and imports create claims inside their own transactions.
export async function createClaim(data: Prisma.ClaimUncheckedCreateInput, client: DbClient = getDb()) {
  return client.claim.create({ data })
}

export async function createClaimLink(data: Prisma.ClaimLinkUncheckedCreateInput, client: DbClient = getDb()) {
  return client.claimLink.create({ data })
}

export type NewClaim = ClaimDetails & { articleId: string; target: Prisma.InputJsonValue; quote: string }

export async function createClaimRecord(input: NewClaim, actorId: string | null, client: PrismaClient = getDb()) {
  return client.$transaction((tx) => insertClaim(input, actorId, tx))
}

// The claim and its audit row, inside a transaction the caller holds (accepting a suggestion
// also marks the suggestion in the same transaction).
export async function insertClaim(input: NewClaim, actorId: string | null, tx: Prisma.TransactionClient) {
  const claim = await tx.claim.create({ data: { ...input, createdById: actorId, updatedById: actorId } })
  const after = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: auditSelect })
  await recordAuditEvent({ actorId, action: 'claim.create', objectType: 'Claim', objectId: claim.id, after: asJson(after) }, tx)
  return claim
}

export type ClaimChanges = Partial<ClaimDetails> & { target?: Prisma.InputJsonValue; quote?: string; status?: 'active' | 'orphan' }

// An editor's fact-check verdict: a null rating clears the verdict and its note with it. A key
// left out keeps what is stored (the JSON API's PATCH may send the note alone); the form sends both.
export type VerdictChange = { verdict?: string | null; verdictNote?: string | null }

// Refused with StaleEditError when someone saved the claim since `expectedVersion` was read.
export async function updateClaimRecord(id: string, expectedVersion: number, changes: ClaimChanges, actorId: string | null, client: PrismaClient = getDb()) {
  return editClaimRecord(id, expectedVersion, { details: changes }, actorId, client)
}

// Sets or clears an editor's fact-check verdict, refused with StaleEditError like any other edit.
export async function setClaimVerdict(
  id: string,
  expectedVersion: number,
  input: { verdict: string | null; verdictNote: string | null },
  actorId: string | null,
  client: PrismaClient = getDb(),
) {
  return editClaimRecord(id, expectedVersion, { verdict: input }, actorId, client)
}

// What the audit trail records of a verdict change.
const verdictAuditSelect = { verdict: true, verdictNote: true, verdictAt: true, version: true } as const
const editSelect = { ...auditSelect, ...verdictAuditSelect, articleId: true } as const

function pick<T extends object, K extends keyof T>(row: T, select: Record<K, true>): Pick<T, K> {
  return Object.fromEntries(Object.keys(select).map((key) => [key, row[key as K]])) as Pick<T, K>
}

// verdictAt is the date the ClaimReview is published with, so it moves only when the rating itself
// changes: rewording the note of an unchanged verdict does not make it a new review.
function verdictData(before: { verdict: string | null; verdictNote: string | null; verdictAt: Date | null }, change: VerdictChange) {
  const verdict = change.verdict === undefined ? before.verdict : change.verdict
  if (verdict === null) return { verdict: null, verdictNote: null, verdictAt: null }
  return {
    verdict,
    verdictNote: change.verdictNote === undefined ? before.verdictNote : change.verdictNote,
    verdictAt: verdict === before.verdict ? before.verdictAt : new Date(),
  }
}

// One edit of a claim under one version check: its details, its verdict, or both (the JSON API's
// PATCH may send both, and half of it must not be saved without the other). The version moves
// once; each part leaves the audit row it leaves when the article page saves it on its own
// (claim.update, claim.verdict), so a verdict's history reads the same whichever way it was set.
type ClaimEdit = { details?: ClaimChanges; verdict?: VerdictChange }

export async function editClaimRecord(id: string, expectedVersion: number, edit: ClaimEdit, actorId: string | null, client: PrismaClient = getDb()) {
  return client.$transaction((tx) => editClaimIn(tx, id, expectedVersion, edit, actorId))
}

// The edit, then the claim as that edit left it (read in the same transaction: read after it,
// another editor's save could already have moved the claim on to a later version).
export async function editClaimAndRead(id: string, expectedVersion: number, edit: ClaimEdit, actorId: string | null, client: PrismaClient = getDb()) {
  return client.$transaction(async (tx) => ((await editClaimIn(tx, id, expectedVersion, edit, actorId)) ? getClaimDetails(id, tx) : null))
}

async function editClaimIn(tx: Prisma.TransactionClient, id: string, expectedVersion: number, edit: ClaimEdit, actorId: string | null) {
  const before = await tx.claim.findUnique({ where: { id }, select: editSelect })
  if (!before) return null
  const data = { ...edit.details, ...(edit.verdict ? verdictData(before, edit.verdict) : {}) }
  const updated = await tx.claim.updateMany({ where: { id, version: expectedVersion }, data: { ...data, updatedById: actorId, version: { increment: 1 } } })
  if (updated.count === 0) throw new StaleEditError('claim', await currentVersion(id, tx))
  const after = await tx.claim.findUniqueOrThrow({ where: { id }, select: editSelect })
  if (edit.details) {
    await recordAuditEvent(
      {
        actorId,
        action: 'claim.update',
        objectType: 'Claim',
        objectId: id,
        before: asJson(pick(before, auditSelect)),
        after: asJson(pick(after, auditSelect)),
      },
      tx,
    )
  }
  if (edit.verdict) {
    await recordAuditEvent(
      {
        actorId,
        action: 'claim.verdict',
        objectType: 'Claim',
        objectId: id,
        before: asJson(pick(before, verdictAuditSelect)),
        after: asJson(pick(after, verdictAuditSelect)),
      },
      tx,
    )
  }
  return after
}

export async function deleteClaimRecord(id: string, expectedVersion: number, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id }, select: { ...auditSelect, articleId: true } })
    if (!before) return false
    const deleted = await tx.claim.deleteMany({ where: { id, version: expectedVersion } })
    if (deleted.count === 0) throw new StaleEditError('claim', await currentVersion(id, tx))
    await recordAuditEvent({ actorId, action: 'claim.delete', objectType: 'Claim', objectId: id, before: asJson(before) }, tx)
    return true
  })
}

// Read after the refused write, not before it: under PostgreSQL's read-committed isolation the
// winning edit may have committed in between, and the editor should hear the version it made.
async function currentVersion(id: string, client: DbClient): Promise<number | null> {
  return (await client.claim.findUnique({ where: { id }, select: { version: true } }))?.version ?? null
}

export class LinkError extends DomainError {
  constructor(message: string) {
    super('invalid-link', message)
  }
}

export async function linkClaims(fromId: string, toId: string, relation: LinkRelation, actorId: string | null, client: PrismaClient = getDb()) {
  if (fromId === toId) throw new LinkError('A claim cannot answer itself.')
  return client.$transaction(async (tx) => {
    const ends = await tx.claim.count({ where: { id: { in: [fromId, toId] } } })
    if (ends < 2) throw new LinkError('One of the two claims no longer exists.')
    const existing = await tx.claimLink.findUnique({ where: { fromId_toId_relation: { fromId, toId, relation } } })
    if (existing) return existing
    const link = await tx.claimLink.create({ data: { fromId, toId, relation } })
    await recordAuditEvent({ actorId, action: 'claim.link', objectType: 'Claim', objectId: fromId, after: { linkId: link.id, relation, toId } }, tx)
    return link
  })
}

export async function unlinkClaims(linkId: string, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const link = await tx.claimLink.findUnique({ where: { id: linkId } })
    if (!link) return false
    await tx.claimLink.delete({ where: { id: linkId } })
    await recordAuditEvent(
      { actorId, action: 'claim.unlink', objectType: 'Claim', objectId: link.fromId, before: { linkId, relation: link.relation, toId: link.toId } },
      tx,
    )
    return true
  })
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
