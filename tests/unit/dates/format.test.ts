import { expect, test } from 'vitest'
import { formatPublished, isoPublished } from '@/lib/dates/format'

const reuters = new Date('2013-06-06T20:43:00-04:00')

test('shows the time in the offset the article stated', () => {
  expect(formatPublished(reuters, '-04:00')).toBe('Thu 6 Jun 2013, 20:43 UTC−04:00')
  expect(isoPublished(reuters, '-04:00')).toBe('2013-06-06T20:43:00-04:00')
})

test('a date without a known offset is shown as a day only', () => {
  const day = new Date('2013-07-17T00:00:00Z')
  expect(formatPublished(day, null)).toBe('17 Jul 2013')
  expect(isoPublished(day, null)).toBe('2013-07-17')
})

test('UTC and unknown dates', () => {
  expect(formatPublished(new Date('2013-06-07T00:43:00Z'), 'Z')).toBe('Fri 7 Jun 2013, 00:43 UTC')
  expect(formatPublished(null, null)).toBeNull()
})
