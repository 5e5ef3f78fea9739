// Attribution shapes beyond "X said …": intentions, questions, title-case headlines, name labels,
// "called X Y" with a long object, titled names and grouped digits.
import { test, expect } from 'vitest'
import { tokenize } from '@/lib/claims/suggest/text'
import { only, suggest } from './helpers'

const pairs = (text: string) => suggest(text).map((s) => [s.speaker, s.exact])

test('an intention is attributed like a belief: "wants to", "plans to", "seeks to"', () => {
  expect(only('The mayor wants to raise the minimum wage to $15 an hour.')).toMatchObject({
    speaker: 'The mayor',
    exact: 'to raise the minimum wage to $15 an hour',
  })
  expect(only('The coalition also plans to target rural voters by mail.')).toMatchObject({ exact: 'to target rural voters by mail' })
  expect(only('The group seeks to prevent deaths through new laws.').exact).toBe('to prevent deaths through new laws')
  // A noun, not a cue: "its plans to expand" is no one's intention here.
  expect(pairs('The firm said its plans to expand were on hold.')).toEqual([['The firm', 'its plans to expand were on hold']])
})

test('a question: "asked (someone) if / whether / about …"', () => {
  expect(only('The senator asked officials whether the plan would work.')).toMatchObject({
    speaker: 'The senator',
    exact: 'whether the plan would work',
    rule: 'asked',
  })
  // An opening participle: the question ends at its comma; the main clause is someone else's.
  expect(pairs('Asked if the remarks had rattled allies, Jane Roe said the alliance was strong.')).toEqual([
    ['Jane Roe', 'if the remarks had rattled allies'],
    ['Jane Roe', 'the alliance was strong'],
  ])
  expect(pairs('Asked about her own vote in November, Jane Roe said she would wait.')).toEqual([
    ['Jane Roe', 'her own vote in November'],
    ['Jane Roe', 'she would wait'],
  ])
  // "asked for" is a request for a thing, not a question.
  expect(suggest('A woman asked for a photo.')).toEqual([])
})

test('a title-case headline: the capitalised verb is the cue and ends the name', () => {
  expect(only('Jane Roe Says The Deal Will Fail In March')).toMatchObject({ speaker: 'Jane Roe', exact: 'The Deal Will Fail In March' })
})

test('a name label before a colon credits what follows, in title case or quoted', () => {
  expect(only('Jane Roe: I’m Not Interested In The Job')).toMatchObject({ speaker: 'Jane Roe', exact: 'I’m Not Interested In The Job' })
  expect(only('Rep. Jane Roe (D-N.Y.): "We will not back this bill."')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'We will not back this bill.',
  })
})

test('"called X Y" with a long object, a possessive and an infinitive inside it', () => {
  expect(only('Roe called the board’s neglect of advice from seasoned commanders “a disgrace to the whole industry.”')).toMatchObject({
    speaker: 'Roe',
    exact: 'the board’s neglect of advice from seasoned commanders “a disgrace to the whole industry.”',
  })
  // A second participle ends the first one's words: "calling it … and asserting that …".
  expect(pairs('Roe attacked the plan, calling it “reckless” and asserting that it would fail.')).toEqual([
    ['Roe', 'attacked the plan'],
    ['Roe', 'it “reckless”'],
    ['Roe', 'it would fail'],
  ])
})

test('a title’s full stop belongs to the name on either side of the cue', () => {
  expect(only('“It is not new,” said Mr. Schmidt, who bought the land in 2010.').speaker).toBe('Schmidt')
  expect(only('On Sunday, Rep. Jane Roe said the inquiry was over.').speaker).toBe('Jane Roe')
})

test('a comma between digit groups is part of the number', () => {
  expect(tokenize('paid $2,000 to 1,800,000 people in 2,00').map((t) => t.text)).toEqual([
    'paid',
    '$',
    '2,000',
    'to',
    '1,800,000',
    'people',
    'in',
    '2',
    ',',
    '00',
  ])
  expect(only('Jane Roe, who won 55,000 votes, said she would run again.').speaker).toBe('Jane Roe')
})

test('"according to": a long source, after a colon, and with no comma before it', () => {
  expect(only('According to early results of exit polls conducted by a research firm for two networks, voters in both states backed the plan.')).toMatchObject({
    exact: 'voters in both states backed the plan',
    rule: 'according-to',
  })
  expect(only('It has not gone unnoticed: according to recent polls, the mayor holds only 14 percent of the vote.').exact).toBe(
    'the mayor holds only 14 percent of the vote',
  )
  expect(only('The mayor leads by 271 delegates according to a count by the Daily Ledger.').exact).toBe('The mayor leads by 271 delegates')
})

test('"As X put it, …" credits the clause to X', () => {
  expect(only('As Jane Roe put it, the plan is dead on arrival.')).toMatchObject({ speaker: 'Jane Roe', exact: 'the plan is dead on arrival' })
  // A time clause is no source: the speaker comes after its comma.
  expect(pairs('As the deadline approached, officials said the talks had failed.')).toEqual([['officials', 'the talks had failed']])
})

test('a quotation over several paragraphs, opening marks only, takes the frame of its last paragraph', () => {
  const text =
    'Jane Roe said the plan had failed.\n\n“It was a disaster from the start, and everyone knew it.\n\n“We should have stopped it much earlier,” Roe said.'
  expect(pairs(text)).toEqual([
    ['Jane Roe', 'the plan had failed'],
    ['Jane Roe', 'It was a disaster from the start, and everyone knew it.'],
    ['Jane Roe', 'We should have stopped it much earlier'],
  ])
})

test('a quotation whose comma was left out, or closed with an opening mark, keeps its frame', () => {
  expect(only('“The caucus is a battle of niches” Roe said.')).toMatchObject({ speaker: 'Roe', exact: 'The caucus is a battle of niches' })
  expect(only('"We have had to stand by for months" said Jane Roe, a spokeswoman.').speaker).toBe('Jane Roe')
  expect(only('“That could create new problems for her here,“ said Jane Roe, a Democrat.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'That could create new problems for her here',
  })
  // Quoted words inside a sentence have no frame of their own.
  expect(suggest('“Boots on the ground” would be a mistake.')).toEqual([])
})

test('naming verbs other than "call" take a bare complement: "labeled X “…”"', () => {
  expect(only('Roe labeled the order “a blatant abuse of power.”')).toMatchObject({ speaker: 'Roe', exact: 'the order “a blatant abuse of power.”' })
})

test('what a poll or a record shows, with a noun phrase after it', () => {
  expect(only('The latest poll showed the mayor leading the field with 31 percent.')).toMatchObject({
    speaker: 'The latest poll',
    exact: 'showed the mayor leading the field with 31 percent',
  })
})

test('a stance taken: "X supports / opposes Y"', () => {
  expect(only('Most Democrats support the bill.')).toMatchObject({ speaker: 'Democrats', exact: 'support the bill' })
  expect(only('Jane Roe opposed the merger.')).toMatchObject({ speaker: 'Jane Roe', exact: 'opposed the merger' })
  // The noun is no cue.
  expect(suggest('His supporters rallied outside the hall.')).toEqual([])
})

test('"called on X to …": whom it asks and what', () => {
  expect(only('On Saturday, Sen. Jane Roe (D-Vt.) called on Michigan Gov. John Doe (R) to resign over the crisis.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'Michigan Gov. John Doe (R) to resign over the crisis',
  })
  expect(suggest('The teacher called on students in the back row.')).toEqual([])
})

test('whoever "says" a clause is its source, however the writer describes them', () => {
  expect(only('The magnate says a violent hit now draws a penalty.')).toMatchObject({
    speaker: 'The magnate',
    exact: 'a violent hit now draws a penalty',
  })
  expect(suggest('The stock added 2% to close at a record.')).toEqual([])
})

test('"told <a listener of any length> that …"', () => {
  expect(only('Jane Roe told a crowded banquet hall at a hotel in downtown Baltimore that she was not giving up.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'she was not giving up',
  })
  expect(only('Jane Roe told a town hall in Salem, New Hampshire on Monday that the plan was dead.').exact).toBe('the plan was dead')
})

test('a relative clause between a quotation and its cue is skipped to find the speaker', () => {
  expect(only('“It is fine,” Jane Roe, who runs the firm and has done so since it was founded, said on Monday.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'It is fine',
  })
})
