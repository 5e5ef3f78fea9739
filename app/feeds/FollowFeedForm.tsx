'use client'
import { useActionState } from 'react'
import { FormError } from '@/app/components/FormError'
import { followFeedAction, type FollowFeedState } from './actions'

const initial: FollowFeedState = { error: null, message: null }

export function FollowFeedForm({ defaultMinutes, minMinutes }: { defaultMinutes: number; minMinutes: number }) {
  const [state, follow, pending] = useActionState(followFeedAction, initial)
  return (
    <form action={follow} className="stacked-form" aria-label="Follow a feed">
      <label htmlFor="feed-url">RSS or Atom feed URL</label>
      <input id="feed-url" name="url" type="url" required placeholder="https://example.org/feed.xml" />
      <label htmlFor="feed-interval">Poll every (minutes)</label>
      <input id="feed-interval" name="intervalMinutes" type="number" min={minMinutes} max={1440} defaultValue={defaultMinutes} />
      <FormError error={state.error} />
      {state.message ? <p role="status">{state.message}</p> : null}
      <button type="submit" disabled={pending}>
        Follow
      </button>
    </form>
  )
}
