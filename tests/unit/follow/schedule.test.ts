import { expect, test } from 'vitest'
import { publicationOrder, unseenItems } from '@/lib/follow/items'
import { backoffSeconds, feedStatus, nextPollAfterFailure } from '@/lib/follow/schedule'

test('a failing feed waits twice its interval, then four times, …, never more than a day', () => {
  expect([1, 2, 3, 4].map((n) => backoffSeconds(600, n))).toEqual([1200, 2400, 4800, 9600])
  expect(backoffSeconds(600, 50)).toBe(24 * 60 * 60)
  // A feed polled once a day is not asked less than daily.
  expect(backoffSeconds(24 * 60 * 60, 3)).toBe(24 * 60 * 60)
  expect(nextPollAfterFailure(new Date('2030-01-01T00:00:00Z'), 1800, 1)).toEqual(new Date('2030-01-01T01:00:00Z'))
})

test('status: paused, waiting for its first poll, ok, failing', () => {
  const polled = new Date()
  expect(feedStatus({ paused: true, lastPolledAt: polled, lastError: null, consecutiveFailures: 0 })).toBe('paused')
  expect(feedStatus({ paused: false, lastPolledAt: null, lastError: null, consecutiveFailures: 0 })).toBe('waiting')
  expect(feedStatus({ paused: false, lastPolledAt: polled, lastError: null, consecutiveFailures: 0 })).toBe('ok')
  expect(feedStatus({ paused: false, lastPolledAt: polled, lastError: 'x answered 503', consecutiveFailures: 2 })).toBe('failing')
})

test('items go oldest first: by date when every item has one, else the reverse of the feed order', () => {
  const dated = [
    { link: 'c', published: '2026-11-03T09:00:00Z' },
    { link: 'a', published: '2026-11-01T09:00:00Z' },
    { link: 'b', published: '2026-11-02T09:00:00Z' },
  ]
  expect(publicationOrder(dated).map((i) => i.link)).toEqual(['a', 'b', 'c'])
  const undated = [{ link: 'c', published: null }, ...dated.slice(1)]
  expect(publicationOrder(undated).map((i) => i.link)).toEqual(['b', 'a', 'c'])
})

test('items whose link is stored are not new; items without a link are left to the ingest dedup', () => {
  const items = [{ link: 'https://x.example/1' }, { link: null }, { link: 'https://x.example/2' }]
  expect(unseenItems(items, new Set(['https://x.example/1']))).toEqual([{ link: null }, { link: 'https://x.example/2' }])
})
