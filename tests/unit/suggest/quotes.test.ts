import { test, expect } from 'vitest'
import { only, suggest } from './helpers'

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
