import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { formatTimestamp } from '@/lib/dates/format'
import { DEFAULT_INTERVAL_MINUTES, feedStatus, MIN_INTERVAL_MINUTES } from '@/lib/follow/schedule'
import { listFollowedFeeds } from '@/lib/queries/followed-feeds'
import { pauseFeedAction, resumeFeedAction, unfollowFeedAction } from './actions'
import { FollowFeedForm } from './FollowFeedForm'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Followed feeds' }

const STATUS_LABELS = { paused: 'Paused', waiting: 'Waiting for its first poll', ok: 'OK', failing: 'Failing' } as const

const when = (date: Date | null) => (date ? formatTimestamp(date) : 'never')

// Editors' page: the feeds the newsroom follows, how each one's polls went, and the buttons to
// add, pause, resume and remove them. Polling itself runs as jobs (lib/follow/jobs.ts).
export default async function FeedsPage() {
  await requirePageUser('editor', '/feeds')
  const feeds = await listFollowedFeeds()
  return (
    <>
      <h1>Followed feeds</h1>
      <p>
        Each feed is polled on its interval; its new items are ingested like pasted articles (the same checks, limits and duplicate detection) and claims are
        suggested on them. A feed that fails is asked again later and later, up to once a day, until it answers.
      </p>
      <FollowFeedForm defaultMinutes={DEFAULT_INTERVAL_MINUTES} minMinutes={MIN_INTERVAL_MINUTES} />
      {feeds.length === 0 ? (
        <p className="muted">No feed is followed yet.</p>
      ) : (
        <table>
          <caption>{feeds.length === 1 ? '1 feed' : `${feeds.length} feeds`}</caption>
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Status</th>
              <th scope="col">Every</th>
              <th scope="col">Last poll</th>
              <th scope="col">Last new item</th>
              <th scope="col">Items</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {feeds.map((feed) => {
              const status = feedStatus(feed)
              return (
                <tr key={feed.id}>
                  <th scope="row">
                    {feed.title ?? feed.url}
                    {feed.title ? <div className="muted">{feed.url}</div> : null}
                  </th>
                  <td>
                    {STATUS_LABELS[status]}
                    {feed.lastError ? (
                      <div role="note">
                        Last error ({feed.consecutiveFailures} in a row, {when(feed.lastErrorAt)}): {feed.lastError}. Next try {when(feed.nextPollAt)}.
                      </div>
                    ) : null}
                  </td>
                  <td>{feed.intervalSeconds / 60} min</td>
                  <td>{when(feed.lastPolledAt)}</td>
                  <td>{when(feed.lastNewItemAt)}</td>
                  <td>{feed.itemsIngested.toLocaleString('en-GB')}</td>
                  <td>
                    <form action={feed.paused ? resumeFeedAction : pauseFeedAction}>
                      <input type="hidden" name="id" value={feed.id} />
                      <button type="submit" aria-label={`${feed.paused ? 'Resume' : 'Pause'} ${feed.url}`}>
                        {feed.paused ? 'Resume' : 'Pause'}
                      </button>
                    </form>
                    <form action={unfollowFeedAction}>
                      <input type="hidden" name="id" value={feed.id} />
                      <button type="submit" aria-label={`Stop following ${feed.url}`}>
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </>
  )
}
