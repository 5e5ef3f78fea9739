// Issue 14: a long paragraph without full stops once took minutes (100 KB 11 s, 150 KB 136 s).
// Every step is linear or bounded now; these inputs must simply come back (the test timeout is
// the bound — no timing assertion; 30 s leaves room for a loaded CI machine, where each case
// takes well under a second on its own), with offsets that hold.
import { test, expect } from 'vitest'
import { MAX_SUGGEST_CHARS, suggestClaims } from '@/lib/claims/suggest/suggest'

const paragraph = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)

test('a 200 KB paragraph without full stops, full of cues, names and quotes, comes back', () => {
  for (const unit of [
    'Acme Corp said that the company, according to Reuters, “denied” it and he told Jane Roe, a spokeswoman for Acme, that they ',
    '"We never did it," said John Smith, who added: "they ',
    'lorem ipsum dolor sit amet consectetur adipiscing ',
  ]) {
    const text = paragraph(unit, 200_000)
    const found = suggestClaims(text)
    for (const s of found.slice(0, 50)) expect(text.slice(s.start, s.end)).toBe(s.exact)
    for (const s of found) for (const a of s.answers) expect(found[a.to]).toBeDefined()
  }
}, 30_000)

test('text past the input bound is not analysed', () => {
  const text = paragraph('Acme Corp said it would close two plants in Ohio next year. ', MAX_SUGGEST_CHARS + 50_000)
  const found = suggestClaims(text)
  expect(found.length).toBeGreaterThan(0)
  expect(Math.max(...found.map((s) => s.end))).toBeLessThanOrEqual(MAX_SUGGEST_CHARS)
}, 30_000)

// The lexicon was a plain object: "constructor" or "toString" found Object.prototype's function
// and threw (own.some is not a function), so an article naming a constructor got no suggestions.
test('words that are property names of a plain object are ordinary words', () => {
  for (const text of [
    'Constructor Jane Roe said the bridge was safe.',
    'The constructor said the bridge was safe, according to Constructor Weekly.',
    'Bob Smith said __proto__ and toString were hasOwnProperty of it.',
  ]) {
    const found = suggestClaims(text)
    expect(found.length).toBeGreaterThan(0)
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.exact)
  }
})
