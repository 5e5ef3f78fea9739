// Stances PolNeAR-style attribution credits beyond speech: decisions and refusals, knowing,
// taking a side, talking about a topic, seeming. Invented sentences only.
import { test, expect } from 'vitest'
import { only, suggest } from './helpers'

const pairs = (text: string) => suggest(text).map((s) => [s.speaker, s.exact])

test('a decision or a refusal credits its subject with the aim', () => {
  expect(only('The governor refused to sign the budget bill.')).toMatchObject({ speaker: 'The governor', exact: 'to sign the budget bill' })
  expect(only('The senator decided to retire after two terms.').exact).toBe('to retire after two terms')
})

test('knowing: the clause is what the subject holds true', () => {
  expect(only('The mayor knew the bridge was unsafe.')).toMatchObject({ speaker: 'The mayor', exact: 'the bridge was unsafe' })
})

test('taking a side with an object: "backed", "mocked"', () => {
  expect(only('The union backed the new contract on Tuesday.')).toMatchObject({ speaker: 'The union', rule: 'cue-object' })
  expect(only('The spokeswoman mocked the proposal as a gimmick.').speaker).toBe('The spokeswoman')
})

test('a topic or a side after a preposition: "talked about", "voted against", "pushed for"', () => {
  expect(pairs('Jane Roe talked about the rising cost of housing.')).toEqual([['Jane Roe', 'the rising cost of housing']])
  expect(pairs('The council voted against the parking plan.')).toEqual([['The council', 'the parking plan']])
  expect(pairs('Critics pushed for a recount in three counties.')).toEqual([['Critics', 'a recount in three counties']])
  // Talking to someone names a listener, not a topic.
  expect(suggest('The team spoke to reporters after the game.')).toEqual([])
})

test('"seems to" credits a speaker, not a thing', () => {
  expect(only('The candidate seems to favour a higher minimum wage.')).toMatchObject({ speaker: 'The candidate' })
  expect(suggest('The bus appeared to slow down.')).toEqual([])
  expect(suggest('The stock rose on Tuesday.')).toEqual([])
})

test('agreeing, thanking, urging, likening and issuing credit their subject', () => {
  expect(only('The senator agreed to testify before the committee.').exact).toBe('to testify before the committee')
  expect(only('The mayor thanked the volunteers for their work.').speaker).toBe('The mayor')
  expect(only('The governor encouraged residents to stay indoors.').exact).toBe('to stay indoors')
  expect(only('The minister likened the strike to sabotage.').speaker).toBe('The minister')
  expect(only('The agency issued a warning about the storm.').speaker).toBe('The agency')
})

test('a plural that is more often a noun is no cue: "thanks to", "primary contests"', () => {
  expect(suggest('Thanks to the rain, the fair was cancelled.')).toEqual([])
  expect(suggest('The primary contests in March drew record turnout.')).toEqual([])
})

test('a noun of saying or thinking with its "that" clause: "the view that …", "the hope is that …"', () => {
  expect(only("The union's view that wages are too low is widely shared.")).toMatchObject({
    speaker: 'The union',
    exact: 'wages are too low',
    rule: 'noun-that',
  })
  expect(only('The hope is that rates will fall next year.')).toMatchObject({ speaker: null, exact: 'rates will fall next year' })
  expect(only('The mayor shared the notion that his job was at risk.').speaker).toBe('The mayor')
  // A relative clause: "that" is the subject of its own verb.
  expect(suggest('The claim that was made on Tuesday is false.')).toEqual([])
})

test('objects that are what was described, weighed or declined', () => {
  expect(only('The senator declined to endorse either candidate.').exact).toBe('to endorse either candidate')
  expect(only('The mayor described the plan in detail.')).toMatchObject({ speaker: 'The mayor', rule: 'cue-object' })
  expect(only('The board considered a merger with its rival.').speaker).toBe('The board')
})

test('lamenting, ruling and persuading; a noun "rules" is no cue', () => {
  expect(only('The senator bemoaned the cost of the new stadium.')).toMatchObject({ speaker: 'The senator', exact: 'the cost of the new stadium' })
  expect(only('The judge ruled that the law was unconstitutional.').exact).toBe('the law was unconstitutional')
  expect(suggest('The new rules apply to every school.')).toEqual([])
})

test('a "that" noun no one owns, past the verb, is the subject\'s', () => {
  expect(only('The mayor made several statements on Monday, including the claim that the budget was balanced.')).toMatchObject({
    speaker: 'The mayor',
    exact: 'the budget was balanced',
  })
})

test('a stance told by an adjective: "critical of", "eager to", "made clear that"', () => {
  expect(only('The governor has been critical of the plan.')).toMatchObject({ speaker: 'The governor', exact: 'the plan', rule: 'adjective-stance' })
  expect(only('The mayor is eager to cut taxes.').exact).toBe('to cut taxes')
  expect(only('The senator made clear that she would run.').exact).toBe('she would run')
  // The writer's forecast, not a stance; and no one to hold one.
  expect(suggest('The team is poised to win the title.')).toEqual([])
  expect(suggest('The bridge is open to traffic again.')).toEqual([])
})

test('a stance noun and its object: "her support for", "a critic of"', () => {
  expect(only("The mayor's criticism of the plan surprised no one.")).toMatchObject({ speaker: 'The mayor', exact: 'the plan', rule: 'stance-noun' })
  expect(only('Jane Roe, a longtime critic of the mayor, was not invited.')).toMatchObject({ speaker: 'Jane Roe', exact: 'the mayor' })
  expect(pairs('Jane Roe spoke on Monday. She is a supporter of the new stadium.')).toEqual([['Jane Roe', 'the new stadium']])
  // A possessive pronoun resolves like its subject form.
  expect(only('Jane Roe spoke on Monday. Her support for the bill was never in doubt.')).toMatchObject({ speaker: 'Jane Roe', exact: 'the bill' })
})

test('phrasal verbs of taking a position: "lashed out at", "weighed in on", "pointed to"', () => {
  expect(only('The senator lashed out at the governor.')).toMatchObject({ speaker: 'The senator', exact: 'the governor', rule: 'phrasal-topic' })
  expect(only('The mayor weighed in on the debate.').exact).toBe('the debate')
  expect(only('The senator pointed to rising costs.').exact).toBe('rising costs')
  expect(suggest('The train went to Boston.')).toEqual([])
})

test('passives: "is expected to … on Monday", "is widely seen as …", "was described as … by …"', () => {
  expect(only('The senator is expected to announce her run on Monday.')).toMatchObject({ exact: 'to announce her run on Monday', rule: 'passive-to' })
  expect(only('The governor is widely seen as a moderate.')).toMatchObject({ exact: 'a moderate', rule: 'passive-as' })
  expect(only('The plan was described as a gamble by many economists.')).toMatchObject({ speaker: 'many economists', exact: 'a gamble' })
  expect(suggest('I have seen the film.')).toEqual([])
})

test('asked and called: "was asked whether …", "called out X for …", "called to ban …"', () => {
  expect(only('The senator was asked whether she would run again.')).toMatchObject({ exact: 'whether she would run again', rule: 'passive-asked' })
  expect(only('The senator called out the governor for his silence.')).toMatchObject({ speaker: 'The senator', exact: 'the governor for his silence' })
  expect(only('The senator called to ban the practice.').exact).toBe('to ban the practice')
})

test('"seen" and "known" are cues only in a passive: "a program known as X" names it', () => {
  expect(suggest('The agency ran a program known as Lighthouse for ten years.')).toEqual([])
})

test('an attribution\'s words end where a second cue joined by a comma or "and" begins', () => {
  expect(pairs('The mayor said the plan would fail, and the governor argued it was too costly.')).toEqual([
    ['The mayor', 'the plan would fail'],
    ['the governor', 'it was too costly'],
  ])
  // Reported speech nested in the words cuts nothing.
  expect(pairs('Jane Roe said that the governor told her the bridge was unsafe.')).toEqual([['Jane Roe', 'the governor told her the bridge was unsafe']])
})

test('a short clause split by its source: "This campaign, he says, is different."', () => {
  expect(only('Jane Roe spoke in May. This campaign, she says, is different.')).toMatchObject({
    speaker: 'Jane Roe',
    exact: 'This campaign, she says, is different',
    rule: 'reported-parenthetical',
  })
})

test('boundaries: an object in a relative clause ends at the main verb; "to" before a noun phrase is no infinitive', () => {
  expect(only('More than half of the respondents who support the mayor are students.').exact).toBe('support the mayor')
  expect(suggest('Many voters want a switch to more liberal policies.').map((s) => s.exact)).not.toContain('to more liberal policies')
})

test('a poll\'s share speaks: "About four in 10 voters said", "31 percent of those surveyed say"', () => {
  expect(only('About four in 10 voters said the economy was getting worse.')).toMatchObject({
    speaker: 'About four in 10 voters',
    exact: 'the economy was getting worse',
  })
  expect(only('Thirty-one percent of those surveyed say they would back the plan.')).toMatchObject({
    speaker: 'Thirty-one percent of those surveyed',
    exact: 'they would back the plan',
  })
  // An opening phrase that counts nothing is still no subject.
  expect(only('On Monday the company said it would appeal.').speaker).toBe('the company')
})

test('whoever did not respond to requests for comment is their source', () => {
  expect(only('A spokesman for the museum, which owns the painting, did not respond to requests for comment.')).toMatchObject({
    speaker: 'A spokesman for the museum',
    exact: 'did not respond to requests for comment',
  })
})

test('a charge drawn from someone names them: "faced criticism from rivals that …"', () => {
  expect(only('The mayor has faced criticism from rivals that the plan favours donors.').speaker).toBe('rivals')
  expect(only('The bank has faced criticism over its fees.').speaker).toBe('unnamed critics')
})

test('a state of mind in the passive is the subject\'s: "are not convinced that", "were worried that"', () => {
  expect(only('Her advisers are not convinced that the message will work.')).toMatchObject({ speaker: 'Her advisers', exact: 'the message will work' })
  expect(only('It was believed that the bank would fail.').speaker).toBe('unnamed sources')
})

test('a stance noun the verb\'s subject holds: "avoided direct criticism of", "expressed concerns about", "her assessment of"', () => {
  expect(only('The senator avoided direct criticism of the president.')).toMatchObject({ speaker: 'The senator', exact: 'the president' })
  expect(only('The company expressed concerns about the merger.')).toMatchObject({ speaker: 'The company', exact: 'the merger' })
  expect(only('The mayor’s assessment of the plan was harsh.').speaker).toBe('The mayor')
  // Questions someone dodges are not theirs.
  expect(suggest('The two leaders sidestepped tricky questions about their own policies.')).toEqual([])
})

test('a penalty or a suit names its charge: "fined Acme $5m for …", "was fined … by the regulator for …"', () => {
  expect(only('The regulator fined Acme $5 million for misleading customers.')).toMatchObject({
    speaker: 'The regulator',
    exact: 'misleading customers',
    rule: 'charged-for',
  })
  expect(only('Acme was fined 1.2 billion euros by the data protection commission on Monday for transferring user data.')).toMatchObject({
    speaker: 'the data protection commission',
    exact: 'transferring user data',
  })
  expect(only('Acme was sued over its fees.')).toMatchObject({ speaker: 'unnamed critics', exact: 'its fees' })
})

test('an inquiry frames its question: "prosecutors are investigating whether executives committed fraud"', () => {
  expect(only('German prosecutors are investigating whether executives committed fraud.')).toMatchObject({
    speaker: 'German prosecutors',
    exact: 'whether executives committed fraud',
  })
  // What an inquiry looks into is no one's statement.
  expect(suggest('The agency is investigating the company’s accounting.')).toEqual([])
})

test('suits that allege: the suit is the source, unless its subject filed it', () => {
  expect(only('Johnson & Johnson will pay $8.9 billion to settle lawsuits alleging that its talc products caused cancer.')).toMatchObject({
    speaker: 'lawsuits',
    exact: 'its talc products caused cancer',
    side: 'others',
  })
  expect(only('Shareholders filed a lawsuit alleging that the company misled them.').speaker).toBe('Shareholders')
})
