import { test, expect } from 'vitest'
import { parseStandoff } from '@/lib/claims/suggest/eval/polnear'
import { metrics, sameSpeaker, scoreArticle, totals, type GoldClaim } from '@/lib/claims/suggest/score'
import type { Suggestion } from '@/lib/claims/suggest/types'

const body = 'Acme said it never sold data. The Ledger reported Acme sold data to brokers and lied to regulators.'

function suggestion(exact: string, fields: Partial<Suggestion> = {}): Suggestion {
  const start = body.indexOf(exact)
  return {
    kind: 'statement',
    side: 'company',
    exact,
    start,
    end: start + exact.length,
    speaker: 'Acme',
    subject: 'Acme',
    confidence: 0.8,
    rule: 'test',
    answers: [],
    ...fields,
  }
}

const gold: GoldClaim[] = [
  { side: 'company', kind: 'denial', speaker: 'Acme', subject: 'Acme', exact: 'it never sold data' },
  { side: 'others', kind: 'allegation', speaker: 'The Ledger', subject: 'Acme', exact: 'Acme sold data to brokers' },
  { side: 'others', kind: 'allegation', speaker: 'The Ledger', subject: 'Acme', exact: 'lied to regulators' },
]

test('a match needs half the shorter span’s words, one suggestion to one claim', () => {
  const long = suggestion('Acme sold data to brokers and lied to regulators', { side: 'others', kind: 'allegation', speaker: 'Ledger' })
  const score = scoreArticle(body, gold, [suggestion('it never sold data', { kind: 'denial' }), long])
  expect(score.pairs.map((p) => p.gold.exact)).toEqual(['it never sold data', 'Acme sold data to brokers'])
  expect(score.misses.map((g) => g.exact)).toEqual(['lied to regulators'])
  const m = metrics(totals([score]))
  expect(m).toMatchObject({ recall: 2 / 3, precision: 1, speakerAccuracy: 1, sideAccuracy: 1, kindAccuracy: 1 })
  // One shared word of three is not enough; two of four is.
  expect(scoreArticle(body, gold, [suggestion('Acme said it')]).pairs).toHaveLength(0)
  expect(scoreArticle(body, gold, [suggestion('Acme said it never')]).pairs).toHaveLength(1)
})

test('answer links are found through the suggestions matched to both ends', () => {
  const links = [{ from_exact: 'it never sold data', relation: 'denies', to_exact: 'Acme sold data to brokers' }]
  const denial = suggestion('it never sold data', { kind: 'denial', answers: [{ to: 1, relation: 'denies', confidence: 0.7 }] })
  const allegation = suggestion('Acme sold data to brokers', { side: 'others', kind: 'allegation' })
  const right = scoreArticle(body, gold, [denial, allegation], { links })
  expect(right.links).toMatchObject({ gold: 1, proposed: 1, found: 1, relationOk: 1 })
  const wrongTarget = scoreArticle(
    body,
    gold,
    [{ ...denial, answers: [{ to: 1, relation: 'responds_to', confidence: 0.5 }] }, suggestion('lied to regulators', { side: 'others' })],
    { links },
  )
  expect(wrongTarget.links).toMatchObject({ gold: 1, proposed: 1, found: 0 })
})

test('speakers agree by name, by a shorter form, or not at all', () => {
  expect(sameSpeaker('The Washington Post', 'Washington Post')).toBe(true)
  expect(sameSpeaker('Ken Doctor', 'veteran industry analyst Ken Doctor')).toBe(true)
  expect(sameSpeaker('Ken Doctor', 'Doctor')).toBe(true)
  expect(sameSpeaker('Ken Doctor', 'Ken Starr')).toBe(false)
  expect(sameSpeaker('Ken Doctor', null)).toBe(false)
})

test('PolNeAR standoff: events with their pieces, sources optional', () => {
  const ann = [
    'T1\tSource 0 5\tSmith',
    'T2\tCue 6 10\tsaid',
    'T3\tContent 11 20;25 30\tit rained now',
    'T4\tAttribution 6 10\tsaid',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    'T5\tContent 40 50\tx',
    'T6\tCue 51 60\treportedly',
    'T7\tAttribution 51 60\treportedly',
    'E2\tAttribution-no-source:T7 Content:T5 Cue:T6',
    '#1\tAnnotatorNotes T5\ta note',
  ].join('\n')
  expect(parseStandoff(ann)).toEqual([
    {
      content: [
        [11, 20],
        [25, 30],
      ],
      source: [[0, 5]],
      cue: [[6, 10]],
    },
    { content: [[40, 50]], source: null, cue: [[51, 60]] },
  ])
})
