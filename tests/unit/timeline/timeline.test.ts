import { expect, test } from 'vitest'
import { csvCell, toCsv } from '@/lib/csv/write'
import type { TimelineClaim } from '@/lib/queries/timeline'
import { bucketOf, bucketSizeFor } from '@/lib/timeline/buckets'
import { buildTimeline } from '@/lib/timeline/build'
import { laneFor } from '@/lib/timeline/lanes'
import { timelineParams, timelineQueryString } from '@/lib/timeline/params'

const MS = '01000000-0000-7000-8000-000000000001'
const SMITH = '01000000-0000-7000-8000-000000000002'
const POST = '01000000-0000-7000-8000-000000000003'
const GOOGLE = '01000000-0000-7000-8000-000000000004'

test('lanes: the company and its people said it; others reported it; unrelated claims are not shown', () => {
  expect(laneFor({ kind: 'denial', speakerId: MS, speakerAffiliationId: null, subjectId: MS }, MS)).toBe('said')
  expect(laneFor({ kind: 'statement', speakerId: SMITH, speakerAffiliationId: MS, subjectId: null }, MS)).toBe('said')
  expect(laneFor({ kind: 'allegation', speakerId: POST, speakerAffiliationId: null, subjectId: MS }, MS)).toBe('reported')
  expect(laneFor({ kind: 'report', speakerId: null, speakerAffiliationId: null, subjectId: MS }, MS)).toBe('reported')
  // A denial about the company whose speaker is not set yet is still the company's answer …
  expect(laneFor({ kind: 'denial', speakerId: null, speakerAffiliationId: null, subjectId: MS }, MS)).toBe('said')
  // … but another company's statement about it is not.
  expect(laneFor({ kind: 'statement', speakerId: GOOGLE, speakerAffiliationId: null, subjectId: MS }, MS)).toBe('reported')
  expect(laneFor({ kind: 'allegation', speakerId: POST, speakerAffiliationId: null, subjectId: GOOGLE }, MS)).toBeNull()
})

test('buckets: days for a month of coverage, weeks for a season, months for years', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`)
  expect(bucketSizeFor(d('2013-06-06'), d('2013-07-16'))).toBe('day')
  expect(bucketSizeFor(d('2013-06-06'), d('2013-10-01'))).toBe('week')
  expect(bucketSizeFor(d('2013-06-06'), d('2015-01-01'))).toBe('month')
  expect(bucketOf(d('2013-06-06'), 'day')).toEqual({ key: '2013-06-06', label: 'Thu 6 Jun 2013' })
  expect(bucketOf(d('2013-06-06'), 'week')).toEqual({ key: '2013-06-03', label: 'Week of 3 Jun – 9 Jun 2013' })
  expect(bucketOf(d('2013-06-09'), 'week').key).toBe('2013-06-03') // Sunday ends the ISO week
  expect(bucketOf(d('2013-06-06'), 'month')).toEqual({ key: '2013-06', label: 'June 2013' })
})

function claim(
  id: string,
  kind: TimelineClaim['kind'],
  date: string | null,
  speaker: { id: string; name: string; affiliationId: string | null } | null,
  subjectId: string | null,
  links: { toId: string }[] = [],
  proposals: { toId: string; confidence: number }[] = [],
): TimelineClaim {
  return {
    id,
    kind,
    quote: `quote ${id}`,
    claimDate: date ? new Date(`${date}T00:00:00Z`) : null,
    channel: null,
    status: 'active',
    subjectId,
    speaker,
    subject: subjectId ? { id: subjectId, name: 'Microsoft' } : null,
    article: { id: 'a1', title: 'Article', bylines: ['Bill Rigby'], publishedAt: null, publishedOffset: null, outlet: { id: 'o1', name: 'Reuters' } },
    linksFrom: links.map((l, i) => ({ id: `${id}-l${i}`, relation: 'denies' as const, toId: l.toId })),
    proposalsFrom: proposals.map((p, i) => ({ id: `${id}-p${i}`, relation: 'responds_to' as const, toId: p.toId, confidence: p.confidence })),
    clusterId: null,
    answered: false,
  }
}

test('build: rows per day with both lanes, an undated tray, and only links whose two ends are shown', () => {
  const view = buildTimeline(
    [
      claim('c1', 'allegation', '2013-06-06', { id: POST, name: 'The Washington Post', affiliationId: null }, MS),
      claim('c2', 'denial', '2013-06-06', { id: MS, name: 'Microsoft', affiliationId: null }, MS, [{ toId: 'c1' }, { toId: 'elsewhere' }]),
      claim(
        'c3',
        'statement',
        '2013-07-16',
        { id: SMITH, name: 'Brad Smith', affiliationId: MS },
        null,
        [],
        [
          { toId: 'c1', confidence: 0.7 },
          { toId: 'elsewhere', confidence: 0.9 },
        ],
      ),
      claim('c4', 'allegation', null, { id: POST, name: 'The Washington Post', affiliationId: null }, MS),
    ],
    [{ id: MS, name: 'Microsoft' }],
  )
  expect(view.size).toBe('day')
  const [company] = view.companies
  expect(company?.rows.map((r) => [r.label, r.reported.map((i) => i.id), r.said.map((i) => i.id)])).toEqual([
    ['Thu 6 Jun 2013', ['c1'], ['c2']],
    ['Tue 16 Jul 2013', [], ['c3']],
  ])
  expect(company?.undated.reported.map((i) => i.id)).toEqual(['c4'])
  expect(view.links).toEqual([
    { id: 'c2-l0', fromId: 'c2', toId: 'c1', relation: 'denies', status: 'confirmed', confidence: null },
    { id: 'c3-p0', fromId: 'c3', toId: 'c1', relation: 'responds_to', status: 'proposed', confidence: 0.7 },
  ])
})

test('URL state: repeated entities and kinds, bad values dropped, and written back in a stable order', () => {
  const params = timelineParams.parse({ entity: [MS, 'nope', MS, GOOGLE], kind: ['denial', 'bogus'], from: '2013-13-01', to: '2013-07-31', q: ' PRISM ' })
  expect(params).toEqual({
    entity: [MS, GOOGLE],
    kind: ['denial'],
    story: undefined,
    outlet: undefined,
    speaker: undefined,
    from: undefined,
    to: '2013-07-31',
    q: 'PRISM',
  })
  expect(timelineQueryString(params)).toBe(`entity=${MS}&entity=${GOOGLE}&kind=denial&to=2013-07-31&q=PRISM`)
})

test('CSV: quoted where needed, and formulas defused for spreadsheets', () => {
  expect(csvCell('plain')).toBe('plain')
  expect(csvCell('He said, "no"')).toBe('"He said, ""no"""')
  expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
  expect(['+1', '-1', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(["'+1", "'-1", "'@SUM(A1)", "'\tx"])
  expect(csvCell(-3)).toBe('-3') // numbers are numbers
  expect(toCsv(['a', 'b'], [['1', null]])).toBe('a,b\r\n1,\r\n')
})

test('build: copies of one claim are one card, at the first copy, listing the others; links to a copy meet the card', () => {
  const copy = (id: string, date: string, outlet: string, cluster: string, answered = false): TimelineClaim => ({
    ...claim(id, 'allegation', date, { id: POST, name: 'The Washington Post', affiliationId: null }, MS),
    clusterId: cluster,
    answered,
    article: { id: `a-${id}`, title: `Article ${id}`, bylines: [], publishedAt: null, publishedOffset: null, outlet: { id: `o-${outlet}`, name: outlet } },
  })
  const view = buildTimeline(
    [
      copy('p1', '2013-06-06', 'Reuters', 'prism'),
      copy('x1', '2013-06-07', 'Reuters', 'other'),
      copy('p2', '2013-07-16', 'iTnews', 'prism'),
      claim('d1', 'denial', '2013-07-17', { id: MS, name: 'Microsoft', affiliationId: null }, MS, [{ toId: 'p2' }]),
    ],
    [{ id: MS, name: 'Microsoft' }],
  )
  const cards = view.companies[0]?.rows.flatMap((r) => r.reported) ?? []
  expect(cards.map((c) => [c.id, c.copies.map((k) => `${k.id} ${k.outlet} ${k.date}`)])).toEqual([
    ['p1', ['p2 iTnews 2013-07-16']],
    ['x1', []],
  ])
  expect(view.cardOf).toMatchObject({ p1: 'p1', p2: 'p1', x1: 'x1', d1: 'd1' })
  // Every claim stays in the view's claims (the JSON export lists each copy).
  expect(view.items.map((i) => [i.id, i.cluster])).toEqual([
    ['p1', 'prism'],
    ['x1', 'other'],
    ['p2', 'prism'],
    ['d1', null],
  ])
  expect(view.links.map((l) => [l.fromId, l.toId])).toEqual([['d1', 'p2']])
})
