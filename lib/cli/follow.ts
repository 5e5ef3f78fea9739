// claimline follow …: the feeds the newsroom follows; claimline poll: one pass over the due
// feeds, for those who run it from cron rather than leaving it to the server's jobs.
import { parseArgs } from 'node:util'
import { markBackgroundWork } from '../db'
import { followFeed, pauseFeed, resumeFeed, unfollowFeed } from '../follow/feeds'
import { pollDueFeeds, type PollOutcome } from '../follow/poll'
import { feedStatus } from '../follow/schedule'
import { findFollowedFeedByUrl, getFollowedFeed, listFollowedFeeds, type FollowedFeedRow } from '../queries/followed-feeds'

export const FOLLOW_USAGE = `  follow add URL [--every MINUTES]
                                 follow an RSS or Atom feed: polled every MINUTES (30), its new
                                 items ingested and suggested
  follow list                    the followed feeds, their state, last poll and last error
  follow pause|resume|remove ID|URL
  poll                           poll the feeds that are due, once (for cron; the server's jobs
                                 do it on their own)`

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function findFeed(ref: string): Promise<FollowedFeedRow> {
  const feed = UUID.test(ref) ? await getFollowedFeed(ref.toLowerCase()) : await findFollowedFeedByUrl(ref)
  if (!feed) throw new Error(`No followed feed ${ref} (follow list shows them).`)
  return feed
}

const when = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-')

function describeFeed(feed: FollowedFeedRow): string {
  const every = `every ${feed.intervalSeconds / 60} min`
  const line = [
    feed.id,
    feedStatus(feed).padEnd(7),
    every.padEnd(14),
    `polled ${when(feed.lastPolledAt)}`,
    `new ${when(feed.lastNewItemAt)}`,
    `${feed.itemsIngested} items`,
    feed.url,
  ].join('  ')
  return feed.lastError ? `${line}\n    last error (${feed.consecutiveFailures} in a row): ${feed.lastError}` : line
}

export async function runFollow(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { every: { type: 'string' } } })
  const [sub, ref] = positionals
  switch (sub) {
    case 'add': {
      if (!ref) throw new Error('Give the feed URL: claimline follow add https://…/feed.xml')
      const feed = await followFeed({ url: ref, intervalMinutes: values.every }, null)
      console.log(`Following ${feed.url} every ${feed.intervalSeconds / 60} minutes (${feed.id}). The server's jobs, or claimline poll, fetch it.`)
      return 0
    }
    case 'list': {
      const feeds = await listFollowedFeeds()
      if (feeds.length === 0) console.error('No feeds are followed. Add one: claimline follow add URL')
      for (const feed of feeds) console.log(describeFeed(feed))
      return 0
    }
    case 'pause':
    case 'resume':
    case 'remove': {
      if (!ref) throw new Error(`Give the feed to ${sub}: its id or URL (follow list shows them).`)
      const feed = await findFeed(ref)
      if (sub === 'remove') {
        await unfollowFeed(feed.id, null)
        console.log(`No longer following ${feed.url}. Its articles stay.`)
      } else {
        const changed = await (sub === 'pause' ? pauseFeed : resumeFeed)(feed.id, null)
        console.log(changed ? `${sub === 'pause' ? 'Paused' : 'Resumed'} ${feed.url}.` : `${feed.url} was already ${sub === 'pause' ? 'paused' : 'running'}.`)
      }
      return 0
    }
    default:
      console.error(`Unknown follow command "${sub ?? ''}".\n\n${FOLLOW_USAGE}`)
      return 2
  }
}

function describeOutcome(outcome: PollOutcome, suggested: number): string {
  switch (outcome.status) {
    case 'skipped':
      return 'skipped (polled meanwhile by another instance)'
    case 'not-modified':
      return 'unchanged (304)'
    case 'polled':
      return `${outcome.created.length} new, ${outcome.known + outcome.duplicates} known${outcome.failed ? `, ${outcome.failed} failed` : ''}; ${suggested} suggested`
    case 'failed':
      return `failed (${outcome.failures} in a row; next try ${when(outcome.nextPollAt)}): ${outcome.error}`
  }
}

// Exit 1 when a feed failed, so cron's mail reports it.
export async function runPoll(args: string[]): Promise<number> {
  if (args.length > 0) throw new Error(`poll takes no arguments.\n\n${FOLLOW_USAGE}`)
  // From cron, beside a running server: its pages go first.
  markBackgroundWork()
  const report = await pollDueFeeds()
  const urls = new Map((await listFollowedFeeds()).map((f) => [f.id, f.url]))
  for (const { feedId, outcome, suggested } of report) console.log(`${urls.get(feedId) ?? feedId}: ${describeOutcome(outcome, suggested)}`)
  if (report.length === 0) console.error('No followed feed is due.')
  return report.some((r) => r.outcome.status === 'failed') ? 1 : 0
}
