// What the archive knows about one company, as its page and the timeline's landing show it:
// the allegations (one per cluster: the same allegation in several articles counts once), the
// company's answers, which allegations no answer reaches yet, and how long answers take.
// Raw SQL: each is one statement over the company's claims, read through the subject index.
import { getDb } from '../db'
import { Prisma } from '../generated/prisma/client'
import type { DbClient } from './client'

const ANSWER_RELATIONS = Prisma.sql`('denies', 'responds_to', 'confirms')`

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

// Allegations about the company that no statement or denial answers on any copy, oldest first.
export async function listUnansweredAllegations(companyId: string, limit = 50, client: DbClient = getDb()): Promise<UnansweredAllegation[]> {
  return client.$queryRaw<UnansweredAllegation[]>`
    WITH alleged AS (
      SELECT c.id, coalesce(c."clusterId", c.id) AS key, c."claimDate", c."createdAt", c.quote, o.name AS outlet
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" LEFT JOIN "Outlet" o ON o.id = a."outletId"
      WHERE c."subjectId" = ${companyId}::uuid AND c.kind = 'allegation'
    ), answered AS (
      SELECT DISTINCT coalesce(m."clusterId", m.id) AS key
      FROM "Claim" m JOIN "ClaimLink" l ON l."toId" = m.id
      WHERE m."subjectId" = ${companyId}::uuid AND l.relation IN ${ANSWER_RELATIONS}
    ), open AS (
      SELECT key,
        (array_agg(id ORDER BY "claimDate" ASC NULLS LAST, "createdAt", id))[1] AS "claimId",
        (array_agg(quote ORDER BY "claimDate" ASC NULLS LAST, "createdAt", id))[1] AS quote,
        to_char(min("claimDate"), 'YYYY-MM-DD') AS "firstDate",
        count(*)::int AS copies,
        coalesce(array_agg(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL), '{}') AS outlets
      FROM alleged WHERE key NOT IN (SELECT key FROM answered)
      GROUP BY key
    )
    SELECT key::text, "claimId"::text, quote, "firstDate", copies, outlets FROM open
    ORDER BY "firstDate" ASC NULLS LAST, key LIMIT ${limit}`
}

export type CompanyNumbers = {
  allegations: number
  answers: number
  unanswered: number
  outlets: number
  // Median days from an allegation's first report to the company's first answer to any copy.
  medianDaysToAnswer: number | null
  answeredWithDates: number
}

export async function getCompanyNumbers(companyId: string, client: DbClient = getDb()): Promise<CompanyNumbers> {
  const speakers = Prisma.sql`(SELECT ${companyId}::uuid UNION SELECT id FROM "Entity" WHERE "affiliationId" = ${companyId}::uuid)`
  const [row] = await client.$queryRaw<CompanyNumbers[]>`
    WITH alleged AS (
      SELECT c.id, coalesce(c."clusterId", c.id) AS key, c."claimDate", a."outletId"
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE c."subjectId" = ${companyId}::uuid AND c.kind = 'allegation'
    ), answers AS (
      SELECT c.id, c."claimDate" FROM "Claim" c
      WHERE c.kind IN ('statement', 'denial') AND (c."subjectId" = ${companyId}::uuid OR c."speakerId" IN ${speakers})
    ), responses AS (
      SELECT coalesce(m."clusterId", m.id) AS key, min(f."claimDate") AS answered
      FROM "ClaimLink" l JOIN "Claim" m ON m.id = l."toId" JOIN "Claim" f ON f.id = l."fromId"
      WHERE m."subjectId" = ${companyId}::uuid AND m.kind = 'allegation' AND l.relation IN ${ANSWER_RELATIONS}
      GROUP BY 1
    ), clusters AS (
      SELECT key, min("claimDate") AS first FROM alleged GROUP BY key
    )
    SELECT
      (SELECT count(*) FROM clusters)::int AS allegations,
      (SELECT count(*) FROM answers)::int AS answers,
      (SELECT count(*) FROM clusters WHERE key NOT IN (SELECT key FROM responses))::int AS unanswered,
      (SELECT count(DISTINCT "outletId") FROM alleged)::int AS outlets,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(0, r.answered - c.first))
         FROM clusters c JOIN responses r USING (key) WHERE c.first IS NOT NULL AND r.answered IS NOT NULL)::float AS "medianDaysToAnswer",
      (SELECT count(*) FROM clusters c JOIN responses r USING (key) WHERE c.first IS NOT NULL AND r.answered IS NOT NULL)::int AS "answeredWithDates"`
  return row ?? { allegations: 0, answers: 0, unanswered: 0, outlets: 0, medianDaysToAnswer: null, answeredWithDates: 0 }
}

export type ActivityBucket = { period: string; allegations: number; answers: number }

// Allegations (one per cluster, at its first report) and answers per week or month.
export async function listCompanyActivity(companyId: string, unit: 'week' | 'month', client: DbClient = getDb()): Promise<ActivityBucket[]> {
  const speakers = Prisma.sql`(SELECT ${companyId}::uuid UNION SELECT id FROM "Entity" WHERE "affiliationId" = ${companyId}::uuid)`
  const trunc = unit === 'week' ? Prisma.sql`'week'` : Prisma.sql`'month'`
  return client.$queryRaw<ActivityBucket[]>`
    WITH firsts AS (
      SELECT min(c."claimDate") AS day FROM "Claim" c
      WHERE c."subjectId" = ${companyId}::uuid AND c.kind = 'allegation' AND c."claimDate" IS NOT NULL
      GROUP BY coalesce(c."clusterId", c.id)
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
    select: { id: true, kind: true, quote: true, claimDate: true, speaker: { select: { name: true } }, article: { select: { title: true, outlet: { select: { name: true } } } } },
  })
}
