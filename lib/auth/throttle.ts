// Sign-in throttling: how many recent failures an account or an address may have before
// sign-in is refused for a while. Pure policy; lib/queries/login-attempts.ts counts attempts.
//
// Per account, failures since its last successful sign-in count, so the owner who finally
// types the right password is not punished for earlier typos. Per address, every failure in the
// window counts — a success on one account must not reset an attacker spraying many accounts.
import type { AttemptCounts } from '../queries/login-attempts'

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000
export const MAX_ACCOUNT_FAILURES = 5
export const MAX_ADDRESS_FAILURES = 20

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: 'account' | 'address' }

function blockedUntil(failures: Date[], limit: number): number | null {
  // Blocked until the failure that tipped it over the limit leaves the window.
  const tipping = failures.at(-limit)
  return failures.length < limit || !tipping ? null : tipping.getTime() + THROTTLE_WINDOW_MS
}

export function throttleVerdict(counts: AttemptCounts, now: Date): ThrottleVerdict {
  const account = blockedUntil(counts.accountFailures, MAX_ACCOUNT_FAILURES)
  const address = blockedUntil(counts.addressFailures, MAX_ADDRESS_FAILURES)
  const candidates = [
    account !== null && account > now.getTime() ? { until: account, reason: 'account' as const } : null,
    address !== null && address > now.getTime() ? { until: address, reason: 'address' as const } : null,
  ].filter((c) => c !== null)
  if (candidates.length === 0) return { allowed: true }
  const latest = candidates.reduce((a, b) => (b.until > a.until ? b : a))
  return { allowed: false, reason: latest.reason, retryAfterSeconds: Math.max(1, Math.ceil((latest.until - now.getTime()) / 1000)) }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}
