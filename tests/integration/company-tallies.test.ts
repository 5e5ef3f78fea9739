// A company page's numbers come from tallies that database triggers keep (migration
// company_tallies). After every kind of change an editor, the matcher or a cascade makes, they
// must equal the same numbers counted from scratch: the queries the page ran before the tallies,
// kept here as the reference. With the demo data (Microsoft, Reuters and iTnews, June-July 2013).
import { beforeAll, expect, test } from 'vitest'
import { editArticleDetails } from '@/lib/articles/details'
import { deleteArticleRecord } from '@/lib/articles/edit'
import { mergeClaims, splitClaim } from '@/lib/claims/clusters/edit'
import { deleteClaimRecord, linkClaims, unlinkClaims, updateClaimRecord } from '@/lib/claims/edit'
import { getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import { countCompanyOutlets, getCompanyNumbers } from '@/lib/queries/company-map'
import { mergeEntities, updateEntityRecord } from '@/lib/queries/entities'
import { createTestAccount } from './helpers/accounts'

type Counted = { allegations: number; answers: number; unanswered: number; medianDaysToAnswer: number | null; answeredWithDates: number; outlets: number }

async function countFromScratch(companyId: string): Promise<Counted> {
  const [row] = await getDb().$queryRaw<Counted[]>`
    WITH clusters AS (
      SELECT answered, "firstReported", "firstAnswered" FROM "ClaimCluster" WHERE "subjectId" = ${companyId}::uuid AND allegations > 0
    )
    SELECT
      (SELECT count(*) FROM clusters)::int AS allegations,
      ((SELECT count(*) FROM "Claim" WHERE "subjectId" = ${companyId}::uuid AND kind IN ('statement', 'denial'))
        + (SELECT count(*) FROM "Claim" c JOIN "Entity" e ON e.id = c."speakerId"
            WHERE (e.id = ${companyId}::uuid OR e."affiliationId" = ${companyId}::uuid)
              AND c.kind IN ('statement', 'denial') AND c."subjectId" IS DISTINCT FROM ${companyId}::uuid))::int AS answers,
      (SELECT count(*) FROM clusters WHERE NOT answered)::int AS unanswered,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY GREATEST(0, "firstAnswered" - "firstReported"))
         FROM clusters WHERE answered AND "firstReported" IS NOT NULL AND "firstAnswered" IS NOT NULL)::float AS "medianDaysToAnswer",
      (SELECT count(*) FROM clusters WHERE answered AND "firstReported" IS NOT NULL AND "firstAnswered" IS NOT NULL)::int AS "answeredWithDates",
      (SELECT count(DISTINCT a."outletId") FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
         WHERE c."subjectId" = ${companyId}::uuid AND c.kind = 'allegation')::int AS outlets`
  if (!row) throw new Error('no row')
  return row
}

const tallied = async (companyId: string): Promise<Counted> => ({ ...(await getCompanyNumbers(companyId)), outlets: await countCompanyOutlets(companyId) })

// Every company's (and every other entity's: a merge or a re-subjecting can make anything a
// subject) tallied numbers against the count from scratch; no tally below zero.
async function expectTalliesTrue(): Promise<Counted> {
  const entities = await getDb().entity.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
  for (const { id } of entities) expect(await tallied(id)).toEqual(await countFromScratch(id))
  const [negative] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT ((SELECT count(*) FROM "CompanyTally" WHERE allegations < 0 OR unanswered < 0)
      + (SELECT count(*) FROM "CompanyAnswerDays" WHERE clusters < 0) + (SELECT count(*) FROM "CompanyOutletTally" WHERE allegations < 0)
      + (SELECT count(*) FROM "AnswerTally" WHERE answers < 0))::int AS n`
  expect(negative?.n).toBe(0)
  return tallied(microsoft)
}

let microsoft = ''
let google = ''
let editor = ''
const claimWith = async (words: string) => getDb().claim.findFirstOrThrow({ where: { quote: { contains: words } } })

beforeAll(async () => {
  await loadDemoData()
  microsoft = (await getDb().entity.findFirstOrThrow({ where: { name: 'Microsoft' } })).id
  google = (await getDb().entity.create({ data: { kind: 'company', name: 'Google', aliases: [] } })).id
  editor = (await createTestAccount('editor')).user.id
})

test('the demo data as loaded: the tallies equal the count from scratch', async () => {
  const numbers = await expectTalliesTrue()
  expect(numbers).toMatchObject({ medianDaysToAnswer: 2.5, answeredWithDates: 2, outlets: 2 })
})

test('an editor splits an allegation from its cluster and merges it back', async () => {
  const before = await expectTalliesTrue()
  const itnews = await claimWith('gave the US government "direct access"')
  const reuters = await claimWith('tapping directly into the central servers')
  await splitClaim(itnews.id, editor)
  expect((await expectTalliesTrue()).allegations).toBe(before.allegations + 1)
  await mergeClaims(itnews.id, reuters.id, editor)
  expect(await expectTalliesTrue()).toEqual(before)
})

test('answers linked and unlinked, and an answer’s date moved, change unanswered and the median', async () => {
  const before = await expectTalliesTrue()
  const allegation = await claimWith('U.S. security agencies had access to its central servers')
  const denial = await claimWith('denied it was part of any voluntary data collection mechanism')
  const link = await linkClaims(denial.id, allegation.id, 'denies', editor)
  const linked = await expectTalliesTrue()
  expect([linked.unanswered, linked.answeredWithDates]).toEqual([before.unanswered - 1, before.answeredWithDates + 1])
  await updateClaimRecord(denial.id, denial.version, { claimDate: new Date('2013-08-30T00:00:00Z') }, editor)
  expect((await expectTalliesTrue()).medianDaysToAnswer).not.toBe(linked.medianDaysToAnswer)
  await unlinkClaims(link.id, editor)
  expect((await expectTalliesTrue()).unanswered).toBe(before.unanswered)
})

test('a claim re-kinded, given another company and deleted', async () => {
  const before = await expectTalliesTrue()
  const allegation = await claimWith('circumvent encryption of Outlook emails')
  const reported = await updateClaimRecord(allegation.id, allegation.version, { kind: 'report' }, editor)
  expect((await expectTalliesTrue()).allegations).toBe(before.allegations - 1)
  await updateClaimRecord(allegation.id, reported!.version, { kind: 'allegation', subjectId: google }, editor)
  expect((await expectTalliesTrue()).allegations).toBe(before.allegations - 1)
  expect((await tallied(google)).allegations).toBe(1)
  const statement = await claimWith('We provide customer data only when we receive a le')
  const restated = await updateClaimRecord(statement.id, statement.version, { kind: 'allegation' }, editor)
  expect((await expectTalliesTrue()).answers).toBe(before.answers - 1)
  expect(await deleteClaimRecord(statement.id, restated!.version, editor)).toBe(true)
  const denial = await claimWith('there were "significant inaccuracies"')
  expect(await deleteClaimRecord(denial.id, denial.version, editor)).toBe(true)
  expect((await expectTalliesTrue()).answers).toBe(before.answers - 2)
})

test('people change company, companies merge', async () => {
  const smith = await getDb().entity.findFirstOrThrow({ where: { name: 'Brad Smith' } })
  await updateEntityRecord(smith.id, { affiliationId: google }, editor)
  expect((await tallied(google)).answers).toBeGreaterThan(0)
  await expectTalliesTrue()
  await mergeEntities(microsoft, google, editor)
  await expectTalliesTrue()
})

test('an article moved to another outlet, then deleted with its claims', async () => {
  const itnews = await getDb().article.findFirstOrThrow({ where: { claims: { some: { quote: { contains: 'gave the US government "direct access"' } } } } })
  await editArticleDetails(itnews.id, itnews.version, { publisher: 'The Register' }, editor)
  await expectTalliesTrue()
  const moved = await getDb().article.findUniqueOrThrow({ where: { id: itnews.id } })
  await editArticleDetails(itnews.id, moved.version, { publisher: null }, editor)
  const anonymous = await expectTalliesTrue()
  const again = await getDb().article.findUniqueOrThrow({ where: { id: itnews.id } })
  await editArticleDetails(itnews.id, again.version, { publisher: 'iTnews' }, editor)
  expect((await expectTalliesTrue()).outlets).toBe(anonymous.outlets + 1)
  const reuters = await getDb().article.findFirstOrThrow({ where: { claims: { some: { quote: { contains: 'tapping directly into the central servers' } } } } })
  expect(await deleteArticleRecord(reuters.id, reuters.version, editor)).toBe(true)
  await expectTalliesTrue()
})
