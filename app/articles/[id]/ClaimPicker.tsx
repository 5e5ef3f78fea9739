'use client'
// The claim picker of a claim's card (ClaimCard.tsx), for linking two claims or joining their clusters.
import { useActionState, useEffect, useState } from 'react'
import { FormError } from '@/app/components/FormError'
import { LINK_RELATIONS } from '@/lib/claims/kinds'
import { linkClaim, sameClaimAs, type ClaimActionState } from './claim-actions'
import type { ClaimView } from './view-types'

const initial: ClaimActionState = { error: null, done: 0 }

type Candidate = {
  id: string
  kind: string
  quote: string
  claimDate: string | null
  speaker: { name: string } | null
  article: { id: string; title: string; outlet: { name: string } | null }
}

// Finds another claim by its words, speaker or article: to link this one to it ("link"), or to
// say the two are the same claim ("same": this claim's cluster joins that one's).
export function ClaimPicker({ purpose, claim, articleId, onDone }: { purpose: 'link' | 'same'; claim: ClaimView; articleId: string; onDone: () => void }) {
  const [query, setQuery] = useState('')
  const [candidates, setCandidates] = useState<Candidate[]>([])
  const [state, action, pending] = useActionState(purpose === 'link' ? linkClaim : sameClaimAs, initial)
  useEffect(() => {
    if (state.done > 0) onDone()
  }, [state.done, onDone])
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/api/claims?q=${encodeURIComponent(query)}&exclude=${claim.id}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { claims: [] }))
        .then((body: { claims: Candidate[] }) => setCandidates(body.claims))
        .catch(() => {})
    }, 150)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, claim.id])
  return (
    <form action={action} className="link-picker" aria-label={purpose === 'link' ? 'Link to another claim' : 'The same claim as another'}>
      <input type="hidden" name="fromId" value={claim.id} />
      <input type="hidden" name="articleId" value={articleId} />
      {purpose === 'link' ? (
        <>
          <label htmlFor="link-relation">This claim</label>
          <select id="link-relation" name="relation" defaultValue={claim.kind === 'denial' ? 'denies' : 'responds_to'}>
            {LINK_RELATIONS.map((r) => (
              <option key={r.relation} value={r.relation}>
                {r.label}
              </option>
            ))}
          </select>
        </>
      ) : (
        <p className="small">This claim says the same as (its copies in other articles come along):</p>
      )}
      <label htmlFor="link-search">Search claims (words, speaker, article)</label>
      <input id="link-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      <fieldset className="candidates">
        <legend className="visually-hidden">Claims</legend>
        {candidates.length === 0 ? <p className="muted small">No claims match.</p> : null}
        {candidates.map((c) => (
          <label key={c.id} className="candidate">
            <input type="radio" name="toId" value={c.id} required />
            <span className={`kind kind-${c.kind}`}>{c.kind}</span> “{c.quote.length > 140 ? `${c.quote.slice(0, 140)}…` : c.quote}”
            <span className="muted small">
              {' '}
              — {c.speaker?.name ?? 'unattributed'}, {c.article.outlet?.name ?? c.article.title}
              {c.claimDate ? `, ${c.claimDate.slice(0, 10)}` : ''}
            </span>
          </label>
        ))}
      </fieldset>
      <FormError error={state.error} />
      <div className="form-buttons">
        <button type="submit" disabled={pending}>
          {purpose === 'link' ? 'Link' : 'Same claim'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
