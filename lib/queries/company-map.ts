// What the archive knows about one company, as its page and the timeline's landing show it:
// the allegations (one per cluster: the same allegation in several articles counts once), the
// company's answers, which allegations no answer reaches yet, and how long answers take.
// Raw SQL over what database triggers keep (the cluster summary, ClaimCluster, and the company
// tallies), so that a company with tens of thousands of claims is read through an index range
// or a few rows.
import { getDb } from '../db'
import { Prisma } from '../generated/prisma/client'
import type { DbClient } from './client'

export type UnansweredAllegation = {
  // The cluster (or the claim itself, for one tagged before clusters existed).
  key: string
  // The first copy: its id, words and date; how many copies, and in which outlets.
  claimId: string
  quote: string
  firstDate: string | null
  copies: number
  outlets: string[]
}

// Allegations about the company that no statement or denial answers on any copy, oldest first:
// a range of the cluster summary's (subjectId, answered, firstReported) index, then each one's
// first copy and outlets.
export async function listUnansweredAllegations(companyId: string, limit = 50, client: DbClient = getDb()): Promise<UnansweredAllegation[]> {
  return client.$queryRaw<UnansweredAllegation[]>`
    SELECT k.id::text AS key, first.id::text AS "claimId", first.quote, to_char(k."firstReported", 'YYYY-MM-DD') AS "firstDate", k.allegations AS copies, seen.outlets
    FROM "ClaimCluster" k
    CROSS JOIN LATERAL (
      SELECT c.id, c.quote FROM "Claim" c WHERE c."clusterId" = k.id AND c.kind = 'allegation'
      ORDER BY c."claimDate" ASC NULLS LAST, c."createdAt", c.id LIMIT 1
    ) first
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(DISTINCT o.name ORDER BY o.name) FILTER (WHERE o.name IS NOT NULL), '{}') AS outlets
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" LEFT JOIN "Outlet" o ON o.id = a."outletId"
      WHERE c."clusterId" = k.id AND c.kind = 'allegation'
    ) seen
    WHERE k."subjectId" = ${companyId}::uuid AND NOT k.answered AND k.allegations > 0
    ORDER BY k."firstReported" ASC NULLS LAST, k.id
    LIMIT ${limit}`
}

export type CompanyNumbers = {
  allegations: number
  answers: number
  unanswered: number
  // Median days from an allegation's first report to the company's first answer to any copy.
  medianDaysToAnswer: number | null
  answeredWithDates: number
}

// From the tallies that database triggers keep (migration company_tallies): a few rows however
// big the company. The numbers are those of the cluster summary and the claims counted from
// scratch: allegations are its clusters with allegations, unanswered those no answer reaches;
// answers are the statements and denials about it, and those by it or its people (whoever its
// people are now) about anything else. The median is percentile_cont(0.5) of the days to
// answer, read from their histogram: the middle value, or the mean of the middle two.
export async function getCompanyNumbers(companyId: string, client: DbClient = getDb()): Promise<CompanyNumbers> {
  const [row] = await client.$queryRaw<CompanyNumbers[]>`
    WITH tally AS (
      SELECT allegations, unanswered FROM "CompanyTally" WHERE "subjectId" = ${companyId}::uuid
    ), days AS (
      SELECT days, sum(clusters) OVER (ORDER BY days) AS upto FROM "CompanyAnswerDays" WHERE "subjectId" = ${companyId}::uuid AND clusters > 0
    ), answered AS (
      SELECT coalesce(max(upto), 0)::int AS n FROM days
    )
    SELECT
      coalesce((SELECT allegations FROM tally), 0) AS allegations,
      ((SELECT coalesce(sum(answers), 0) FROM "AnswerTally" WHERE "subjectId" = ${companyId}::uuid)
        + (SELECT coalesce(sum(t.answers), 0) FROM "AnswerTally" t JOIN "Entity" e ON e.id = t."speakerId"
            WHERE (e.id = ${companyId}::uuid OR e."affiliationId" = ${companyId}::uuid) AND t."subjectId" <> ${companyId}::uuid))::int AS answers,
      coalesce((SELECT unanswered FROM tally), 0) AS unanswered,
      (SELECT ((SELECT min(days) FROM days WHERE upto > (n - 1) / 2) + (SELECT min(days) FROM days WHERE upto > n / 2))::float / 2
         FROM answered WHERE n > 0) AS "medianDaysToAnswer",
      (SELECT n FROM answered) AS "answeredWithDates"`
  return row ?? { allegations: 0, answers: 0, unanswered: 0, medianDaysToAnswer: null, answeredWithDates: 0 }
}

// The outlets that reported allegations about the company: its tally's outlets with any.
export async function countCompanyOutlets(companyId: string, client: DbClient = getDb()): Promise<number> {
  const [row] = await client.$queryRaw<{ outlets: number }[]>`
    SELECT count(*)::int AS outlets FROM "CompanyOutletTally" WHERE "subjectId" = ${companyId}::uuid AND allegations > 0`
  return row?.outlets ?? 0
}

export type ActivityBucket = { period: string; allegations: number; answers: number }

// Allegations (one per cluster, at its first report) and answers per week or month.
export async function listCompanyActivity(companyId: string, unit: 'week' | 'month', client: DbClient = getDb()): Promise<ActivityBucket[]> {
  const speakers = Prisma.sql`(SELECT ${companyId}::uuid UNION SELECT id FROM "Entity" WHERE "affiliationId" = ${companyId}::uuid)`
  const trunc = unit === 'week' ? Prisma.sql`'week'` : Prisma.sql`'month'`
  return client.$queryRaw<ActivityBucket[]>`
    WITH firsts AS (
      SELECT "firstReported" AS day FROM "ClaimCluster" WHERE "subjectId" = ${companyId}::uuid AND allegations > 0 AND "firstReported" IS NOT NULL
    ), answers AS (
      SELECT c."claimDate" AS day FROM "Claim" c
      WHERE c.kind IN ('statement', 'denial') AND c."claimDate" IS NOT NULL AND (c."subjectId" = ${companyId}::uuid OR c."speakerId" IN ${speakers})
    ), counted AS (
      SELECT date_trunc(${trunc}, day)::date AS period, 1 AS a, 0 AS s FROM firsts
      UNION ALL SELECT date_trunc(${trunc}, day)::date, 0, 1 FROM answers
    )
    SELECT to_char(period, 'YYYY-MM-DD') AS period, sum(a)::int AS allegations, sum(s)::int AS answers
    FROM counted GROUP BY period ORDER BY period`
}

// The company whose claims were most recently tagged: where the timeline opens when no
// company is chosen.
export async function findMostRecentlyActiveCompany(client: DbClient = getDb()): Promise<string | null> {
  const [row] = await client.$queryRaw<{ id: string }[]>`
    SELECT c."subjectId"::text AS id FROM "Claim" c JOIN "Entity" e ON e.id = c."subjectId"
    WHERE e.kind = 'company' ORDER BY c.id DESC LIMIT 1`
  return row?.id ?? null
}

// The latest claims about the company or by it and its people.
export async function listRecentCompanyClaims(companyId: string, take = 10, client: DbClient = getDb()) {
  return client.claim.findMany({
    where: { OR: [{ subjectId: companyId }, { speakerId: companyId }, { speaker: { affiliationId: companyId } }] },
    orderBy: [{ claimDate: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    take,
    select: {
      id: true,
      kind: true,
      quote: true,
      claimDate: true,
      speaker: { select: { name: true } },
      article: { select: { title: true, outlet: { select: { name: true } } } },
    },
  })
}
