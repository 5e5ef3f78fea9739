// Company tallies under concurrent writers (migration company_tallies, kept per statement since
// migration tally_statement_triggers). Two imports that write claims about the same companies
// take the companies' tally rows in one order, whatever order their claims came in, so neither
// waits for the other in a cycle: on PostgreSQL the test makes both wait at the first row, so
// that they start together, and a write path that locked in claim order deadlocks (40P01). On
// PGlite transactions take turns; the test checks both commit and the tallies stay true.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { beforeAll, expect, inject, test } from 'vitest'
import { getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import type { ClaimKind } from '@/lib/generated/prisma/client'
import { insertPlannedClaims, type PlannedClaim } from '@/lib/queries/interop'

const provided = inject('database')

type Company = { id: string; name: string }
let article = ''
let speaker = ''

// Every tally row that is not zero, against the same numbers counted from the claims and clusters.
async function expectTalliesEqualRecount() {
  const [row] = await getDb().$queryRaw<{ differences: number }[]>`
    WITH tallied AS (
      SELECT 'company' AS t, "subjectId"::text AS k, allegations AS a, unanswered AS b FROM "CompanyTally" WHERE allegations <> 0 OR unanswered <> 0
      UNION ALL SELECT 'days', "subjectId"::text || '/' || days, clusters, 0 FROM "CompanyAnswerDays" WHERE clusters <> 0
      UNION ALL SELECT 'outlet', "subjectId"::text || '/' || "outletId", allegations, 0 FROM "CompanyOutletTally" WHERE allegations <> 0
      UNION ALL SELECT 'answer', "subjectId"::text || '/' || "speakerId", answers, 0 FROM "AnswerTally" WHERE answers <> 0
    ), counted AS (
      SELECT 'company' AS t, "subjectId"::text AS k, count(*)::int AS a, (count(*) FILTER (WHERE NOT answered))::int AS b
        FROM "ClaimCluster" WHERE "subjectId" IS NOT NULL AND allegations > 0 GROUP BY 2
      UNION ALL SELECT 'days', "subjectId"::text || '/' || GREATEST(0, "firstAnswered" - "firstReported"), count(*)::int, 0 FROM "ClaimCluster"
        WHERE "subjectId" IS NOT NULL AND allegations > 0 AND answered AND "firstReported" IS NOT NULL AND "firstAnswered" IS NOT NULL GROUP BY 2
      UNION ALL SELECT 'outlet', c."subjectId"::text || '/' || a."outletId", count(*)::int, 0 FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
        WHERE c.kind = 'allegation' AND c."subjectId" IS NOT NULL AND a."outletId" IS NOT NULL GROUP BY 2
      UNION ALL SELECT 'answer', coalesce("subjectId", '00000000-0000-0000-0000-000000000000')::text || '/' || coalesce("speakerId", '00000000-0000-0000-0000-000000000000'),
        count(*)::int, 0 FROM "Claim" WHERE kind IN ('statement', 'denial') GROUP BY 2
    )
    SELECT count(*)::int AS differences FROM ((TABLE tallied EXCEPT ALL TABLE counted) UNION ALL (TABLE counted EXCEPT ALL TABLE tallied)) d`
  expect(row?.differences).toBe(0)
}

// Claims about each company in turn, as an annotation import plans them.
function claimsAbout(companies: Company[], kinds: ClaimKind[]): PlannedClaim[] {
  return companies.flatMap((company, c) =>
    kinds.map((kind, k): PlannedClaim => {
      const quote = `A made-up ${kind} about ${company.name}`
      return {
        index: c * kinds.length + k,
        articleId: article,
        kind,
        target: [
          { type: 'TextQuoteSelector', exact: quote },
          { type: 'TextPositionSelector', start: 0, end: quote.length },
        ],
        quote,
        speakerId: kind === 'allegation' ? null : speaker,
        subjectId: company.id,
        claimDate: '2013-06-07',
        note: null,
      }
    }),
  )
}

// Companies of their own on every attempt, so that a retry starts from rows nobody holds.
async function createCompanies(count: number): Promise<Company[]> {
  const run = randomUUID().slice(0, 8)
  const companies: Company[] = []
  for (let i = 0; i < count; i++) {
    const name = `Tally test company ${run}-${i}`
    companies.push({ id: (await getDb().entity.create({ data: { kind: 'company', name, aliases: [] } })).id, name })
  }
  return companies
}

beforeAll(async () => {
  await loadDemoData()
  article = (await getDb().article.findFirstOrThrow({ where: { outletId: { not: null } }, orderBy: { id: 'asc' } })).id
  speaker = (await getDb().entity.create({ data: { kind: 'person', name: `Tally test speaker ${randomUUID()}`, aliases: [] } })).id
})

// Waits until `count` backends of this database wait for a lock.
async function waitForLockWaiters(client: pg.Client, count: number) {
  for (let tries = 0; tries < 600; tries++) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )
    if ((rows[0]?.n ?? 0) >= count) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${count} transactions never waited for a lock`)
}

test('two imports about the same companies in opposite order both commit, and the tallies stay true', async () => {
  const companies = await createCompanies(3)
  const kinds: ClaimKind[] = ['allegation', 'statement', 'denial']
  // Each company's tally rows exist before the race, as they do for any company in the news.
  await insertPlannedClaims(claimsAbout(companies, kinds), null)
  const forwards = claimsAbout(companies, kinds)
  const backwards = claimsAbout([...companies].reverse(), kinds)

  if (provided.kind !== 'postgres') {
    const results = await Promise.allSettled([insertPlannedClaims(forwards, null), insertPlannedClaims(backwards, null)])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
    await expectTalliesEqualRecount()
    return
  }

  // A third transaction holds every company's tally row, so that both imports are under way
  // and waiting when it lets go: from there each takes rows as its own order says.
  const url = process.env.DATABASE_URL ?? ''
  const holder = new pg.Client({ connectionString: url })
  const watcher = new pg.Client({ connectionString: url })
  await holder.connect()
  await watcher.connect()
  try {
    await holder.query('BEGIN')
    await holder.query(`SELECT 1 FROM "CompanyTally" WHERE "subjectId" = ANY($1::uuid[]) ORDER BY "subjectId" FOR UPDATE`, [companies.map((c) => c.id)])
    const imports = Promise.allSettled([insertPlannedClaims(forwards, null), insertPlannedClaims(backwards, null)])
    await waitForLockWaiters(watcher, 2)
    await holder.query('COMMIT')
    const results = await imports
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []))
    expect(failures).toEqual([])
  } finally {
    await holder.end()
    await watcher.end()
  }
  await expectTalliesEqualRecount()
  const [{ n } = { n: 0 }] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Claim" WHERE "subjectId" = ANY(${companies.map((c) => c.id)}::uuid[])`
  expect(n).toBe(3 * companies.length * kinds.length)
})

// The summaries and the non-zero tallies, in one comparable list.
async function summariesAndTallies(): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ row: string }[]>`
    SELECT row FROM (
      SELECT concat_ws('/', 'cluster', id, "subjectId", allegations, "firstReported", answered, "firstAnswered") AS row FROM "ClaimCluster"
      UNION ALL SELECT concat_ws('/', 'company', "subjectId", allegations, unanswered) FROM "CompanyTally" WHERE allegations <> 0 OR unanswered <> 0
      UNION ALL SELECT concat_ws('/', 'days', "subjectId", days, clusters) FROM "CompanyAnswerDays" WHERE clusters <> 0
      UNION ALL SELECT concat_ws('/', 'outlet', "subjectId", "outletId", allegations) FROM "CompanyOutletTally" WHERE allegations <> 0
      UNION ALL SELECT concat_ws('/', 'answer', "subjectId", "speakerId", answers) FROM "AnswerTally" WHERE answers <> 0
    ) r ORDER BY row`
  return rows.map((r) => r.row)
}

test('the database’s recount (for bulk loads with the triggers off) leaves what the triggers kept', async () => {
  const companies = await createCompanies(2)
  await insertPlannedClaims(claimsAbout(companies, ['allegation', 'statement', 'denial', 'allegation']), null)
  const kept = await summariesAndTallies()
  expect(kept.some((row) => row.startsWith('company/'))).toBe(true)
  await getDb().$executeRaw`SELECT recount_claim_summaries()`
  expect(await summariesAndTallies()).toEqual(kept)
  await expectTalliesEqualRecount()
})
