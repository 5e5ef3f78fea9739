// One paragraph split for the stored body: offsets (what the page renders and selections map
// back to) and the paragraphs themselves agree, and both cut as String.split on the separator
// did before they were one function, also on text that was not joined by joinParagraphs.
import { expect, test } from 'vitest'
import { joinParagraphs, paragraphOffsets, PARAGRAPH_SEPARATOR, splitParagraphs } from '@/lib/text/paragraphs'

const text = 'Acme denied the report.\n\nRegulators said the fine stands.'
const samples = [text, '', 'One.', 'A\n\n\n\nB', 'A\n\n\nB', '\n\nA\n\n', 'A\nB\n\nC', '\n', '\n\n\n']

test('offsets of each paragraph; the separator between them belongs to none', () => {
  expect(paragraphOffsets(text)).toEqual([
    { start: 0, end: 23 },
    { start: 25, end: 57 },
  ])
})

test('paragraphs and their offsets cut the text the way String.split on the separator does', () => {
  for (const sample of samples) {
    const split = sample.split(PARAGRAPH_SEPARATOR)
    expect(splitParagraphs(sample)).toEqual(split)
    expect(paragraphOffsets(sample).map((r) => sample.slice(r.start, r.end))).toEqual(split)
  }
})

test('a line break inside a paragraph does not end it', () => {
  expect(splitParagraphs('A\nB\n\nC')).toEqual(['A\nB', 'C'])
})

test('joined paragraphs split back into themselves', () => {
  const paragraphs = ['First.', 'Second one.', 'Third, with “quotes”.']
  expect(splitParagraphs(joinParagraphs(paragraphs))).toEqual(paragraphs)
})
