import { test, expect } from 'vitest'
import type { KnownEntity } from '@/lib/claims/suggest/suggest'
import { only, suggest } from './helpers'

const pairs = (text: string) => suggest(text).map((s) => [s.speaker, s.exact])

test('reported speech with "that": the clause, without "X said that"', () => {
  const s = only('Acme Corp said on Tuesday that it would close two factories in Ohio next year.')
  expect(s).toMatchObject({
    kind: 'statement',
    speaker: 'Acme',
    subject: 'Acme',
    exact: 'it would close two factories in Ohio next year',
    rule: 'reported-speech',
  })
})

test('reported speech without "that"', () => {
  const s = only('Acme Corp said on Thursday it provides customer data only when it receives a court order.')
  expect(s.exact).toBe('it provides customer data only when it receives a court order')
})

test('a reported clause ends where the next clause begins', () => {
  const found = suggest('Acme Corp said it never shared data, after the Daily Ledger reported regulators had access to its servers.')
  expect(found.map((s) => [s.kind, s.speaker, s.exact])).toEqual([
    ['denial', 'Acme', 'it never shared data'],
    ['report', 'Daily Ledger', 'regulators had access to its servers'],
  ])
})

test('told X (that): the object is not the claim', () => {
  const s = only('Acme chief executive John Doe told reporters on Monday that the company would appeal the ruling.')
  expect(s).toMatchObject({ speaker: 'John Doe', exact: 'the company would appeal the ruling' })
})

test('a verb with an object, not a clause, is not reported speech; a confirmed object keeps its cue', () => {
  expect(suggest('Researchers warned the retailer about the weakness in its software.')).toEqual([])
  expect(only('Acme Corp confirmed the acquisition of a small rival.')).toMatchObject({
    side: 'company',
    kind: 'statement',
    exact: 'confirmed the acquisition of a small rival',
  })
})

test('"according to" makes an allegation by the source', () => {
  const s = only('Acme Corp paid bribes to officials in three countries, according to court documents.')
  expect(s).toMatchObject({
    kind: 'allegation',
    speaker: 'court documents',
    exact: 'Acme Corp paid bribes to officials in three countries',
    rule: 'according-to',
  })
})

test('"according to" at the start of the sentence', () => {
  const s = only('According to the Daily Ledger, Acme Corp hid the losses from its auditors.')
  expect(s).toMatchObject({ kind: 'allegation', speaker: 'Daily Ledger', exact: 'Acme Corp hid the losses from its auditors' })
})

test('"reportedly" narrows to its clause and takes the source named in the sentence', () => {
  const s = only(
    'The appeal comes a week after Acme Corp reportedly allowed agencies to read customer emails, according to leaked documents provided by Jane Roe.',
  )
  expect(s).toMatchObject({
    kind: 'report',
    speaker: 'leaked documents provided by Jane Roe',
    exact: 'Acme Corp reportedly allowed agencies to read customer emails',
  })
})

test('"allegedly" with the source after the clause', () => {
  const s = only('Acme Corp allegedly ignored three warnings about the fault, people familiar with the matter said.')
  expect(s).toMatchObject({
    kind: 'allegation',
    speaker: 'people familiar with the matter',
    exact: 'Acme Corp allegedly ignored three warnings about the fault',
  })
})

test('documents and sources are the others’ side: a charge is an allegation, a plain account a report', () => {
  const docs = only('Acme Corp shares fell after leaked documents suggested the company hid losses from regulators.')
  expect(docs).toMatchObject({ side: 'others', kind: 'allegation', speaker: 'leaked documents', exact: 'the company hid losses from regulators' })
  const sources = only('Sources said Acme Corp was preparing to sell its chip unit.')
  expect(sources).toMatchObject({ side: 'others', kind: 'report' })
})

test('a regulator on what a company did is an allegation about it', () => {
  const s = only('Acme Corp sells brakes. The Federal Trade Commission said Acme misled buyers about its brakes.')
  expect(s).toMatchObject({ kind: 'allegation', subject: 'Acme' })
})

test('"the Post" resolves to the Washington Post named before, and with an alias', () => {
  const text = 'The Washington Post covers Acme Corp and its rivals. The Post reported on Thursday that Acme Corp gave agencies access to its servers.'
  expect(only(text).speaker).toBe('Washington Post')
  const entities: KnownEntity[] = [{ id: 'wp', kind: 'outlet', name: 'The Washington Post', aliases: ['Washington Post', 'the Post'] }]
  expect(only('The Post reported on Thursday that Acme Corp gave agencies access to its servers.', entities)).toMatchObject({
    speaker: 'The Washington Post',
    speakerEntityId: 'wp',
  })
})

test('"Smith" resolves to Brad Smith, "company lawyer" to the company', () => {
  const text =
    'Microsoft Corp wrote to the government. Company lawyer Brad Smith asked the court to act.\n\n"We believe the law lets us publish these numbers," said Smith in a blog.'
  const s = only(text)
  expect(s).toMatchObject({ speaker: 'Brad Smith', subject: 'Microsoft', kind: 'statement' })
})

test('"He said" resolves to the person quoted before', () => {
  const text =
    '"We believe the law lets us publish these numbers," said Brad Smith, Microsoft Corp\'s lawyer.\n\nHe said government lawyers had not answered the motion.'
  const found = suggest(text)
  expect(found[1]).toMatchObject({ speaker: 'Brad Smith', kind: 'statement', exact: 'government lawyers had not answered the motion' })
})

test('"it" and descriptions resolve to the company of the sentence before', () => {
  const text =
    "Acme Corp faces questions about safety. The world's largest brake company said there were no faults and asserted it does not cut corners on safety."
  expect(suggest(text).map((s) => [s.kind, s.speaker, s.exact])).toEqual([
    ['denial', 'Acme', 'there were no faults'],
    ['denial', 'Acme', 'it does not cut corners on safety'],
  ])
})

test("a coordinated cue keeps the sentence's speaker, not a name inside the words credited before it", () => {
  const found = suggest('The company said there were errors in the media reports last week and asserted it never allowed any government access.')
  expect(found.map((s) => [s.speaker, s.exact])).toEqual([
    ['The company', 'there were errors in the media reports last week'],
    ['The company', 'it never allowed any government access'],
  ])
})

test('a charge named inside a denial is an allegation beside it; a denial of a bare claim is not', () => {
  const found = suggest('The police deny accusations of brutality.')
  expect(found.map((s) => [s.rule, s.speaker, s.exact])).toEqual([
    ['denial-verb', 'The police', 'deny accusations of brutality'],
    ['denied-charge', 'unnamed critics', 'accusations of brutality'],
  ])
  expect(found[1]).toMatchObject({ side: 'others', kind: 'allegation' })
  expect(suggest('The police rejected the claims.').map((s) => s.rule)).toEqual(['denial-verb'])
})

test('"drew criticism" is a charge with no one named as making it; "received 500 claims" is not', () => {
  expect(only('The tagline drew a mix of criticism and ridicule across Twitter on Monday.')).toMatchObject({
    kind: 'allegation',
    side: 'others',
    speaker: 'unnamed critics',
    exact: 'drew a mix of criticism and ridicule across Twitter on Monday',
  })
  expect(suggest('The insurer received 500 claims last year.')).toEqual([])
})

test('reported speech after an adverbial and "that", after a contracted pronoun, and with an irregular past tense', () => {
  expect(only('Nora Vance said on Friday that two libraries had closed early.').exact).toBe('two libraries had closed early')
  expect(only('John Doe said he’d open a new plant in Ohio.').exact).toBe('he’d open a new plant in Ohio')
  expect(only('Jane Roe says thousands lost their savings because of fraud.').exact).toBe('thousands lost their savings because of fraud')
})

test('"say" after a plural subject with a determiner, and before a verb the lexicon does not know; not before its objects', () => {
  expect(only('The commissioners say they are not planning to replace the ferry.').exact).toBe('they are not planning to replace the ferry')
  expect(only('Jane Roe says ferry operators overcharge her neighbours.').exact).toBe('ferry operators overcharge her neighbours')
  expect(suggest('Jane Roe said nothing about the merger at all.')).toEqual([])
  expect(suggest('The mayor said a prayer for the victims of the flood.')).toEqual([])
})

test('whoever defends the focal organisation speaks for it, whatever their title', () => {
  const found = suggest(
    [
      'Acme Corp was accused on Monday of misleading its customers about fees.',
      'Acme Corp said its fees were published.',
      'Trade minister John Doe defended the company’s actions, saying the fees were legal.',
    ].join('\n\n'),
  )
  expect(found.find((s) => s.exact === 'the fees were legal')).toMatchObject({ side: 'company', speaker: 'John Doe', subject: 'Acme' })
})

test('whoever answers the charges against the focal organisation speaks for it', () => {
  const found = suggest(
    [
      'Acme Corp was accused on Monday of misleading its customers about fees.',
      'Acme Corp said its fees were published.',
      'Jane Roe, a publicist, responded to the allegations in a post, saying the fees were legal.',
    ].join('\n\n'),
  )
  expect(found.find((s) => s.exact === 'the fees were legal')).toMatchObject({ side: 'company', subject: 'Acme' })
})

test('words credited inside brackets end at the closing bracket', () => {
  const found = suggest('Acme reportedly laid off 60 workers (it would not give a number but called it “immaterial”) and Bolt reportedly laid off 300 more.')
  for (const s of found) expect(s.exact.includes(')') && !s.exact.includes('(')).toBe(false)
  expect(found.map((s) => s.exact)).toContain('Bolt reportedly laid off 300 more')
})

test('inverted reported speech after "cannot", from "Mr. X" and from "her friend"', () => {
  expect(only('The city cannot fix the housing shortage, Mr. Pell said.').exact).toBe('The city cannot fix the housing shortage')
  expect(only('The shipment was also bound for Lisbon, her friend said.')).toMatchObject({
    speaker: 'her friend',
    exact: 'The shipment was also bound for Lisbon',
  })
})

test('a speaker named as a label, as transcripts and headlines credit words', () => {
  expect(only('Marlow: We will cut the fare for every student next year.')).toMatchObject({
    speaker: 'Marlow',
    exact: 'We will cut the fare for every student next year',
    rule: 'speaker-label',
  })
  expect(only('ANNA BRENT: The council voted the budget down on Friday.')).toMatchObject({ speaker: 'ANNA BRENT', rule: 'speaker-label' })
})

test('a label of the page, a headline topic or a list of names is no speaker', () => {
  expect(suggest('Update: This story was changed to correct the date of the vote.')).toEqual([])
  expect(suggest('Ohio: Ann Dale, Bo Reyes, Cy Tran and Di Moss.')).toEqual([])
  expect(suggest('Marlow: Ready for the fight.')).toEqual([])
})

test('a record is a source after "according to": a poll, a count, results', () => {
  expect(only('Turnout rose to 61 percent in the county, according to the official results.')).toMatchObject({
    rule: 'according-to',
    exact: 'Turnout rose to 61 percent in the county',
  })
  expect(only('Most renters now spend half their income on rent, according to a survey of tenants in the city.')).toMatchObject({
    rule: 'according-to',
    exact: 'Most renters now spend half their income on rent',
  })
})

test('", referring to X": whom the speaker meant, credited to the same speaker', () => {
  expect(pairs('“It was built far too quickly,” Mr. Doe said, referring to the new stadium.')).toEqual([
    ['Doe', 'It was built far too quickly'],
    ['Doe', 'the new stadium'],
  ])
  expect(pairs('Roe said the council was wrong, referring to the vote on Monday.')).toEqual([
    ['Roe', 'the council was wrong'],
    ['Roe', 'the vote on Monday'],
  ])
})

test('"told <a listener> <pronoun> <verb> …": a clause without "that" after a listener of a few words', () => {
  expect(only('Roe told a packed meeting they were ready to build the new school.')).toMatchObject({
    speaker: 'Roe',
    exact: 'they were ready to build the new school',
  })
  expect(only('Jane Roe told the Daily Planet of Dayton last month she would sell the pool.').exact).toBe('she would sell the pool')
  expect(suggest('He told the story of the city and they listened.')).toEqual([])
})

test('a place or a medium after the inverted cue ends it: "…, the minister said Tuesday in Paris."', () => {
  expect(only('The plan is dead, the minister said Tuesday in Paris.')).toMatchObject({ speaker: 'the minister', exact: 'The plan is dead' })
  // Where a reporter filed from is no one's statement.
  expect(suggest('Jane Roe reported from Washington.')).toEqual([])
})

test('a noun that can be a cue is a noun after a determiner or a possessive: "The campaign launched … and announced"', () => {
  expect(only('The campaign launched an ad and announced it would seek a recount.')).toMatchObject({
    speaker: 'The campaign',
    exact: 'it would seek a recount',
  })
  expect(only('Sanders’ campaign launched an ad and announced it would seek a recount.').speaker).toBe('Sanders’ campaign')
})

test('a name that modifies a noun is not the speaker: "Clinton spokesman Josh Schwerin", "one Clinton aide", "Trump supporters"', () => {
  expect(only('Hillary Clinton spoke first. The attack was outrageous, Clinton spokesman Josh Schwerin said.').speaker).toBe('Josh Schwerin')
  expect(only('Hillary Clinton spoke first. "That is not the point," one Clinton aide said.').speaker).toBe('one Clinton aide')
  expect(only('Donald Trump spoke first. Trump supporters said the rally was a success.').speaker).toBe('Trump supporters')
})

test('a time between subject and cue is no part of the speaker: "The company on Monday denied …"', () => {
  expect(only('The company on Monday denied the allegations.').speaker).toBe('The company')
  expect(only('Acme last week rejected the findings of the audit.').speaker).toBe('Acme')
})

test('a participle after a plural noun is part of the source: "Two people briefed on the talks said"', () => {
  expect(only('Two people briefed on the talks said the deal was close.').speaker).toBe('Two people briefed on the talks')
  expect(only('Residents opposing the plan said it would ruin the view.').speaker).toBe('Residents opposing the plan')
})

test('no answer to a request for comment is a "no comment", its negation kept in the words', () => {
  expect(only('Acme did not immediately respond to a request for comment.')).toMatchObject({
    speaker: 'Acme',
    exact: 'did not immediately respond to a request for comment',
    rule: 'no-comment',
  })
  expect(only('Acme didn’t return calls seeking comment.')).toMatchObject({ speaker: 'Acme', exact: 'didn’t return calls seeking comment' })
  // Returning somewhere is no answer.
  expect(suggest('Acme did not return to the market until May.')).toEqual([])
})

test('a source in a relative clause after a comma is its antecedent; a wish for anonymity is no claim', () => {
  expect(suggest('The bank, which has denied wrongdoing, said it would cooperate.').map((s) => s.speaker)).toEqual(['The bank', 'The bank'])
  expect(pairs('Two former employees, who asked not to be named, said managers knew about the leak.')).toEqual([
    ['Two former employees', 'managers knew about the leak'],
  ])
})

test('who speaks for whom: a role before a name in commas, a named kind of body, an antecedent past a time', () => {
  const text =
    'Acme Corp was sued by regulators on Tuesday, who accused the company of overcharging customers. A lawyer for Acme, John Doe, said the company had done nothing wrong. The union said in a statement that Acme had refused to negotiate.'
  const [charge, answer, union] = suggest(text)
  expect(charge).toMatchObject({ speaker: 'regulators', side: 'others' })
  // The lawyer speaks for Acme: the company's side.
  expect(answer).toMatchObject({ speaker: 'John Doe', side: 'company' })
  // "The union" is no description of Acme, the only organisation named.
  expect(union).toMatchObject({ speaker: 'The union', side: 'others' })
})

test('former insiders speak for themselves, not for the company', () => {
  const [, former] = suggest(
    'Boeing said it was reviewing the findings. Former employees told the newspaper that managers pressured workers to speed up production.',
  )
  expect(former).toMatchObject({ speaker: 'Former employees', side: 'others' })
  expect(suggest('A former State Department official said the policy had failed.')[0]?.speaker).toBe('A former State Department official')
})

test('a name a person\'s role describes is a person: "Max Schrems, an Austrian lawyer who …"', () => {
  expect(only('Max Schrems, an Austrian lawyer who brought the complaint, said the fine was too small.').speaker).toBe('Max Schrems')
})

test('one capital letter after a lowercase word ends a sentence ("on X."); an initial does not', () => {
  const found = suggest('Elon Musk called the recall "flat wrong" in a post on X. Safety advocates have long argued that the name misleads drivers.')
  expect(found.map((s) => s.speaker)).toEqual(['Elon Musk', 'Safety advocates'])
  expect(only('John F. Kennedy said the plan would work.')).toMatchObject({ speaker: expect.stringMatching(/Kennedy$/), exact: 'the plan would work' })
})

test('an adverbial with a participle of its own sits between cue and clause: "alleged in a lawsuit filed on Tuesday that …"', () => {
  expect(only('The regulator alleged in a lawsuit filed on Tuesday that Acme punished sellers.')).toMatchObject({
    speaker: 'The regulator',
    exact: 'Acme punished sellers',
  })
  expect(only('Acme said in a statement released on Monday that it would appeal.').exact).toBe('it would appeal')
})

test('a role described by "the bank’s" is the organisation at hand: "Charles Scharf, the bank’s chief executive"', () => {
  const [, quote] = suggest('Wells Fargo agreed to pay $3 billion. "The conduct is inexcusable," Charles Scharf, the bank’s chief executive, said.')
  expect(quote).toMatchObject({ speaker: 'Charles Scharf', side: 'company' })
})

test('"Consumer groups" are other groups; "Both companies" are the ones at hand', () => {
  const [, , groups, both] = suggest(
    'Nestle denied allegations that its formula was contaminated. Consumer groups have called for a recall. Both companies declined to comment.',
  )
  expect(groups).toMatchObject({ speaker: 'Consumer groups', side: 'others' })
  expect(both).toMatchObject({ side: 'company' })
})

test('an attorney general is a public office, not the company’s lawyer', () => {
  const [, ag] = suggest('Uber said on Thursday that it had paid hackers to conceal a breach. State attorneys general said they would investigate.')
  expect(ag).toMatchObject({ speaker: 'State attorneys general', side: 'others' })
})

test('"The statement added" is its issuer\'s; "The lawsuit alleges" is the suit\'s; staff with no organisation named speak for themselves', () => {
  const [, suit, statement] = suggest(
    'Acme said it would fight the case. The lawsuit alleges that Acme misled investors. The statement added that no data was lost.',
  )
  expect(suit).toMatchObject({ speaker: 'The lawsuit', side: 'others' })
  expect(statement).toMatchObject({ speaker: 'Acme', side: 'company' })
  const [, scientists, spokeswoman] = suggest(
    'In a statement, Pfizer said the trial data were robust. Some scientists questioned the company’s claims. A spokeswoman said the results were sound.',
  )
  expect(scientists).toMatchObject({ speaker: 'Some scientists', side: 'others' })
  expect(spokeswoman).toMatchObject({ side: 'company' })
})

test('"…, which claims …": a relative clause\'s cue, its antecedent the source; "Justice Department" is one name', () => {
  const found = suggest(
    'Shares of Apple fell on Thursday. Apple is being sued by the Justice Department, which claims the iPhone maker illegally monopolized the market. Apple said it would fight.',
  )
  expect(found[0]).toMatchObject({ speaker: 'Justice Department', side: 'others', exact: 'the iPhone maker illegally monopolized the market' })
})

test('two people joined by "and" speak together; "It is simply not accurate that" denies; research is a source', () => {
  expect(only('Hillary Clinton and Bernie Sanders said the plan was flawed.').speaker).toBe('Hillary Clinton and Bernie Sanders')
  expect(suggest('Acme sold data. "It is simply not accurate that we sold data," Acme said.').at(-1)).toMatchObject({ kind: 'denial' })
  expect(only('Acme knew of the harm, according to internal research seen by The Wall Street Journal.').speaker).toBe(
    'internal research seen by The Wall Street Journal',
  )
})

test('"that" after a noun and before a verb opens a relative clause: "a blog post that said …" is its publisher\'s', () => {
  expect(only('Acme published a blog post that said customers could now listen for free.')).toMatchObject({
    speaker: 'Acme',
    exact: 'customers could now listen for free',
  })
  expect(suggest('Critics cited a report that said the bank was insolvent.').at(-1)).toMatchObject({ speaker: 'a report', exact: 'the bank was insolvent' })
})
