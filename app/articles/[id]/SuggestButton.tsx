'use client'
// "Suggest claims": runs the suggestion engine again on this article (new entities, a new
// engine, or suggestions dismissed by mistake are not among them: rejections stay rejected).
import { useActionState } from 'react'
import { suggestAgain, type ClaimActionState } from './claim-actions'

const initial: ClaimActionState = { error: null, done: 0 }

export function SuggestButton({ articleId, open, failure }: { articleId: string; open: number; failure: string | null }) {
  const [state, action, pending] = useActionState(suggestAgain, initial)
  return (
    <form action={action} className="suggest-bar">
      <input type="hidden" name="articleId" value={articleId} />
      <span className="muted small" role="status">
        {open > 0
          ? `${open} suggested claim${open === 1 ? '' : 's'}, underlined with dashes: click one to accept, edit or reject it.`
          : failure
            ? `${failure} Tag its claims by hand.`
            : (state.error ?? 'No open suggestions.')}
      </span>{' '}
      <button type="submit" className="link-button small" disabled={pending}>
        {pending ? 'Suggesting…' : 'Suggest claims'}
      </button>
    </form>
  )
}
