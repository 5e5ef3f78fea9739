import { describe, expect, test } from 'vitest'
import { dateFromUrl, dayFirstFor, parseDate, parsePublicationDate, toPublishedIso } from '@/lib/ingest/extract/dates'

const iso = (text: string) => parseDate(text)?.iso ?? null

describe('parseDate', () => {
  test('ISO 8601 keeps the offset the source gave', () => {
    expect(iso('2013-06-06T20:43:00-04:00')).toBe('2013-06-06T20:43:00-04:00')
    expect(iso('2013-06-06T20:43:00.000Z')).toBe('2013-06-06T20:43:00Z')
    expect(iso('2013-06-06T20:43:00+0000')).toBe('2013-06-06T20:43:00Z')
    expect(iso('2013-06-06T20:43+05:30')).toBe('2013-06-06T20:43:00+05:30')
    expect(iso('20130606')).toBe('2013-06-06')
  })

  test('a date alone is the day alone', () => {
    expect(parseDate('2013-06-06')).toEqual({ iso: '2013-06-06', hasTime: false, hasZone: false })
    expect(iso('June 6, 2013')).toBe('2013-06-06')
    expect(iso('Sept. 4, 2025')).toBe('2025-09-04')
    expect(iso('Posted on 3rd March 2020')).toBe('2020-03-03')
    expect(iso('2013/06/06')).toBe('2013-06-06')
    expect(iso('2025.12.17')).toBe('2025-12-17')
  })

  test('a time without a zone is local and says so', () => {
    expect(parseDate('2013-06-06 20:43')).toEqual({ iso: '2013-06-06T20:43:00', hasTime: true, hasZone: false })
  })

  test('RFC 2822 and written dates with zone abbreviations', () => {
    expect(iso('Thu, 06 Jun 2013 20:43:00 -0400')).toBe('2013-06-06T20:43:00-04:00')
    expect(iso('Thu Jun 6, 2013 8:43pm EDT')).toBe('2013-06-06T20:43:00-04:00')
    expect(iso('6 June 2013 10:15 BST')).toBe('2013-06-06T10:15:00+01:00')
    expect(iso('June 6, 2013 12:05 a.m. IST')).toBe('2013-06-06T00:05:00+05:30')
    expect(iso('December 19, 2025 10:00 AM GMT+8')).toBe('2025-12-19T10:00:00+08:00')
    expect(iso('Jan 10, 2014 3:00 PM AEDT')).toBe('2014-01-10T15:00:00+11:00')
  })

  test('US generic zones follow daylight saving time', () => {
    expect(iso('Jun 6, 2013 at 8:43 p.m. ET')).toBe('2013-06-06T20:43:00-04:00')
    expect(iso('Jan 6, 2013 at 8:43 p.m. ET')).toBe('2013-01-06T20:43:00-05:00')
  })

  test('dotted dates are day first, slashed dates month first unless impossible', () => {
    expect(iso('06.07.2013')).toBe('2013-07-06')
    expect(iso('07/06/2013')).toBe('2013-07-06')
    expect(iso('19/12/2025')).toBe('2025-12-19')
  })

  test('Unix timestamps in seconds and milliseconds are UTC', () => {
    expect(iso('1370566980')).toBe('2013-06-07T01:03:00Z')
    expect(iso('1370566980000')).toBe('2013-06-07T01:03:00Z')
  })

  test('rejects what is not a date', () => {
    expect(parseDate('')).toBeNull()
    expect(parseDate('5 min read')).toBeNull()
    expect(parseDate('2013-02-30')).toBeNull()
    expect(parseDate('February 30, 2013')).toBeNull()
  })
})

describe('parsePublicationDate', () => {
  const now = new Date('2026-01-01T00:00:00Z')

  test('refuses dates before 1990 or after now + 2 days', () => {
    expect(parsePublicationDate('1989-12-31', now)).toBeNull()
    expect(parsePublicationDate('2026-01-04', now)).toBeNull()
    expect(parsePublicationDate('2026-01-02', now)?.iso).toBe('2026-01-02')
  })
})

describe('toPublishedIso', () => {
  test('keeps a time only when its zone is known', () => {
    expect(toPublishedIso({ iso: '2013-06-06T20:43:00-04:00', hasTime: true, hasZone: true })).toBe('2013-06-06T20:43:00-04:00')
    expect(toPublishedIso({ iso: '2013-06-06T20:43:00', hasTime: true, hasZone: false })).toBe('2013-06-06')
  })
})

describe('dateFromUrl', () => {
  test('reads /yyyy/mm/dd/ and compact dates', () => {
    expect(dateFromUrl('https://www.reuters.com/article/2013/06/06/us-microsoft-idUS')?.iso).toBe('2013-06-06')
    expect(dateFromUrl('https://example.com/news/2013-06-06-some-story')?.iso).toBe('2013-06-06')
    expect(dateFromUrl('https://example.com/a/20130606/story.html')?.iso).toBe('2013-06-06')
  })

  test('ignores URLs without a full, valid day', () => {
    expect(dateFromUrl('https://example.com/2013/06/story')).toBeNull()
    expect(dateFromUrl('https://example.com/2013/13/45/story')).toBeNull()
    expect(dateFromUrl('not a url')).toBeNull()
  })
})

test('British dotted times, without mistaking a dotted date for a time', () => {
  expect(parseDate('Thu 11 Jul 2013 18.27 BST')).toEqual({ iso: '2013-07-11T18:27:00+01:00', hasTime: true, hasZone: true })
  expect(parseDate('11.07.2013 18.27')).toEqual({ iso: '2013-07-11T18:27:00', hasTime: true, hasZone: false })
  expect(parseDate('06.06.2013')).toEqual({ iso: '2013-06-06', hasTime: false, hasZone: false })
})

describe('day or month first', () => {
  test('a numeric date is month first unless the page writes the day first', () => {
    expect(parseDate('05/06/2021')?.iso).toBe('2021-05-06')
    expect(parseDate('05/06/2021', { dayFirst: true })?.iso).toBe('2021-06-05')
    // Only one reading is a date: that one, whatever the page's habit.
    expect(parseDate('25/12/2021')?.iso).toBe('2021-12-25')
    expect(parseDate('12/25/2021', { dayFirst: true })?.iso).toBe('2021-12-25')
  })

  test("the page's language tag, else its country domain, says which", () => {
    expect(dayFirstFor('en-GB', null)).toBe(true)
    expect(dayFirstFor('de', null)).toBe(true)
    expect(dayFirstFor('en-US', 'https://news.example.co.uk/x')).toBe(false)
    expect(dayFirstFor('en', 'https://news.example.com.au/x')).toBe(true)
    expect(dayFirstFor('en', 'https://news.example.com/x')).toBe(false)
    expect(dayFirstFor(null, null)).toBe(false)
  })
})
