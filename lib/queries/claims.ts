import { getDb } from '../db'
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
const auditSelect = { kind: true, quote: true, target: true, speakerId: true, subjectId: true, channel: true, claimDate: true, note: true, status: true, version: true } as const

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

// Refused with StaleEditError when someone saved the claim since `expectedVersion` was read.
export async function updateClaimRecord(
  id: string,
  expectedVersion: number,
  changes: Partial<ClaimDetails> & { target?: Prisma.InputJsonValue; quote?: string; status?: 'active' | 'orphan' },
  actorId: string | null,
  client: PrismaClient = getDb(),
) {
  return client.$transaction(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id }, select: auditSelect })
    if (!before) return null
    const updated = await tx.claim.updateMany({ where: { id, version: expectedVersion }, data: { ...changes, updatedById: actorId, version: { increment: 1 } } })
    if (updated.count === 0) throw new StaleEditError('claim', await currentVersion(id, tx))
    const after = await tx.claim.findUniqueOrThrow({ where: { id }, select: auditSelect })
    await recordAuditEvent({ actorId, action: 'claim.update', objectType: 'Claim', objectId: id, before: asJson(before), after: asJson(after) }, tx)
    return after
  })
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

export class LinkError extends Error {}

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
    await recordAuditEvent({ actorId, action: 'claim.unlink', objectType: 'Claim', objectId: link.fromId, before: { linkId, relation: link.relation, toId: link.toId } }, tx)
    return true
  })
}

const linkedClaimSelect = { id: true, kind: true, quote: true, speaker: { select: { id: true, name: true } }, article: { select: { id: true, title: true } } } as const

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

export async function listClaimTargets(articleId: string, client: DbClient = getDb()) {
  return client.claim.findMany({ where: { articleId }, select: { id: true, target: true, quote: true, status: true } })
}

// Re-anchoring after re-extraction: new selectors (or the orphan mark), and a new version so an
// editor holding the old one has to reload before changing the claim.
export async function setClaimAnchoring(id: string, anchoring: { target?: Prisma.InputJsonValue; quote?: string; status: 'active' | 'orphan' }, actorId: string | null, client: DbClient = getDb()): Promise<void> {
  await client.claim.update({ where: { id }, data: { ...anchoring, updatedById: actorId, version: { increment: 1 } } })
}
