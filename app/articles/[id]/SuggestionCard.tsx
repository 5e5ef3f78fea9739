'use client'
// A proposed claim's card: accept it as it is, edit it first, or reject it (remembered, so the
// same words are not proposed again).
import { useActionState, useEffect, useState } from 'react'
import { FormError } from '@/app/components/FormError'
import { claimKindLabel, confidenceLabel } from '@/lib/claims/kinds'
import { acceptSuggestionAsIs, rejectSuggestionForGood, type ClaimActionState } from './claim-actions'
import type { SuggestionView } from './view-types'
import { ClaimForm } from './ClaimForm'

const initial: ClaimActionState = { error: null, done: 0 }

export function SuggestionCard({
  suggestion,
  articleId,
  articleDay,
  onClose,
}: {
  suggestion: SuggestionView
  articleId: string
  articleDay: string | null
  onClose: () => void
}) {
  const [editing, setEditing] = useState(false)
  const [acceptState, accept, accepting] = useActionState(acceptSuggestionAsIs, initial)
  const [rejectState, reject, rejecting] = useActionState(rejectSuggestionForGood, initial)
  useEffect(() => {
    if (acceptState.done + rejectState.done > 0) onClose()
  }, [acceptState.done, rejectState.done, onClose])
  if (editing) return <ClaimForm articleId={articleId} articleDay={articleDay} suggestion={suggestion} onDone={onClose} onCancel={() => setEditing(false)} />
  return (
    <section className={`claim-card suggestion-card kind-border-${suggestion.kind}`} aria-label={`Suggested claim: ${claimKindLabel(suggestion.kind)}`}>
      <header>
        <span>
          <span className="muted small">Suggested</span> <span className={`kind kind-${suggestion.kind}`}>{claimKindLabel(suggestion.kind)}</span>
        </span>
        <button type="button" className="link-button close" onClick={onClose} aria-label="Close suggestion">
          ×
        </button>
      </header>
      <blockquote>{suggestion.quote}</blockquote>
      <dl className="meta compact">
        <dt>Speaker</dt>
        <dd>{suggestion.speaker ? `${suggestion.speaker.name}${suggestion.speaker.id ? '' : ' (new)'}` : <span className="muted">not found</span>}</dd>
        <dt>Subject</dt>
        <dd>{suggestion.subject ? `${suggestion.subject.name}${suggestion.subject.id ? '' : ' (new)'}` : <span className="muted">not found</span>}</dd>
        <dt>Confidence</dt>
        <dd>{confidenceLabel(suggestion.confidence)}</dd>
      </dl>
      <FormError error={acceptState.error ?? rejectState.error} />
      <div className="form-buttons">
        <form action={accept} className="inline">
          <input type="hidden" name="suggestionId" value={suggestion.id} />
          <input type="hidden" name="articleId" value={articleId} />
          <button type="submit" disabled={accepting} autoFocus>
            Accept
          </button>
        </form>
        <button type="button" onClick={() => setEditing(true)}>
          Edit first
        </button>
        <form action={reject} className="inline">
          <input type="hidden" name="suggestionId" value={suggestion.id} />
          <input type="hidden" name="articleId" value={articleId} />
          <button type="submit" className="danger" disabled={rejecting}>
            Reject
          </button>
        </form>
      </div>
    </section>
  )
}
