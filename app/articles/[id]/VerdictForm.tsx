'use client'
// A claim's fact-check verdict, from its card (ClaimCard.tsx).
import { useActionState, useEffect } from 'react'
import { FormError } from '@/app/components/FormError'
import { VERDICT_SUGGESTIONS } from '@/lib/claims/verdicts'
import { setVerdict, type ClaimActionState } from './claim-actions'
import type { ClaimView } from './view-types'

const initial: ClaimActionState = { error: null, done: 0 }

// The verdict published as a ClaimReview: a short rating (suggestions offered, any wording
// accepted) and an optional explanation. "Remove verdict" clears both.
export function VerdictForm({ claim, articleId, onDone }: { claim: ClaimView; articleId: string; onDone: () => void }) {
  const [state, action, pending] = useActionState(setVerdict, initial)
  useEffect(() => {
    if (state.done > 0) onDone()
  }, [state.done, onDone])
  const listId = `verdicts-${claim.id}`
  return (
    <form action={action} className="claim-form" aria-label="Fact-check verdict">
      <input type="hidden" name="id" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
      <input type="hidden" name="articleId" value={articleId} />
      <label htmlFor={`verdict-${claim.id}`}>Verdict</label>
      <input
        id={`verdict-${claim.id}`}
        name="verdict"
        list={listId}
        defaultValue={claim.verdict ?? ''}
        maxLength={100}
        placeholder="False, Misleading, Accurate…"
        autoFocus
      />
      <datalist id={listId}>
        {VERDICT_SUGGESTIONS.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <label htmlFor={`verdict-note-${claim.id}`}>Why (optional)</label>
      <textarea id={`verdict-note-${claim.id}`} name="verdictNote" rows={2} defaultValue={claim.verdictNote ?? ''} maxLength={2000} />
      <FormError error={state.error} />
      <div className="form-buttons">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save verdict'}
        </button>
        {claim.verdict ? (
          <button type="submit" name="clear" value="1" className="danger" disabled={pending}>
            Remove verdict
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
