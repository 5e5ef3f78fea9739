'use client'
// The tagging form, for a new selection and for editing a claim. Keyboard: the letter of a
// kind (s, d, a, r, o) picks it while focus is not in a text field, Enter saves, Esc cancels.
import { useActionState, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { FormError } from '@/app/components/FormError'
import { CLAIM_KINDS, type ClaimKind } from '@/lib/claims/kinds'
import { acceptEditedSuggestion, createClaim, updateClaim, type ClaimActionState } from './claim-actions'
import type { ClaimView, SuggestionView } from './view-types'
import { EntityPicker } from './EntityPicker'

export type NewSelection = { start: number; end: number; exact: string }

type Props = { articleId: string; articleDay: string | null; onDone: () => void; onCancel: () => void } & (
  | { selection: NewSelection; claim?: undefined; suggestion?: undefined }
  | { claim: ClaimView; selection?: undefined; suggestion?: undefined }
  | { suggestion: SuggestionView; selection?: undefined; claim?: undefined }
)

const initial: ClaimActionState = { error: null, done: 0 }

export function ClaimForm({ articleId, articleDay, selection, claim, suggestion, onDone, onCancel }: Props) {
  const [state, action, pending] = useActionState(claim ? updateClaim : suggestion ? acceptEditedSuggestion : createClaim, initial)
  const [kind, setKind] = useState<ClaimKind>(claim?.kind ?? suggestion?.kind ?? 'statement')
  const known = (ref: { id: string | null; name: string } | null | undefined) => (ref?.id ? { id: ref.id, name: ref.name } : null)
  const formRef = useRef<HTMLFormElement>(null)
  const firstKind = useRef<HTMLInputElement>(null)

  useEffect(() => {
    firstKind.current?.focus()
  }, [])
  useEffect(() => {
    if (state.done > 0) onDone()
  }, [state.done, onDone])

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const typing = event.target instanceof HTMLTextAreaElement || (event.target instanceof HTMLInputElement && event.target.type !== 'radio')
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
      return
    }
    if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement)) {
      event.preventDefault()
      formRef.current?.requestSubmit()
      return
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return
    const shortcut = CLAIM_KINDS.find((k) => k.key === event.key.toLowerCase())
    if (shortcut) {
      event.preventDefault()
      setKind(shortcut.kind)
    }
  }

  const quote = claim?.quote ?? suggestion?.quote ?? selection?.exact ?? ''
  return (
    <form
      ref={formRef}
      action={action}
      className="claim-form"
      aria-label={claim ? 'Edit claim' : suggestion ? 'Edit suggestion' : 'Tag claim'}
      onKeyDown={onKeyDown}
    >
      <input type="hidden" name="articleId" value={articleId} />
      {claim ? (
        <>
          <input type="hidden" name="id" value={claim.id} />
          <input type="hidden" name="version" value={claim.version} />
        </>
      ) : suggestion ? (
        <input type="hidden" name="suggestionId" value={suggestion.id} />
      ) : (
        <>
          <input type="hidden" name="start" value={selection?.start} />
          <input type="hidden" name="end" value={selection?.end} />
          <input type="hidden" name="exact" value={selection?.exact} />
        </>
      )}
      <blockquote className="claim-quote">{quote.length > 300 ? `${quote.slice(0, 300)}…` : quote}</blockquote>
      <fieldset className="kinds">
        <legend>Kind</legend>
        {CLAIM_KINDS.map((k, index) => (
          <label key={k.kind} className={`kind-option kind-${k.kind}`} title={k.hint}>
            <input
              ref={index === 0 ? firstKind : undefined}
              type="radio"
              name="kind"
              value={k.kind}
              checked={kind === k.kind}
              onChange={() => setKind(k.kind)}
            />
            {k.label} <kbd>{k.key}</kbd>
          </label>
        ))}
      </fieldset>
      <EntityPicker
        label="Speaker"
        name="speakerId"
        initial={claim?.speaker ?? known(suggestion?.speaker)}
        initialText={suggestion?.speaker?.name}
        defaultKind="person"
      />
      <EntityPicker
        label="Subject"
        name="subjectId"
        initial={claim?.subject ?? known(suggestion?.subject)}
        initialText={suggestion?.subject?.name}
        defaultKind="company"
      />
      <label htmlFor="claim-channel">Channel / attributed via</label>
      <input
        id="claim-channel"
        name="channel"
        defaultValue={claim?.channel ?? ''}
        placeholder="emailed statement, blog post, leaked documents…"
        maxLength={200}
      />
      <label htmlFor="claim-date">Claim date</label>
      <input id="claim-date" name="claimDate" type="date" defaultValue={claim ? (claim.claimDate ?? '') : (articleDay ?? '')} />
      <label htmlFor="claim-note">Note</label>
      <textarea id="claim-note" name="note" rows={2} defaultValue={claim?.note ?? ''} maxLength={2000} />
      <FormError error={state.error} />
      <div className="form-buttons">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : claim ? 'Save claim' : 'Save claim'}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
