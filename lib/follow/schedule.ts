// When a followed feed is polled next: on its interval while it answers, backing off
// exponentially while it fails (a broken or overloaded site is asked less and less often,
// never less than once a day), and what an editor reads about its state. Pure.

export const DEFAULT_INTERVAL_MINUTES = 30
// A newsroom feed updates every few minutes at most; asking more often only loads its server.
export const MIN_INTERVAL_MINUTES = 5
export const MAX_INTERVAL_MINUTES = 24 * 60
const MAX_BACKOFF_SECONDS = 24 * 60 * 60

// After `failures` failed polls in a row (1 or more): twice the interval, then four times, …
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  const doubled = intervalSeconds * 2 ** Math.min(Math.max(failures, 1), 20)
  return Math.max(intervalSeconds, Math.min(doubled, MAX_BACKOFF_SECONDS))
}

export function nextPollAfterFailure(now: Date, intervalSeconds: number, failures: number): Date {
  return new Date(now.getTime() + backoffSeconds(intervalSeconds, failures) * 1000)
}

// While a poll runs its feed is not due: no other instance starts a second poll of it, however
// long the fetches take (a feed's items each have their own 30 s deadline). A poll that dies
// without finishing leaves the feed due again when this lease ends.
export const POLL_LEASE_SECONDS = 15 * 60

export function pollLeaseUntil(now: Date, intervalSeconds: number): Date {
  return new Date(now.getTime() + Math.max(intervalSeconds, POLL_LEASE_SECONDS) * 1000)
}

// A finished poll: the next one an interval after this one started (at once if it took longer).
export function nextPollAfterSuccess(startedAt: Date, intervalSeconds: number): Date {
  return new Date(startedAt.getTime() + intervalSeconds * 1000)
}

export type FeedState = { paused: boolean; lastPolledAt: Date | null; lastError: string | null; consecutiveFailures: number }

export type FeedStatus = 'paused' | 'waiting' | 'ok' | 'failing'

export function feedStatus(feed: FeedState): FeedStatus {
  if (feed.paused) return 'paused'
  if (!feed.lastPolledAt) return 'waiting'
  return feed.consecutiveFailures > 0 ? 'failing' : 'ok'
}
