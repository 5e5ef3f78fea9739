// Attribution shapes beyond "X said …": intentions, questions, title-case headlines, name labels,
// "called X Y" with a long object, titled names and grouped digits.
import { test, expect } from 'vitest'
import { tokenize } from '@/lib/claims/suggest/text'
import { only, suggest } from './helpers'

const pairs = (text: string) => suggest(text).map((s) => [s.speaker, s.exact])

test('an intention is attributed like a belief: "wants to", "plans to", "seeks to"', () => {
  expect(only('The mayor wants to raise the bus fare to $3 a ride.')).toMatchObject({
    speaker: 'The mayor',
    exact: 'to raise the bus fare to $3 a ride',
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
  expect(pairs('Asked whether the tariffs had hurt farmers, Jane Roe said exports were up.')).toEqual([
    ['Jane Roe', 'whether the tariffs had hurt farmers'],
    ['Jane Roe', 'exports were up'],
  ])
  expect(pairs('Asked about her own plans for the spring, Jane Roe said she would wait.')).toEqual([
    ['Jane Roe', 'her own plans for the spring'],
    ['Jane Roe', 'she would wait'],
  ])
  // "asked for" is a request for a thing, not a question.
  expect(suggest('A neighbour asked for a lift.')).toEqual([])
})

test('a title-case headline: the capitalised verb is the cue and ends the name', () => {
  expect(only('Jane Roe Says The Levy Will Pass In May')).toMatchObject({ speaker: 'Jane Roe', exact: 'The Levy Will Pass In May' })
})

test('a name label before a colon credits what follows, in title case or quoted', () => {
  expect(only('Jane Roe: I’m Not Running For The Senate')).toMatchObject({ speaker: 'Jane Roe', exact: 'I’m Not Running For The Senate' })
  expect(only('Rep. Jane Roe (D-N.Y.): "The bill does nothing for renters."')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'The bill does nothing for renters.',
  })
})

test('"called X Y" with a long object, a possessive and an infinitive inside it', () => {
  expect(only('Roe called the board’s neglect of warnings from seasoned auditors “a scandal for the whole sector.”')).toMatchObject({
    speaker: 'Roe',
    exact: 'the board’s neglect of warnings from seasoned auditors “a scandal for the whole sector.”',
  })
  // A second participle ends the first one's words: "calling it … and asserting that …".
  expect(pairs('Roe attacked the plan, calling it “reckless” and asserting that it would fail.')).toEqual([
    ['Roe', 'attacked the plan'],
    ['Roe', 'it “reckless”'],
    ['Roe', 'it would fail'],
  ])
})

test('a title’s full stop belongs to the name on either side of the cue', () => {
  expect(only('“It was never for sale,” said Ms. Roe, who bought the land in 2010.').speaker).toBe('Roe')
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
  expect(only('According to a survey of 900 residents carried out by a local university for the city council, most people want more buses.')).toMatchObject({
    exact: 'most people want more buses',
    rule: 'according-to',
  })
  expect(only('Nobody expected it: according to the latest survey, the councilwoman has lost a third of her support.').exact).toBe(
    'the councilwoman has lost a third of her support',
  )
  expect(only('The councilwoman is ahead by 40 votes according to a tally by the county clerk.').exact).toBe('The councilwoman is ahead by 40 votes')
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
  expect(only('“Nobody here wants a second vote” Roe said.')).toMatchObject({ speaker: 'Roe', exact: 'Nobody here wants a second vote' })
  expect(only('"We waited for weeks and heard nothing" said Jane Roe, a spokeswoman.').speaker).toBe('Jane Roe')
  expect(only('“The board will regret this decision,“ said Jane Roe, a shareholder.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'The board will regret this decision',
  })
  // Quoted words inside a sentence have no frame of their own.
  expect(suggest('“Lower taxes” would be a slogan, not a plan.')).toEqual([])
})

test('naming verbs other than "call" take a bare complement: "labeled X “…”"', () => {
  expect(only('Roe labeled the order “a reckless use of power.”')).toMatchObject({ speaker: 'Roe', exact: 'the order “a reckless use of power.”' })
})

test('what a poll or a record shows, with a noun phrase after it', () => {
  expect(only('The newest survey showed the councilwoman ahead of her rivals by nine points.')).toMatchObject({
    speaker: 'The newest survey',
    exact: 'showed the councilwoman ahead of her rivals by nine points',
  })
})

test('a stance taken: "X supports / opposes Y"', () => {
  expect(only('Most Democrats support the bill.')).toMatchObject({ speaker: 'Democrats', exact: 'support the bill' })
  expect(only('Jane Roe opposed the merger.')).toMatchObject({ speaker: 'Jane Roe', exact: 'opposed the merger' })
  // The noun is no cue.
  expect(suggest('His supporters rallied outside the hall.')).toEqual([])
})

test('"called on X to …": whom it asks and what', () => {
  expect(only('On Friday, Sen. Jane Roe (D-Vt.) called on Ohio Gov. John Doe (R) to step down over the water scandal.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'Ohio Gov. John Doe (R) to step down over the water scandal',
  })
  expect(suggest('The teacher called on students in the back row.')).toEqual([])
})

test('whoever "says" a clause is its source, however the writer describes them', () => {
  expect(only('The veteran analyst says a merger would now be a costly mistake.')).toMatchObject({
    speaker: 'The veteran analyst',
    exact: 'a merger would now be a costly mistake',
  })
  expect(suggest('The stock added 2% to close at a record.')).toEqual([])
})

test('"told <a listener of any length> that …"', () => {
  expect(only('Jane Roe told a packed lecture room at a college in northern Ohio that the fight would go on.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'the fight would go on',
  })
  expect(only('Jane Roe told a school board meeting in Dayton, Ohio on Tuesday that the budget was sound.').exact).toBe('the budget was sound')
})

test('a relative clause between a quotation and its cue is skipped to find the speaker', () => {
  expect(only('“It is fine,” Jane Roe, who runs the firm and has done so since it was founded, said on Monday.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'It is fine',
  })
})

test('"according to" any source but a plan, a titled name, after a quotation', () => {
  expect(only('The mill will close its night shift in March, according to two union officials.')).toMatchObject({
    speaker: 'two union officials',
    exact: 'The mill will close its night shift in March',
  })
  expect(only('According to Rep. Jane Roe, the new levy will pay for two fire stations.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'the new levy will pay for two fire stations',
  })
  expect(only('“The repairs will take most of the summer,” according to the city engineer.').speaker).toBe('the city engineer')
  expect(suggest('The launch went ahead according to plan.')).toEqual([])
})

test('"called X <complement>" without an article or quotation marks', () => {
  expect(pairs('Roe called him reckless and accused him of wasting public money.')).toEqual([
    ['Roe', 'him reckless'],
    ['Roe', 'wasting public money'],
  ])
  expect(only('Roe called Doe unsuited to the job.').exact).toBe('Doe unsuited to the job')
  expect(only('Roe called Doe, his rival in the primary, an industry “stooge.”').exact).toBe('Doe, his rival in the primary, an industry “stooge.”')
  expect(suggest('He says he admires Roe and calls her “a tireless organiser of the union.”').map((s) => s.exact)).toEqual([
    'he admires Roe',
    'her “a tireless organiser of the union.”',
  ])
  for (const text of ['She called him back on Monday.', 'He called them on Monday to discuss the plan.', 'The emails and calls her office received were many.'])
    expect(suggest(text)).toEqual([])
})

test('a poll as the source: "In a survey out this week, …", "… in that poll."', () => {
  expect(only('In a Daily Planet survey out this week, most renters in the city favour a cap on rents.')).toMatchObject({
    rule: 'poll-finds',
    exact: 'most renters in the city favour a cap on rents',
  })
  expect(only('In April, the levy was ahead by nine points in that poll.').exact).toBe('In April, the levy was ahead by nine points')
  // How someone fares "in the polls" is no one's finding; nor are people "in the survey" who act.
  expect(suggest('The mayor is far behind in the polls this spring.')).toEqual([])
  expect(suggest('Only a few of the tenants in the survey agreed.')).toEqual([])
})

test('a name label before a headline in single quotation marks', () => {
  expect(only('Roe: ‘I’ll Fix Every Pothole In This Town Before Winter.’\n\nThe mayor spoke on Monday.')).toMatchObject({
    speaker: 'Roe',
    rule: 'speaker-label',
  })
})
