// How a claim's words become terms: figures as values, names and acronyms, negation's reach,
// stance, calendar words, sentence starts.
import { expect, test } from 'vitest'
import { claimTerms, figure, placeAndPeople } from '@/lib/claims/clusters/terms'

test('figures are values however they are written', () => {
  expect([...claimTerms('fined $5m over the leak').numbers]).toEqual(['5000000'])
  expect([...claimTerms('a fine of 5 million dollars').numbers]).toEqual(['5000000'])
  expect([...claimTerms('1.6bn users').numbers]).toEqual(['1600000000'])
  // a thousands comma keeps the figure whole, a decimal point is not dropped
  expect([...claimTerms('the 30,000 invoices that are missing').numbers]).toEqual(['30000'])
  expect([...claimTerms('raised $5.7 million').numbers]).toEqual(['5700000'])
  expect(figure('S-1')).toBeNull()
  expect(figure('9mm')).toBeNull()
  // words with digits that are not figures are terms, not figures
  const filing = claimTerms('it was withdrawing its S-1 filing')
  expect(filing.numbers.size).toBe(0)
  expect(filing.weights.has('s-1')).toBe(true)
})

test('the company’s own name is left out, whatever its stem', () => {
  expect([...claimTerms('Acme will open a new office', ['Acme']).weights.keys()]).toEqual(['open', 'new', 'offic'])
})

test('a name of several words answers to its acronym; an acronym in brackets is a name of its own', () => {
  const t = claimTerms('a National Security Agency (NSA) program called PRISM')
  expect(t.weights.get('nsa')).toBe(2)
  expect(t.weights.get('nation')).toBe(1)
  expect(t.weights.get('prism')).toBe(2)
  // "U.S." and the name after it are two names, not "USNSA"
  expect(t.acronyms.get('nsa')).toBe(3)
  expect(claimTerms('the U.S. National Security Agency').acronyms.has('unsa')).toBe(false)
})

test('a sentence start is not a name, an abbreviation’s full stop does not end the sentence', () => {
  expect(claimTerms('taxes are unfair. Believe me').names.has('believe')).toBe(false)
  expect(claimTerms('the U.S. Securities and Exchange Commission').acronyms.has('sec')).toBe(true)
})

test('a negation governs the next few words, and "denied" negates what follows', () => {
  const t = claimTerms('Microsoft does not provide any government with direct and unfettered access to our customers’ data', ['Microsoft'])
  expect([...t.negated]).toEqual(expect.arrayContaining(['provid', 'govern', 'direct']))
  expect(t.negated.has('data')).toBe(false)
  expect(claimTerms('denied it was part of any voluntary data collection').negated.has('part')).toBe(true)
})

test('a negation followed by a subject pronoun negates nothing after it', () => {
  expect(claimTerms("the chairman doesn't plan to resign").negated.has('resign')).toBe(true)
  expect(claimTerms("if she doesn't, she should resign at once").negated.has('resign')).toBe(false)
  expect(claimTerms('No, I meant the founder of the company').negated.has('meant')).toBe(false)
})

test('punctuation before a negation’s first word leaves it loosely negated; after it, not', () => {
  const dashed = claimTerms('we have never - and will never - give any government direct access')
  expect(dashed.negated.has('give')).toBe(false)
  expect([...dashed.looselyNegated]).toEqual(expect.arrayContaining(['give', 'govern', 'direct']))
  // "comment" is what "declined" governed; the clause after the comma is said, not negated
  const declined = claimTerms('declined to comment, saying it gives the government direct access')
  expect(declined.looselyNegated.has('comment')).toBe(true)
  expect(declined.looselyNegated.has('give')).toBe(false)
})

test('a name of several words is one thing', () => {
  expect(claimTerms('the New York Attorney General subpoenaed the records').things).toEqual([['new', 'york', 'attorney', 'general']])
  expect(claimTerms('it read Outlook emails and Skype calls').things).toEqual([['outlook'], ['skype']])
})

test('condemning and praising are stances; reporting is none', () => {
  expect(claimTerms('condemned the plan').stance).toBe('against')
  expect(claimTerms('praised the plan').stance).toBe('for')
  expect(claimTerms('announced the plan').stance).toBeNull()
})

test('calendar words are dropped when they are dates, kept as words otherwise', () => {
  expect(claimTerms('said on Thursday, June 6 it would comply').weights.has('thursdai')).toBe(false)
  expect(claimTerms('said on Thursday, June 6 it would comply').weights.has('june')).toBe(false)
  expect(claimTerms('protesters will march on the headquarters').weights.has('march')).toBe(true)
})

test('stock words of a non-answer carry no substance', () => {
  expect(claimTerms('declined to comment').substance).toBe(0)
  expect(claimTerms('denied wrongdoing').substance).toBe(0)
  expect(claimTerms('denied it was part of any voluntary data collection mechanism').substance).toBeGreaterThanOrEqual(4)
})

test('a place and its people are one name; a name and a longer name are not', () => {
  for (const [place, people] of [
    ['israel', 'israelis'],
    ['syria', 'syrian'],
    ['mexico', 'mexican'],
    ['china', 'chinese'],
    ['palestine', 'palestinians'],
    ['iraq', 'iraqi'],
  ])
    expect(placeAndPeople(place!, people!)).toBe(true)
  expect(placeAndPeople('clint', 'clinton')).toBe(false)
  expect(placeAndPeople('iran', 'iraq')).toBe(false)
  expect(placeAndPeople('us', 'usa')).toBe(false)
})
