// The answer-link proposer on its own, over claims as an editor tags them (rule 'claim', as the
// app's proposeLinksInArticle passes them): each test isolates one cue on synthetic sentences.
import { test, expect } from 'vitest'
import { proposeAnswers } from '@/lib/claims/suggest/answers'
import { parse } from '@/lib/claims/suggest/text'
import type { ClaimKind } from '@/lib/claims/kinds'
import type { Suggestion } from '@/lib/claims/suggest/types'

type Tag = { exact: string; kind: ClaimKind; speaker?: string; nth?: number; rule?: string }

// Claims over `text` by their words (the nth occurrence when a phrase repeats), then the links
// proposed, as "answer -> answered" by their words.
function links(text: string, tags: Tag[]): string[] {
  const claims: Suggestion[] = tags.map((t) => {
    let start = -1
    for (let k = 0; k <= (t.nth ?? 0); k++) start = text.indexOf(t.exact, start + 1)
    expect(start).toBeGreaterThanOrEqual(0)
    const side = t.kind === 'statement' || t.kind === 'denial' ? 'company' : 'others'
    return {
      kind: t.kind,
      side,
      exact: t.exact,
      start,
      end: start + t.exact.length,
      speaker: t.speaker ?? (side === 'company' ? 'Acme' : 'critics'),
      subject: 'Acme',
      confidence: 1,
      rule: t.rule ?? 'claim',
      answers: [],
    }
  })
  proposeAnswers(claims, parse(text))
  return claims.flatMap((c) => c.answers.map((a) => `${c.exact} -> ${claims[a.to]!.exact}`))
}

test('an answer framed as a reply answers the claim of the others just before it', () => {
  const text = 'Regulators said Acme overcharged its customers for a decade.\n\nIn response, Acme said its prices had been approved every year.'
  expect(
    links(text, [
      { exact: 'Acme overcharged its customers for a decade', kind: 'allegation', speaker: 'Regulators' },
      { exact: 'its prices had been approved every year', kind: 'statement' },
    ]),
  ).toEqual(['its prices had been approved every year -> Acme overcharged its customers for a decade'])
})

test('a plain company statement far from any charge and sharing no words with it answers nothing', () => {
  const text = [
    'Critics said Acme hid losses from investors.',
    'The weather was fine.',
    'Trains ran on time.',
    'The harbour was calm.',
    'Acme said it would open a new plant in Ohio next spring.',
  ].join('\n\n')
  expect(
    links(text, [
      { exact: 'Acme hid losses from investors', kind: 'allegation' },
      { exact: 'it would open a new plant in Ohio next spring', kind: 'statement' },
    ]),
  ).toEqual([])
})

test('"declined to comment", tagged by an editor, answers the claim just before it', () => {
  const text = 'Two people familiar with the matter said Acme will cut 500 jobs.\n\nAcme declined to comment.'
  expect(
    links(text, [
      { exact: 'Acme will cut 500 jobs', kind: 'report', speaker: 'two people familiar with the matter' },
      { exact: 'declined to comment', kind: 'statement' },
    ]),
  ).toEqual(['declined to comment -> Acme will cut 500 jobs'])
})

test('"would not disclose" answers the report before it in its sentence, not the one after it', () => {
  const text = 'Acme reportedly laid off 60 workers (it would not disclose the number) and Bolt reportedly laid off 300.'
  expect(
    links(text, [
      { exact: 'Acme reportedly laid off 60 workers', kind: 'report', speaker: 'unnamed reports' },
      { exact: 'it would not disclose the number', kind: 'statement' },
      { exact: 'Bolt reportedly laid off 300', kind: 'report', speaker: 'unnamed reports' },
    ]),
  ).toEqual(['it would not disclose the number -> Acme reportedly laid off 60 workers'])
})

test('a denial answers the allegation restated nearest before it, not a side remark in between... unless nearer', () => {
  // The lede's allegation, restated later; a bystander's remark after it; then the denial.
  const text = [
    'Acme was accused of dumping waste in the river.',
    'Acme makes chemicals.',
    'Last week, residents accused Acme of dumping waste in the river near the school.',
    'A senator criticised the chemical industry as a whole.',
    'Acme denied any wrongdoing.',
  ].join('\n\n')
  expect(
    links(text, [
      { exact: 'dumping waste in the river', kind: 'allegation' },
      { exact: 'dumping waste in the river near the school', kind: 'allegation', speaker: 'residents' },
      { exact: 'criticised the chemical industry as a whole', kind: 'allegation', speaker: 'A senator' },
      { exact: 'denied any wrongdoing', kind: 'denial' },
    ]),
  ).toEqual(['denied any wrongdoing -> dumping waste in the river near the school'])
})

test('a denial may answer a charge that follows it closely, when none came before', () => {
  const text = 'The army said the crash was an accident.\n\nThe rebels claimed they shot the helicopter down.'
  expect(
    links(text, [
      { exact: 'the crash was an accident', kind: 'denial', speaker: 'the army' },
      { exact: 'they shot the helicopter down', kind: 'report', speaker: 'the rebels' },
    ]),
  ).toEqual(['the crash was an accident -> they shot the helicopter down'])
})

test("the rest of a spokesman's run of words answers what its start answered; a claim after another voice does not", () => {
  const text = [
    'Critics said Acme misled its investors about the merger.',
    'Acme denied misleading anyone.',
    '“We published every figure,” the spokesman said.',
    'An analyst said the shares were cheap.',
    '“We expect growth,” the spokesman said.',
  ].join('\n\n')
  expect(
    links(text, [
      { exact: 'Acme misled its investors about the merger', kind: 'allegation' },
      { exact: 'denied misleading anyone', kind: 'denial', speaker: 'Acme' },
      { exact: 'We published every figure', kind: 'statement', speaker: 'Acme' },
      { exact: 'the shares were cheap', kind: 'report', speaker: 'An analyst' },
      { exact: 'We expect growth', kind: 'statement', speaker: 'Acme' },
    ]),
  ).toEqual([
    'denied misleading anyone -> Acme misled its investors about the merger',
    'We published every figure -> Acme misled its investors about the merger',
  ])
})

test('a denial answering two allegations does not answer one allegation twice', () => {
  const text = [
    'Critics accused Acme of dumping waste in the river.',
    'Residents also said Acme was dumping waste in the river at night.',
    'Acme denied dumping waste in the river.',
  ].join('\n\n')
  expect(
    links(text, [
      { exact: 'dumping waste in the river', kind: 'allegation' },
      { exact: 'Acme was dumping waste in the river at night', kind: 'allegation', speaker: 'Residents' },
      { exact: 'denied dumping waste in the river', kind: 'denial' },
    ]),
  ).toEqual(['denied dumping waste in the river -> Acme was dumping waste in the river at night'])
})

test("a quotation's later piece is answered at its start", () => {
  const text =
    '“It was an attempt to mislead voters,” Jane Roe told the BBC. “And I think it is inappropriate.”\n\nBut Acme said: “We make no apology for our rebuttals.”'
  expect(
    links(text, [
      { exact: 'It was an attempt to mislead voters', kind: 'allegation', speaker: 'Jane Roe', rule: 'quote-attributed-after' },
      { exact: 'And I think it is inappropriate.', kind: 'allegation', speaker: 'Jane Roe', rule: 'quote-continued' },
      { exact: 'We make no apology for our rebuttals', kind: 'statement', rule: 'quote-attributed-after' },
    ]),
  ).toEqual(['We make no apology for our rebuttals -> It was an attempt to mislead voters'])
})

test('a denial naming the words of a second, earlier allegation answers it too', () => {
  const text = [
    'Jane Roe accused Acme of blocking her Netflix film.',
    'She also accused Acme of stopping her concert at the awards.',
    'A senator criticised big labels.',
    '“We did not block her Netflix film or stop her concert,” Acme said.',
  ].join('\n\n')
  expect(
    links(text, [
      { exact: 'blocking her Netflix film', kind: 'allegation', speaker: 'Jane Roe' },
      { exact: 'stopping her concert at the awards', kind: 'allegation', speaker: 'Jane Roe' },
      { exact: 'criticised big labels', kind: 'allegation', speaker: 'A senator' },
      { exact: 'We did not block her Netflix film or stop her concert', kind: 'denial' },
    ]).sort(),
  ).toEqual([
    'We did not block her Netflix film or stop her concert -> blocking her Netflix film',
    'We did not block her Netflix film or stop her concert -> stopping her concert at the awards',
  ])
})
