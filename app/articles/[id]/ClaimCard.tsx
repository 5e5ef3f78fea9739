'use client'
// A claim's card: what it says, who said it about whom, how it links to other claims; for
// editors, edit, delete, link and give a fact-check verdict from here.
import Link from 'next/link'
import { useActionState, useEffect, useState } from 'react'
import { FormError } from '@/app/components/FormError'
import { ExportLinks } from '@/app/components/ExportLinks'
import { VERDICT_SUGGESTIONS } from '@/lib/claims/verdicts'
import { claimKindLabel, LINK_RELATIONS, relationLabel } from '@/lib/claims/kinds'
import { deleteClaim, linkClaim, sameClaimAs, setVerdict, splitClaimCluster, unlinkClaim, type ClaimActionState } from './claim-actions'
import type { ClaimView } from './claim-view'
import { ClaimForm } from './ClaimForm'
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

  if (mode === 'edit') return <ClaimForm articleId={articleId} articleDay={articleDay} claim={claim} onDone={() => setMode('view')} onCancel={() => setMode('view')} />
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
            <dd>{canEdit ? <StoryMembership target={{ claimId: claim.id }} stories={stories} member={claim.stories} back={`/articles/${articleId}`} /> : claim.stories.map((s) => s.name).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {claim.links.length > 0 ? (
        <ul className="links" aria-label="Linked claims">
          {claim.links.map((link) => (
            <li key={`${link.id}-${link.direction}`}>
              <span className="relation">{relationLabel(link.relation, link.direction)}</span>{' '}
              <Link href={`/articles/${link.other.articleId}#claim-${link.other.id}`}>“{link.other.quote.length > 120 ? `${link.other.quote.slice(0, 120)}…` : link.other.quote}”</Link>
              {link.other.speaker ? <span className="muted"> — {link.other.speaker}</span> : null}
              {link.other.articleId !== articleId ? <span className="muted small"> ({link.other.articleTitle})</span> : null}
              {canEdit ? (
                <form action={unlink} className="inline">
                  <input type="hidden" name="linkId" value={link.id} />
                  <input type="hidden" name="articleId" value={articleId} />
                  <button type="submit" className="link-button small" aria-label={`Remove link: ${relationLabel(link.relation, link.direction)}`}>
                    remove
                  </button>
                </form>
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

type Candidate = { id: string; kind: string; quote: string; claimDate: string | null; speaker: { name: string } | null; article: { id: string; title: string; outlet: { name: string } | null } }

// Finds another claim by its words, speaker or article: to link this one to it ("link"), or to
// say the two are the same claim ("same": this claim's cluster joins that one's).
function ClaimPicker({ purpose, claim, articleId, onDone }: { purpose: 'link' | 'same'; claim: ClaimView; articleId: string; onDone: () => void }) {
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

// The verdict published as a ClaimReview: a short rating (suggestions offered, any wording
// accepted) and an optional explanation. "Remove verdict" clears both.
function VerdictForm({ claim, articleId, onDone }: { claim: ClaimView; articleId: string; onDone: () => void }) {
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
      <input id={`verdict-${claim.id}`} name="verdict" list={listId} defaultValue={claim.verdict ?? ''} maxLength={100} placeholder="False, Misleading, Accurate…" autoFocus />
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
