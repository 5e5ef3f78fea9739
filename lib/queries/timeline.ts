// The timeline's one query: the claims about some companies (as subject, or spoken by them or
// their people), narrowed by the view's filters, in date order. Affiliated speakers are looked
// up first so the main query can use the (speakerId, claimDate) and (subjectId, claimDate) indexes.
import { getDb } from '../db'
import type { ClaimKind, Prisma } from '../generated/prisma/client'
import type { DbClient } from './client'
import { likeLiteral } from './like'

export type TimelineFilter = {
  companyIds: string[]
  storyId?: string
  kinds?: ClaimKind[]
  outletId?: string
  speakerId?: string
  from?: string
  to?: string
  q?: string
  limit: number
}

export const timelineClaimSelect = {
  id: true,
  kind: true,
  quote: true,
  claimDate: true,
  channel: true,
  status: true,
  subjectId: true,
  speaker: { select: { id: true, name: true, affiliationId: true } },
  subject: { select: { id: true, name: true } },
  article: { select: { id: true, title: true, bylines: true, publishedAt: true, publishedOffset: true, outlet: { select: { id: true, name: true } } } },
  linksFrom: { select: { id: true, relation: true, toId: true } },
} as const

export type TimelineClaim = Prisma.ClaimGetPayload<{ select: typeof timelineClaimSelect }>

export async function listAffiliateIds(companyIds: string[], client: DbClient = getDb()): Promise<string[]> {
  if (companyIds.length === 0) return []
  return (await client.entity.findMany({ where: { affiliationId: { in: companyIds } }, select: { id: true } })).map((e) => e.id)
}

function timelineWhere(filter: TimelineFilter, speakers: string[]): Prisma.ClaimWhereInput {
  const day = 24 * 60 * 60 * 1000
  return {
    AND: [
      filter.companyIds.length > 0 ? { OR: [{ subjectId: { in: filter.companyIds } }, { speakerId: { in: speakers } }] } : {},
      filter.storyId ? { OR: [{ stories: { some: { storyId: filter.storyId } } }, { article: { stories: { some: { storyId: filter.storyId } } } }] } : {},
      filter.kinds && filter.kinds.length > 0 ? { kind: { in: filter.kinds } } : {},
      filter.outletId ? { article: { outletId: filter.outletId } } : {},
      filter.speakerId ? { speakerId: filter.speakerId } : {},
      // Undated claims are never dropped by a date range: the view shows them in a tray of their own.
      filter.from || filter.to
        ? { OR: [{ claimDate: null }, { claimDate: { gte: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined, lt: filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + day) : undefined } }] }
        : {},
      filter.q ? { OR: [{ quote: { contains: likeLiteral(filter.q), mode: 'insensitive' } }, { article: { title: { contains: likeLiteral(filter.q), mode: 'insensitive' } } }] } : {},
    ],
  }
}

export async function findClaimsForTimeline(filter: TimelineFilter, client: DbClient = getDb()): Promise<{ claims: TimelineClaim[]; truncated: boolean }> {
  const speakers = [...filter.companyIds, ...(await listAffiliateIds(filter.companyIds, client))]
  const claims = await client.claim.findMany({
    where: timelineWhere(filter, speakers),
    orderBy: [{ claimDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    take: filter.limit + 1,
    select: timelineClaimSelect,
  })
  return { claims: claims.slice(0, filter.limit), truncated: claims.length > filter.limit }
}

// The companies a story is about: the subjects of its claims, most frequent first.
export async function listStorySubjects(storyId: string, client: DbClient = getDb()): Promise<string[]> {
  const rows = await client.claim.groupBy({
    by: ['subjectId'],
    where: { subjectId: { not: null }, OR: [{ stories: { some: { storyId } } }, { article: { stories: { some: { storyId } } } }] },
    _count: { _all: true },
    orderBy: { _count: { subjectId: 'desc' } },
    take: 4,
  })
  return rows.flatMap((r) => (r.subjectId ? [r.subjectId] : []))
}
