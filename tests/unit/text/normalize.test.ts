import { expect, test } from 'vitest'
import { normalizeForComparison, normalizeParagraph } from '@/lib/text/normalize'
import { joinParagraphs, splitParagraphs } from '@/lib/text/paragraphs'

test('folds no-break spaces, tabs and runs of spaces into one space', () => {
  expect(normalizeParagraph('Microsoft has\u00a0 written\tto  the US')).toBe('Microsoft has written to the US')
})

test('a single space stays, any other run of space characters (a space among them) becomes one', () => {
  expect(normalizeParagraph('a b\u2003c \u00a0d\u3000 \te  f')).toBe('a b c d e f')
})

test('applies NFKC: ligatures and full-width forms become plain letters', () => {
  expect(normalizeParagraph('\ufb01nancial ＰＲＩＳＭ')).toBe('financial PRISM')
})

test('removes zero-width characters and trims', () => {
  expect(normalizeParagraph('\u200b PRISM\ufeff ')).toBe('PRISM')
})

test('keeps curly quotes and dashes, which editors quote verbatim', () => {
  expect(normalizeParagraph('“significant inaccuracies” – said')).toBe('“significant inaccuracies” – said')
})

test('joins non-empty paragraphs with a blank line and splits them back', () => {
  const body = joinParagraphs(['First.', '  ', 'Second\u00a0one.'])
  expect(body).toBe('First.\n\nSecond one.')
  expect(splitParagraphs(body)).toEqual(['First.', 'Second one.'])
})

test('is idempotent, so stored text normalises to itself', () => {
  const once = normalizeParagraph('A\u00a0\u00a0b ﬁ ＡＢ')
  expect(normalizeParagraph(once)).toBe(once)
})

test('comparison form also folds line breaks', () => {
  expect(normalizeForComparison('one\n\ntwo')).toBe('one two')
})
