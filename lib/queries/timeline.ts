// The timeline's one query: the claims about some companies (as subject, or spoken by them or
// their people), narrowed by the view's filters, in date order, at most `limit` of them. It is
// raw SQL because it has to stay fast on a million claims on the embedded database (see
// bench/timeline.ts): the plan Prisma's query would get reads every claim of a big company.
import { getDb } from '../db'
import { Prisma, type ClaimKind, type ClaimStatus, type LinkRelation } from '../generated/prisma/client'
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
  // Only allegations with no answer linked to any claim of their cluster.
  unanswered?: boolean
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
  clusterId: true,
  linksFrom: { select: { id: true, relation: true, toId: true } },
  proposalsFrom: { where: { status: 'open' }, select: { id: true, relation: true, toId: true, confidence: true } },
} as const

// `answered`: a statement or denial is linked (confirmed) to this claim or another copy of it.
export type TimelineClaim = Prisma.ClaimGetPayload<{ select: typeof timelineClaimSelect }> & { answered: boolean }

// Whether claim `c` (or any claim of its cluster) has a confirmed answer: the cluster summary
// that database triggers keep (ClaimCluster.answered).
export const ANSWERED = Prisma.sql`EXISTS (SELECT 1 FROM "ClaimCluster" k WHERE k.id = c."clusterId" AND k.answered)`

// Every filter of the view except the companies, the kinds and the dates, as conditions on `c`
// (a Claim). `q` matches the quote or the article's title case-insensitively, as a literal (LIKE
// wildcards escaped), as Prisma's `contains` with mode 'insensitive' does.
function filterConditions(filter: TimelineFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = []
  if (filter.storyId) {
    conditions.push(Prisma.sql`(EXISTS (SELECT 1 FROM "StoryClaim" sc WHERE sc."claimId" = c.id AND sc."storyId" = ${filter.storyId}::uuid)
      OR EXISTS (SELECT 1 FROM "StoryArticle" sa WHERE sa."articleId" = c."articleId" AND sa."storyId" = ${filter.storyId}::uuid))`)
  }
  if (filter.outletId) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Article" a WHERE a.id = c."articleId" AND a."outletId" = ${filter.outletId}::uuid)`)
  if (filter.speakerId) conditions.push(Prisma.sql`c."speakerId" = ${filter.speakerId}::uuid`)
  if (filter.unanswered) conditions.push(Prisma.sql`NOT ${ANSWERED}`)
  if (filter.q) {
    const pattern = `%${likeLiteral(filter.q)}%`
    conditions.push(Prisma.sql`(c.quote ILIKE ${pattern} OR EXISTS (SELECT 1 FROM "Article" a WHERE a.id = c."articleId" AND a.title ILIKE ${pattern}))`)
  }
  return conditions
}

// The kinds the view shows, or null for all of them: the unanswered filter shows allegations only.
function kindsShown(filter: TimelineFilter): ClaimKind[] | null {
  const kinds = filter.kinds && filter.kinds.length > 0 ? filter.kinds : null
  if (!filter.unanswered) return kinds
  return kinds === null || kinds.includes('allegation') ? ['allegation'] : []
}

// The date range as conditions on the dated claims. Undated claims are never dropped by a date
// range (the view shows them in a tray of their own): they are fetched separately.
function dateConditions(filter: TimelineFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = []
  if (filter.from) conditions.push(Prisma.sql`c."claimDate" >= ${filter.from}::date`)
  if (filter.to) conditions.push(Prisma.sql`c."claimDate" < ${filter.to}::date + 1`)
  return conditions
}

// The timeline's order: by date (undated last), then when the claim was tagged; the id breaks
// ties so that every part of the query agrees on one order.
const ORDER = Prisma.sql`"claimDate" ASC NULLS LAST, "createdAt" ASC, id ASC`

function firstClaims(conditions: Prisma.Sql[], take: number): Prisma.Sql {
  const where = conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`
  return Prisma.sql`SELECT c.id, c."claimDate", c."createdAt" FROM "Claim" c WHERE ${where}
    ORDER BY c."claimDate" ASC NULLS LAST, c."createdAt" ASC, c.id ASC LIMIT ${take}`
}

// The ids of the first `take` claims, in order. A claim is about a company or spoken by the
// company or one of its people; an OR of the two would make PostgreSQL collect every such claim
// (tens of thousands for a big company) and sort them, or walk the date index past most of the
// table when the range is late. Instead each subject and each speaker (and, when the view shows
// some kinds only, each kind of theirs) is read on its own, in order, from the (subjectId|
// speakerId, [kind,] claimDate, createdAt, id) indexes, stopping after `take` claims; the union
// of those short lists holds the first `take` claims overall. With a date range, the dated
// claims in range and the undated ones are read apart, so that both are index ranges. The keys
// are rows joined laterally to those reads, so the statement and its plan stay the same size
// however many people a company has, and its people are found in the same statement. Read by
// kind, a speaker who never makes allegations (a company's spokesperson, under the unanswered
// filter) costs one index probe instead of a walk through everything they said.
function pickClaims(filter: TimelineFilter, take: number): Prisma.Sql {
  const others = filterConditions(filter)
  const kinds = kindsShown(filter)
  const dates = dateConditions(filter)
  const periods = dates.length > 0 ? [dates, [Prisma.sql`c."claimDate" IS NULL`]] : [[]]
  if (filter.companyIds.length === 0) {
    const ofKind = kinds === null ? [] : [Prisma.sql`c.kind = ANY(${kinds}::"ClaimKind"[])`]
    const branches = periods.map((period) => Prisma.sql`(${firstClaims([...period, ...ofKind, ...others], take)})`)
    return Prisma.sql`SELECT id, "claimDate", "createdAt" FROM (${Prisma.join(branches, ' UNION ')}) AS found ORDER BY ${ORDER} LIMIT ${take}`
  }
  const companies = Prisma.sql`${filter.companyIds}::uuid[]`
  const keys = [
    [Prisma.sql`c."subjectId"`, Prisma.sql`SELECT unnest(${companies})`],
    [Prisma.sql`c."speakerId"`, Prisma.sql`SELECT unnest(${companies}) UNION SELECT e.id FROM "Entity" e WHERE e."affiliationId" = ANY(${companies})`],
  ] as const
  const branches = keys.flatMap(([column, ids]) =>
    periods.map(
      (period) => Prisma.sql`(SELECT f.id, f."claimDate", f."createdAt" FROM (${ids}) AS s(id)
        ${kinds === null ? Prisma.empty : Prisma.sql`CROSS JOIN unnest(${kinds}::"ClaimKind"[]) AS k(kind)`}
        CROSS JOIN LATERAL (${firstClaims([Prisma.sql`${column} = s.id`, ...(kinds === null ? [] : [Prisma.sql`c.kind = k.kind`]), ...period, ...others], take)}) AS f)`,
    ),
  )
  return Prisma.sql`SELECT id, "claimDate", "createdAt" FROM (${Prisma.join(branches, ' UNION ')}) AS found ORDER BY ${ORDER} LIMIT ${take}`
}

// One claim as the statement returns it: a JSON array (no key repeated 300 times), so dates are
// ISO strings. The order of the columns is the statement's.
type TimelineRow = [
  id: string,
  kind: ClaimKind,
  quote: string,
  claimDate: string | null,
  channel: string | null,
  status: ClaimStatus,
  subjectId: string | null,
  subjectName: string | null,
  speakerId: string | null,
  speakerName: string | null,
  speakerAffiliationId: string | null,
  articleId: string,
  articleTitle: string,
  bylines: string[],
  publishedAt: string | null,
  publishedOffset: string | null,
  outletId: string | null,
  outletName: string | null,
  clusterId: string | null,
  answered: boolean,
  links: { id: string; relation: LinkRelation; toId: string }[] | null,
  proposals: { id: string; relation: LinkRelation; toId: string; confidence: number }[] | null,
]

// A `date` is "2013-06-06" (read as UTC midnight, as Prisma returns @db.Date); a timestamptz carries its offset.
const toDate = (value: string | null): Date | null => (value === null ? null : new Date(value))

function toTimelineClaim(row: TimelineRow): TimelineClaim {
  const [id, kind, quote, claimDate, channel, status, subjectId, subjectName, speakerId, speakerName, speakerAffiliationId] = row
  const [, , , , , , , , , , , articleId, articleTitle, bylines, publishedAt, publishedOffset, outletId, outletName, clusterId, answered, links, proposals] =
    row
  return {
    id,
    kind,
    quote,
    claimDate: toDate(claimDate),
    channel,
    status,
    subjectId,
    speaker: speakerId && speakerName !== null ? { id: speakerId, name: speakerName, affiliationId: speakerAffiliationId } : null,
    subject: subjectId && subjectName !== null ? { id: subjectId, name: subjectName } : null,
    article: {
      id: articleId,
      title: articleTitle,
      bylines,
      publishedAt: toDate(publishedAt),
      publishedOffset,
      outlet: outletId && outletName !== null ? { id: outletId, name: outletName } : null,
    },
    linksFrom: links ?? [],
    proposalsFrom: proposals ?? [],
    clusterId,
    answered,
  }
}

// One statement: the ids in order (pickClaims), then each claim with what the view shows of it,
// the shape of timelineClaimSelect. Prisma's own relation loading would send five more queries
// with a parameter per claim in each, and on the embedded database reading a thousand rows of
// twenty columns costs more than finding them: the claims come back as one JSON array, which
// PGlite hands over as a single value. The picked claims' links and open proposals are gathered
// in one pass each, not in a subquery per claim.
export async function findClaimsForTimeline(filter: TimelineFilter, client: DbClient = getDb()): Promise<{ claims: TimelineClaim[]; truncated: boolean }> {
  const [result] = await client.$queryRaw<{ claims: TimelineRow[] | string }[]>`
    WITH picked AS (${pickClaims(filter, filter.limit + 1)})
    SELECT coalesce(json_agg(json_build_array(
        c.id, c.kind, c.quote, c."claimDate", c.channel, c.status,
        c."subjectId", su.name, sp.id, sp.name, sp."affiliationId",
        a.id, a.title, coalesce(a.bylines, '{}'), a."publishedAt", a."publishedOffset",
        o.id, o.name, c."clusterId", ${ANSWERED}, lk.list, lp.list
      ) ORDER BY p."claimDate" ASC NULLS LAST, p."createdAt" ASC, p.id ASC), '[]'::json)::text AS claims
    FROM picked p
    JOIN "Claim" c ON c.id = p.id
    JOIN "Article" a ON a.id = c."articleId"
    LEFT JOIN "Entity" sp ON sp.id = c."speakerId"
    LEFT JOIN "Entity" su ON su.id = c."subjectId"
    LEFT JOIN "Outlet" o ON o.id = a."outletId"
    LEFT JOIN (SELECT p.id, json_agg(json_build_object('id', l.id, 'relation', l.relation, 'toId', l."toId") ORDER BY l.id) AS list
        FROM picked p CROSS JOIN LATERAL (SELECT l.* FROM "ClaimLink" l WHERE l."fromId" = p.id OFFSET 0) l GROUP BY p.id) lk ON lk.id = c.id
    LEFT JOIN (SELECT p.id, json_agg(json_build_object('id', lp.id, 'relation', lp.relation, 'toId', lp."toId", 'confidence', lp.confidence) ORDER BY lp.id) AS list
        FROM picked p CROSS JOIN LATERAL (SELECT lp.* FROM "LinkProposal" lp WHERE lp."fromId" = p.id AND lp.status = 'open' OFFSET 0) lp GROUP BY p.id) lp ON lp.id = c.id`
  const rows = typeof result?.claims === 'string' ? (JSON.parse(result.claims) as TimelineRow[]) : (result?.claims ?? [])
  const claims = rows.map(toTimelineClaim)
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
