// Polling one followed feed: take its turn (so one instance polls it per interval), ask the
// site whether it changed (If-None-Match / If-Modified-Since), and ingest its new items through
// the same path as a feed an editor pastes: the SSRF-guarded fetch with its limits, the parse
// on an analysis worker, the ingest dedup. Errors are recorded on the feed, which then waits
// longer before the next try (lib/follow/schedule.ts).
import { refreshSuggestions } from '../claims/suggestions'
import { getEnv } from '../env'
import { IngestError } from '../ingest/errors'
import { feedEntries, looksLikeFeed } from '../ingest/fetch/feeds'
import { fetchArticle, fetchIfChanged, type FetchOptions } from '../ingest/fetch/fetch-url'
import { ingestEntries, type IngestResult } from '../ingest/store/ingest'
import { feedOnWorker } from '../ingest/store/off-thread'
import { findArticlesByUrls } from '../queries/articles'
import { claimFeedPoll, getFollowedFeed, listDueFeedIds, recordPollFailure, recordPollSuccess, type FollowedFeedRow } from '../queries/followed-feeds'
import { publicationOrder, unseenItems } from './items'
import { nextPollAfterFailure, nextPollAfterSuccess, pollLeaseUntil } from './schedule'

// `polledAt`: when this instance claimed the feed's poll, the time its next interval runs from.
export type PollOutcome =
  // Not due, paused, removed, or another instance took this interval's poll.
  | { status: 'skipped' }
  | { status: 'not-modified'; polledAt: Date }
  // `created`: the new articles' ids, oldest item first; `known`: items stored by an earlier poll
  // (same link), `duplicates`: items the ingest dedup recognised; `failed`: items that could not
  // be fetched or read, tried again next time.
  | { status: 'polled'; polledAt: Date; created: string[]; known: number; duplicates: number; failed: number }
  | { status: 'failed'; polledAt: Date; error: string; failures: number; nextPollAt: Date }

export type PollOptions = { now?: Date; fetch?: FetchOptions }

function message(error: unknown): string {
  if (error instanceof IngestError) return error.message
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

async function fetchAndIngest(
  feed: FollowedFeedRow,
  options: PollOptions,
): Promise<
  Omit<Extract<PollOutcome, { status: 'polled' }>, 'status' | 'polledAt'> & {
    title: string | null
    validators: { etag: string | null; lastModified: string | null } | null
  }
> {
  const answer = await fetchIfChanged(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, options.fetch)
  if (answer.status === 'not-modified') return { created: [], known: 0, duplicates: 0, failed: 0, title: null, validators: null }
  const { input, validators } = answer
  if (!looksLikeFeed(new TextDecoder().decode(input.bytes.subarray(0, 2048)))) throw new IngestError('bad-feed', `${feed.url} is not an RSS or Atom feed.`)
  const parsed = await feedOnWorker(input.bytes, input.contentType, getEnv().CLAIMLINE_FEED_MAX_ITEMS)
  const links = [...new Set(parsed.items.flatMap((item) => (item.link ? [item.link] : [])))]
  const stored = new Set((await findArticlesByUrls(links)).flatMap((a) => [a.canonicalUrl, a.sourceUrl].filter((u): u is string => u !== null)))
  const ordered = publicationOrder(parsed.items)
  const fresh = unseenItems(ordered, stored)
  const entries = feedEntries({ ...parsed, items: fresh }, (url) => fetchArticle(url, options.fetch))
  // Followed feeds are nobody's upload: no actor, like the demo data.
  const results: IngestResult[] = await ingestEntries(entries, { actorId: null })
  const created = results.flatMap((r) => (r.status === 'created' ? [r.article.id] : []))
  return {
    created,
    known: ordered.length - fresh.length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    failed: results.filter((r) => r.status === 'failed').length,
    title: parsed.title,
    validators,
  }
}

export async function pollFeed(feedId: string, options: PollOptions = {}): Promise<PollOutcome> {
  const now = options.now ?? new Date()
  const feed = await getFollowedFeed(feedId)
  if (!feed || feed.paused || feed.nextPollAt > now) return { status: 'skipped' }
  if (!(await claimFeedPoll(feed.id, feed.nextPollAt, pollLeaseUntil(now, feed.intervalSeconds)))) return { status: 'skipped' }
  try {
    const { title, validators, ...counts } = await fetchAndIngest(feed, options)
    await recordPollSuccess(feed.id, {
      polledAt: now,
      nextPollAt: nextPollAfterSuccess(now, feed.intervalSeconds),
      validators,
      title,
      newItems: counts.created.length,
    })
    return validators ? { status: 'polled', polledAt: now, ...counts } : { status: 'not-modified', polledAt: now }
  } catch (error) {
    const failures = feed.consecutiveFailures + 1
    const nextPollAt = nextPollAfterFailure(now, feed.intervalSeconds, failures)
    const text = message(error)
    await recordPollFailure(feed.id, { polledAt: now, error: text, failures, nextPollAt })
    return { status: 'failed', polledAt: now, error: text, failures, nextPollAt }
  }
}

// Suggestions for new articles are made now rather than when an editor first opens them, so
// claims about followed companies are found without anyone looking. Each runs on an analysis
// worker under its deadline; one article's failure does not stop the others.
export async function suggestForNewArticles(articleIds: string[]): Promise<{ suggested: number; failed: number }> {
  let suggested = 0
  let failed = 0
  for (const id of articleIds) {
    try {
      await refreshSuggestions(id, { onlyIfStale: true })
      suggested++
    } catch (error) {
      failed++
      console.error(`Suggesting claims for article ${id} failed: ${message(error)}`)
    }
  }
  return { suggested, failed }
}

export type PassReport = { feedId: string; outcome: PollOutcome; suggested: number }[]

// One pass over the feeds that are due (the `claimline poll` command, for cron): each polled in
// turn and its new articles suggested. Polls claim their feed, so a pass running beside the
// server's jobs (or another pass) never polls a feed twice in one interval.
export async function pollDueFeeds(options: PollOptions & { limit?: number } = {}): Promise<PassReport> {
  const now = options.now ?? new Date()
  const report: PassReport = []
  for (const feedId of await listDueFeedIds(now, options.limit ?? 10_000)) {
    const outcome = await pollFeed(feedId, { ...options, now })
    const { suggested } = outcome.status === 'polled' ? await suggestForNewArticles(outcome.created) : { suggested: 0 }
    report.push({ feedId, outcome, suggested })
  }
  return report
}
