// What editors do with followed feeds: follow one (a checked http(s) URL and an interval in
// minutes), pause, resume, stop following. The rows live in lib/queries/followed-feeds.ts.
import { z } from 'zod'
import { DomainError } from '../errors'
import type { PrismaClient } from '../generated/prisma/client'
import { createFollowedFeed, deleteFollowedFeed, findFollowedFeedByUrl, setFollowedFeedPaused, type FollowedFeedRow } from '../queries/followed-feeds'
import { MAX_URL_LENGTH } from '../urls'
import { DEFAULT_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from './schedule'

export const feedUrl = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH, `A feed URL is at most ${MAX_URL_LENGTH.toLocaleString('en')} characters.`)
  .pipe(z.url({ protocol: /^https?$/, error: 'Give the feed as an http or https URL.' }))

export const intervalMinutes = z.coerce
  .number()
  .int('Give the interval in whole minutes.')
  .min(MIN_INTERVAL_MINUTES, `Poll at most every ${MIN_INTERVAL_MINUTES} minutes.`)
  .max(MAX_INTERVAL_MINUTES, 'Poll at least once a day.')
  .default(DEFAULT_INTERVAL_MINUTES)

export const followFeedInput = z.object({ url: feedUrl, intervalMinutes })

// The same URL followed twice would be polled twice: refused as 'exists', naming the feed that is.
export class FeedAlreadyFollowedError extends DomainError {
  constructor(feed: FollowedFeedRow) {
    super('exists', `${feed.url} is already followed.`, { existingId: feed.id })
  }
}

// `client`: the process's database by default; the benchmark follows feeds in the database of
// the server it measures (bench/follow.ts).
export async function followFeed(input: z.input<typeof followFeedInput>, actorId: string | null, client?: PrismaClient): Promise<FollowedFeedRow> {
  const { url, intervalMinutes: minutes } = followFeedInput.parse(input)
  const existing = await findFollowedFeedByUrl(url, client)
  if (existing) throw new FeedAlreadyFollowedError(existing)
  return createFollowedFeed({ url, intervalSeconds: minutes * 60 }, actorId, client)
}

export const pauseFeed = (id: string, actorId: string | null) => setFollowedFeedPaused(id, true, actorId)
export const resumeFeed = (id: string, actorId: string | null) => setFollowedFeedPaused(id, false, actorId)
export const unfollowFeed = (id: string, actorId: string | null) => deleteFollowedFeed(id, actorId)
