'use client'
// A claim's card: what it says, who said it about whom, how it links to other claims; for
// editors, edit, delete, link and give a fact-check verdict from here.
import Link from 'next/link'
import { useActionState, useEffect, useState } from 'react'
import { FormError } from '@/app/components/FormError'
import { ExportLinks } from '@/app/components/ExportLinks'
import { claimKindLabel, relationLabel } from '@/lib/claims/kinds'
import { deleteClaim, splitClaimCluster, unlinkClaim, type ClaimActionState } from './claim-actions'
import type { ClaimView } from './view-types'
import { ClaimForm } from './ClaimForm'
import { ClaimPicker } from './ClaimPicker'
import { VerdictForm } from './VerdictForm'
import { StoryMembership } from '@/app/stories/StoryForms'
import { ProposedLinks } from '@/app/components/ProposedLinks'

const initial: ClaimActionState = { error: null, done: 0 }

type Props = { claim: ClaimView; articleId: string; articleDay: string | null; canEdit: boolean; stories: { id: string; name: string }[]; onClose: () => void }

export function ClaimCard({ claim, articleId, articleDay, canEdit, stories, onClose }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'link' | 'same' | 'verdict' | 'confirm-delete'>('view')
  const [deleteState, remove, deleting] = useActionState(deleteClaim, initial)
  const [unlinkState, unlink] = useActionState(unlinkClaim, initial)
  const [splitState, split] = useActionState(splitClaimCluster, initial)
  useEffect(() => {
    if (deleteState.done > 0) onClose()
  }, [deleteState.done, onClose])

  if (mode === 'edit')
    return <ClaimForm articleId={articleId} articleDay={articleDay} claim={claim} onDone={() => setMode('view')} onCancel={() => setMode('view')} />
  return (
    <section className={`claim-card kind-border-${claim.kind}`} aria-label={`Claim: ${claimKindLabel(claim.kind)}`}>
      <header>
        <span className={`kind kind-${claim.kind}`}>{claimKindLabel(claim.kind)}</span>
        <button type="button" className="link-button close" onClick={onClose} aria-label="Close claim">
          ×
        </button>
      </header>
      <blockquote>{claim.quote}</blockquote>
      <dl className="meta compact">
        <dt>Speaker</dt>
        <dd>{claim.speaker?.name ?? <span className="muted">not set</span>}</dd>
        <dt>Subject</dt>
        <dd>{claim.subject?.name ?? <span className="muted">not set</span>}</dd>
        {claim.channel ? (
          <>
            <dt>Via</dt>
            <dd>{claim.channel}</dd>
          </>
        ) : null}
        <dt>Date</dt>
        <dd>{claim.claimDate ?? <span className="flag">date needed</span>}</dd>
        {claim.note ? (
          <>
            <dt>Note</dt>
            <dd>{claim.note}</dd>
          </>
        ) : null}
        {claim.verdict ? (
          <>
            <dt>Verdict</dt>
            <dd>
              <strong className="verdict">{claim.verdict}</strong>
              {claim.verdictAt ? <span className="muted small"> · {claim.verdictAt.slice(0, 10)}</span> : null}
              {claim.verdictNote ? <p className="small">{claim.verdictNote}</p> : null}
            </dd>
          </>
        ) : null}
        {canEdit || claim.stories.length > 0 ? (
          <>
            <dt>Stories</dt>
            <dd>
              {canEdit ? (
                <StoryMembership target={{ claimId: claim.id }} stories={stories} member={claim.stories} back={`/articles/${articleId}`} />
              ) : (
                claim.stories.map((s) => s.name).join(', ')
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {claim.links.length > 0 ? (
        <ul className="links" aria-label="Linked claims">
          {claim.links.map((link) => (
            <li key={`${link.id}-${link.direction}`}>
              <span className="relation">{relationLabel(link.relation, link.direction)}</span>{' '}
              <Link href={`/articles/${link.other.articleId}#claim-${link.other.id}`}>
                “{link.other.quote.length > 120 ? `${link.other.quote.slice(0, 120)}…` : link.other.quote}”
              </Link>
              {link.other.speaker ? <span className="muted"> — {link.other.speaker}</span> : null}
              {link.other.articleId !== articleId ? <span className="muted small"> ({link.other.articleTitle})</span> : null}
              {canEdit ? (
                <>
                  {' '}
                  <form action={unlink} className="inline">
                    <input type="hidden" name="linkId" value={link.id} />
                    <input type="hidden" name="articleId" value={articleId} />
                    <button type="submit" className="link-button small" aria-label={`Remove link: ${relationLabel(link.relation, link.direction)}`}>
                      remove
                    </button>
                  </form>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? <ProposedLinks proposals={claim.proposals} currentArticleId={articleId} /> : null}
      {claim.copies.length > 0 ? (
        <div className="copies">
          <p className="small">
            <strong>The same claim</strong> in {claim.copies.length === 1 ? 'one other place' : `${claim.copies.length} other places`}:
          </p>
          <ul className="links">
            {claim.copies.map((c) => (
              <li key={c.id}>
                <Link href={`/claims/${c.id}`}>{c.articleId === articleId ? 'this article' : (c.outlet ?? c.articleTitle)}</Link>
                {c.date ? <span className="muted small">, {c.date}</span> : null}: “{c.quote.length > 120 ? `${c.quote.slice(0, 120)}…` : c.quote}”
              </li>
            ))}
          </ul>
          {canEdit ? (
            <form action={split} className="inline">
              <input type="hidden" name="id" value={claim.id} />
              <input type="hidden" name="articleId" value={articleId} />
              <button type="submit" className="link-button small">
                Not the same claim
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      <p className="muted small">
        <ExportLinks query={`claim=${claim.id}`} label="Export" />
      </p>
      <FormError error={deleteState.error ?? unlinkState.error ?? splitState.error} />
      {canEdit && mode === 'view' ? (
        <div className="form-buttons">
          <button type="button" onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" onClick={() => setMode('same')}>
            Same claim as…
          </button>
          <button type="button" onClick={() => setMode('link')}>
            Link to…
          </button>
          <button type="button" onClick={() => setMode('verdict')}>
            Verdict…
          </button>
          <button type="button" className="danger" onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      ) : null}
      {mode === 'confirm-delete' ? (
        <form action={remove} className="form-buttons" aria-label="Confirm deletion">
          <input type="hidden" name="id" value={claim.id} />
          <input type="hidden" name="version" value={claim.version} />
          <input type="hidden" name="articleId" value={articleId} />
          <span>Delete this claim and its links?</span>
          <button type="submit" className="danger" disabled={deleting} autoFocus>
            Delete claim
          </button>
          <button type="button" className="link-button" onClick={() => setMode('view')}>
            Keep it
          </button>
        </form>
      ) : null}
      {mode === 'link' || mode === 'same' ? <ClaimPicker purpose={mode} claim={claim} articleId={articleId} onDone={() => setMode('view')} /> : null}
      {mode === 'verdict' ? <VerdictForm claim={claim} articleId={articleId} onDone={() => setMode('view')} /> : null}
    </section>
  )
}
