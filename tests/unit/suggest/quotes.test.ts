import { test, expect } from 'vitest'
import { only, suggest } from './helpers'

const pairs = (text: string) => suggest(text).map((s) => [s.speaker, s.exact])

test('a quote with the attribution after it, "…," said X', () => {
  const s = only('"We will sell the division by the end of the year," said Jane Roe, a spokeswoman for Acme Corp.')
  expect(s).toMatchObject({
    kind: 'statement',
    exact: 'We will sell the division by the end of the year',
    speaker: 'Jane Roe',
    subject: 'Acme',
    rule: 'quote-attributed-after',
  })
})

test('a quote with the attribution after it, "…," X said', () => {
  const s = only('Acme Corp makes brakes. "Our brakes meet every safety standard in the market," Acme said in a statement.')
  expect(s).toMatchObject({ kind: 'statement', speaker: 'Acme', exact: 'Our brakes meet every safety standard in the market' })
})

test('a quote with the attribution before it, X said: "…"', () => {
  const s = only('Acme Corp sells brakes. Acme chief executive John Doe said: "We expect sales to double by next year."')
  expect(s).toMatchObject({ kind: 'statement', speaker: 'John Doe', subject: 'Acme', exact: 'We expect sales to double by next year.' })
})

test('curly quotes work like straight ones', () => {
  const s = only('“We expect sales to double by next year,” Acme Corp said on Monday.')
  expect(s).toMatchObject({ speaker: 'Acme', exact: 'We expect sales to double by next year' })
})

test('a quote over two sentences is one claim', () => {
  const s = only('"We never saw the memo. Nobody here did," said John Doe, a lawyer for Acme Corp.')
  expect(s.exact).toBe('We never saw the memo. Nobody here did')
})

test('a quote that continues after the attribution keeps the speaker', () => {
  const text = '"Sales rose in every region this quarter," said John Doe, the chief executive of Acme Corp. "We are hiring again."'
  const [first, second] = suggest(text)
  expect(first).toMatchObject({ speaker: 'John Doe', exact: 'Sales rose in every region this quarter' })
  expect(second).toMatchObject({ speaker: 'John Doe', exact: 'We are hiring again.', rule: 'quote-continued' })
})

test('a paragraph of quotation after a quoted paragraph is the same speaker', () => {
  const text = '"We provide data only under a court order," Acme Corp said.\n\n"In addition we only comply with requests about specific accounts."'
  expect(suggest(text).map((s) => s.speaker)).toEqual(['Acme', 'Acme'])
})

test("a short quotation inside the reporter's sentence is not a quote claim of its own", () => {
  const found = suggest('Acme Corp said there were "significant inaccuracies" in the reports.')
  expect(found).toHaveLength(1)
  expect(found[0]).toMatchObject({ kind: 'denial', exact: 'there were "significant inaccuracies" in the reports' })
})

test("a quote denying something in the company's own name is a denial", () => {
  const s = only('"Acme does not sell customer data to anyone," said John Doe, a spokesman for Acme Corp.')
  expect(s.kind).toBe('denial')
})

test('a question or an exclamation ends its quotation and sentence, and the frame follows', () => {
  const asked = only('“Who will pay for the new bridge when the toll is gone?” Maria Okafor asked the council.')
  expect(asked).toMatchObject({ speaker: 'Maria Okafor', exact: 'Who will pay for the new bridge when the toll is gone?', rule: 'quote-attributed-after' })
  const shouted = only('"The vote is rigged and everybody knows it!" Tom Bale shouted at the rally.')
  expect(shouted).toMatchObject({ speaker: 'Tom Bale', exact: 'The vote is rigged and everybody knows it!' })
})

test('any verb in the past tense hands a quotation over when the frame ends there', () => {
  expect(only('“We will win the county by ten points,” Dana Whitlow fumed on Tuesday.')).toMatchObject({
    speaker: 'Dana Whitlow',
    exact: 'We will win the county by ten points',
  })
  expect(only('"The budget adds up to nothing," barked Lee Marsh.')).toMatchObject({ speaker: 'Lee Marsh', exact: 'The budget adds up to nothing' })
  expect(only('“The schools need more teachers,” the mayor concluded.')).toMatchObject({ speaker: 'the mayor', exact: 'The schools need more teachers' })
})

test('"read" is its own past tense: ‘"…," read the statement’', () => {
  expect(only('"The council has never seen the contract," read the statement from the town hall.')).toMatchObject({
    exact: 'The council has never seen the contract',
    rule: 'quote-attributed-after',
  })
})

test('a name given to something is no quotation with a frame: ‘the “new plan,” as Reed dubbed it’', () => {
  expect(suggest('Perhaps the “new plan,” as Reed dubbed the merger, will help the town.')).toEqual([])
})

test('a signature after a dash credits the quotation, in its sentence or its own paragraph', () => {
  expect(only('"We will fix the bridge before the winter. Nobody will wait." - Nora Quill. The work starts in May.')).toMatchObject({
    speaker: 'Nora Quill',
    exact: 'We will fix the bridge before the winter. Nobody will wait.',
  })
  const text = '"Every school in the county will get a nurse by next year."\n\n—Tom Avery, Dayton.\n\nThe plan costs little.'
  expect(only(text)).toMatchObject({ speaker: 'Tom Avery', exact: 'Every school in the county will get a nurse by next year.' })
})

test('a document "read" its quotation: the past tense spelt as the base form', () => {
  expect(pairs('“The budget will pass in the spring,” the letter read. “Nobody should doubt it.”')).toEqual([
    ['the letter', 'The budget will pass in the spring'],
    ['the letter', 'Nobody should doubt it.'],
  ])
  // "to read" is no frame.
  expect(suggest('“The Long Road Home” is a book he wants everyone to read.')).toEqual([])
})

test('a full stop in place of the comma: the frame is the whole next sentence', () => {
  expect(only('“The levy is a disaster for families.” Jane Roe said.')).toMatchObject({ speaker: 'Jane Roe', exact: 'The levy is a disaster for families.' })
  // A sentence that says something of its own is no frame of the quotation before it.
  expect(pairs('“We lost.” He said voters “wanted a change of direction this time.”').map(([, exact]) => exact)).not.toContain('We lost.')
})

test('"went on to say" and "continued to write" frame a quotation or a clause', () => {
  expect(only('The mayor went on to say, “We will rebuild the bridge before winter.”')).toMatchObject({
    speaker: 'The mayor',
    exact: 'We will rebuild the bridge before winter.',
  })
  expect(only('Roe continued to argue that the levy would pass.')).toMatchObject({ speaker: 'Roe', exact: 'the levy would pass' })
})

test('"As X put it": inside a sentence, with an apposition, before a colon, "puts it"', () => {
  expect(only('As Jane Roe, the deputy leader of the party, put it: “The plan was never going to survive.”')).toMatchObject({ speaker: 'Jane Roe' })
  expect(only('But at the time, as the referee put it, “the visitors had done nothing wrong.”').speaker).toBe('the referee')
  expect(only('As the Gazette’s John Doe puts it, “The bridge will cost twice the estimate.”').speaker).toBe('John Doe')
  // "…, as he predicted, …" looks back: not a frame of what follows.
  expect(suggest('The plan failed, as he predicted, and the council fell.')).toEqual([])
})

test('a frame before the quotation: "told <a long listener>," "said of X," and "answered,"', () => {
  expect(only('She told the teachers who came to the school board meeting in Dayton, “the budget cuts will hurt pupils.”').exact).toBe(
    'the budget cuts will hurt pupils.',
  )
  expect(only('He told Jane Roe of the Daily Planet, “The plan will work if the council backs it.”').exact).toBe('The plan will work if the council backs it.')
  expect(only('A party aide, who has worked for the mayor for years, said of him, “He will sign the bill next week.”')).toMatchObject({
    speaker: 'A party aide',
    exact: 'He will sign the bill next week.',
  })
  expect(only('He answered, “The council will vote on the levy in June.”').exact).toBe('The council will vote on the levy in June.')
  expect(suggest('She answered questions about the budget for an hour.')).toEqual([])
})

test('a plural possessive’s apostrophe is no quotation mark', () => {
  expect(only('“We expect to open four more branches by spring,” Jack Doe, the Roes’ family lawyer, said on Friday.')).toMatchObject({
    speaker: 'Jack Doe',
    exact: 'We expect to open four more branches by spring',
  })
})
