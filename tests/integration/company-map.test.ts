// A company in numbers, with the demo data: Microsoft's allegations (one per cluster), its
// answers, what no answer reaches yet (oldest first), how long answers took, and where the
// timeline opens when nobody chose a company.
import { beforeAll, expect, test } from 'vitest'
import { getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import { linkClaims } from '@/lib/claims/edit'
import {
  countCompanyOutlets,
  findMostRecentlyActiveCompany,
  getCompanyNumbers,
  listCompanyActivity,
  listRecentCompanyClaims,
  listUnansweredAllegations,
} from '@/lib/queries/company-map'
import { loadTimeline } from '@/lib/timeline/load'
import { timelineParams } from '@/lib/timeline/params'
import { createTestAccount } from './helpers/accounts'

let microsoft = ''
const claimWith = async (words: string) => getDb().claim.findFirstOrThrow({ where: { quote: { contains: words } } })

beforeAll(async () => {
  await loadDemoData()
  microsoft = (await getDb().entity.findFirstOrThrow({ where: { name: 'Microsoft' } })).id
})

test('Microsoft in numbers: allegations counted once per cluster, answers, unanswered, median days to answer', async () => {
  const allegations = await getDb().claim.findMany({ where: { subjectId: microsoft, kind: 'allegation' }, select: { clusterId: true } })
  const numbers = await getCompanyNumbers(microsoft)
  expect(numbers.allegations).toBe(new Set(allegations.map((a) => a.clusterId)).size)
  expect(numbers.allegations).toBeLessThan(allegations.length) // the PRISM allegation is carried twice
  expect(numbers.answers).toBe(await getDb().claim.count({ where: { kind: { in: ['statement', 'denial'] } } }))
  expect(await countCompanyOutlets(microsoft)).toBe(2)
  // The labelled denials: the PRISM allegation answered the day it was reported (0 days), the
  // Outlook one (reported 11 July) answered on 16 July (5 days).
  expect([numbers.medianDaysToAnswer, numbers.answeredWithDates]).toEqual([2.5, 2])
  expect(numbers.unanswered).toBe(numbers.allegations - 2)
})

test('unanswered allegations, oldest first; an answer takes one off the list', async () => {
  const before = await listUnansweredAllegations(microsoft)
  expect(before.map((a) => a.quote)).toEqual(['U.S. security agencies had access to its central servers'])
  expect(before[0]).toMatchObject({ firstDate: '2013-06-06', copies: 1, outlets: ['Reuters'] })
  const editor = (await createTestAccount('editor')).user.id
  const answer = await claimWith('denied it was part of any voluntary data collection mechanism')
  await linkClaims(answer.id, before[0]!.claimId, 'denies', editor)
  expect(await listUnansweredAllegations(microsoft)).toEqual([])
  expect((await getCompanyNumbers(microsoft)).unanswered).toBe(0)
})

test('activity per month counts each allegation at its first report; the latest claims come newest first', async () => {
  const months = await listCompanyActivity(microsoft, 'month')
  expect(months.map((m) => m.period)).toEqual(['2013-06-01', '2013-07-01'])
  expect(months.reduce((n, m) => n + m.allegations, 0)).toBe((await getCompanyNumbers(microsoft)).allegations)
  const recent = await listRecentCompanyClaims(microsoft, 3)
  expect(recent).toHaveLength(3)
  expect(recent[0]?.claimDate?.toISOString().slice(0, 10)).toBe('2013-07-16')
})

test('with no company chosen, the timeline opens on the company whose claims were tagged last', async () => {
  expect(await findMostRecentlyActiveCompany()).toBe(microsoft)
  const view = await loadTimeline(timelineParams.parse({}))
  expect(view.companies.map((c) => c.company.name)).toEqual(['Microsoft'])
})
