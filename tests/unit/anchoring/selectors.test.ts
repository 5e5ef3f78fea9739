import { expect, test } from 'vitest'
import { CONTEXT_LENGTH, claimTarget, describeRange, quoteOf } from '@/lib/anchoring/selectors'

const text = 'The Post reported on Thursday the U.S. National Security Agency and the FBI were tapping directly into the central servers.'

test('describes a range as a quote with context and a position', () => {
  const start = text.indexOf('National Security Agency')
  const end = start + 'National Security Agency'.length
  const [quote, position] = describeRange(text, start, end)
  expect(quote.exact).toBe('National Security Agency')
  expect(quote.prefix).toBe(text.slice(start - CONTEXT_LENGTH, start))
  expect(quote.suffix).toBe(text.slice(end, end + CONTEXT_LENGTH))
  expect(position).toEqual({ type: 'TextPositionSelector', start, end })
})

test('context is clipped at the start and end of the text', () => {
  const [quote] = describeRange(text, 0, 3)
  expect(quote.prefix).toBe('')
  const [last] = describeRange(text, text.length - 8, text.length)
  expect(last.suffix).toBe('')
})

test('refuses empty and out-of-bounds ranges', () => {
  expect(() => describeRange(text, 5, 5)).toThrow(RangeError)
  expect(() => describeRange(text, -1, 4)).toThrow(RangeError)
  expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError)
})

test('a stored target validates and yields its quote', () => {
  const target = claimTarget.parse(describeRange(text, 4, 8))
  expect(quoteOf(target)).toBe('Post')
  expect(claimTarget.safeParse([{ type: 'TextQuoteSelector', exact: '' }]).success).toBe(false)
  expect(claimTarget.safeParse([]).success).toBe(false)
})
