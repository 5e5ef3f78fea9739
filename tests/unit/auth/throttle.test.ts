import { expect, test } from 'vitest'
import { MAX_ACCOUNT_FAILURES, MAX_ADDRESS_FAILURES, THROTTLE_WINDOW_MS, throttleVerdict } from '@/lib/auth/throttle'

const now = new Date('2026-11-22T12:00:00Z')
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000)
const failures = (count: number, startMinutesAgo: number) => Array.from({ length: count }, (_, i) => minutesAgo(startMinutesAgo - i))

test('under the limits, sign-in is allowed', () => {
  expect(throttleVerdict({ accountFailures: failures(MAX_ACCOUNT_FAILURES - 1, 5), addressFailures: failures(MAX_ADDRESS_FAILURES - 1, 14) }, now)).toEqual({
    allowed: true,
  })
})

test('the fifth failure on an account blocks it until that failure leaves the window', () => {
  const verdict = throttleVerdict({ accountFailures: failures(MAX_ACCOUNT_FAILURES, 4), addressFailures: [] }, now)
  // The oldest of the five was 4 minutes ago: 11 minutes to go.
  expect(verdict).toEqual({ allowed: false, reason: 'account', retryAfterSeconds: THROTTLE_WINDOW_MS / 1000 - 4 * 60 })
})

test('more failures than the limit: the wait is counted from the one that tipped it over', () => {
  const verdict = throttleVerdict({ accountFailures: [...failures(3, 14), ...failures(MAX_ACCOUNT_FAILURES, 5)], addressFailures: [] }, now)
  expect(verdict).toMatchObject({ allowed: false, retryAfterSeconds: 10 * 60 })
})

test('an address spraying many accounts is blocked on its own count', () => {
  const verdict = throttleVerdict({ accountFailures: [], addressFailures: failures(MAX_ADDRESS_FAILURES, 10) }, now)
  expect(verdict).toMatchObject({ allowed: false, reason: 'address', retryAfterSeconds: 5 * 60 })
})

test('when both are blocked, the longer wait wins', () => {
  const verdict = throttleVerdict({ accountFailures: failures(MAX_ACCOUNT_FAILURES, 1), addressFailures: failures(MAX_ADDRESS_FAILURES, 12) }, now)
  expect(verdict).toMatchObject({ allowed: false, reason: 'account', retryAfterSeconds: 14 * 60 })
})

test('failures older than the window no longer block', () => {
  expect(throttleVerdict({ accountFailures: failures(MAX_ACCOUNT_FAILURES, 16), addressFailures: [] }, now)).toEqual({ allowed: true })
})
