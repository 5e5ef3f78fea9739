'use client'
import { useActionState } from 'react'
import { createFeedLinkAction, type FeedLinkState } from './actions'

const initial: FeedLinkState = { url: null }

export function FeedLinkForm() {
  const [state, create, pending] = useActionState(createFeedLinkAction, initial)
  return (
    <form action={create} aria-label="Atom feed link">
      {state.url ? (
        <p role="status">
          Your feed (shown once; it works until you revoke its token on your account page): <code>{state.url}</code>
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        Create a feed link
      </button>
    </form>
  )
}
