'use client'
// Links the engine proposes, drawn dashed, each with its confidence and one-click Confirm and
// Reject for editors: the claim card's list on the article page, and the buttons the timeline
// puts beside each proposed link.
import Link from 'next/link'
import { useActionState } from 'react'
import { decideProposedLink, type ProposalActionState } from '@/app/links/actions'
import { FormError } from '@/app/components/FormError'
import { confidenceLabel, relationLabel, type LinkRelation } from '@/lib/claims/kinds'

export type ProposedLink = {
  id: string
  relation: LinkRelation
  direction: 'from' | 'to'
  confidence: number
  other: { id: string; quote: string; speaker: string | null; articleId: string; articleTitle: string }
}

const initial: ProposalActionState = { error: null, done: 0 }

const short = (quote: string) => (quote.length > 120 ? `${quote.slice(0, 120)}…` : quote)

// Confirm and Reject for one proposal; `describe` names it for screen readers.
export function ProposalButtons({ proposalId, describe }: { proposalId: string; describe: string }) {
  const [state, decide, pending] = useActionState(decideProposedLink, initial)
  return (
    <>
      <form action={decide} className="inline">
        <input type="hidden" name="proposalId" value={proposalId} />
        <button type="submit" name="decision" value="confirm" className="link-button small" disabled={pending} aria-label={`Confirm: ${describe}`}>
          confirm
        </button>{' '}
        <button type="submit" name="decision" value="reject" className="link-button small" disabled={pending} aria-label={`Reject: ${describe}`}>
          reject
        </button>
      </form>
      <FormError error={state.error} />
    </>
  )
}

export function ProposedLinks({ proposals, currentArticleId }: { proposals: ProposedLink[]; currentArticleId: string | null }) {
  if (proposals.length === 0) return null
  return (
    <ul className="links proposed" aria-label="Proposed links">
      {proposals.map((p) => {
        const label = relationLabel(p.relation, p.direction)
        return (
          <li key={p.id}>
            <span className="relation">proposed: {label}</span>{' '}
            <Link href={`/articles/${p.other.articleId}#claim-${p.other.id}`}>“{short(p.other.quote)}”</Link>
            {p.other.speaker ? <span className="muted"> — {p.other.speaker}</span> : null}
            {p.other.articleId !== currentArticleId ? <span className="muted small"> ({p.other.articleTitle})</span> : null}
            <span className="muted small"> · {confidenceLabel(p.confidence)}</span>{' '}
            <ProposalButtons proposalId={p.id} describe={`${label} “${short(p.other.quote)}”`} />
          </li>
        )
      })}
    </ul>
  )
}
