'use client'
// The reader: the article's stored text with its claims highlighted, coloured by kind
// (overlapping claims split into flat segments), a card for the claim clicked, and — for
// editors — select words to tag them. Offsets come from each segment's data-start, so a
// selection maps exactly onto the stored text the selectors describe.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { splitIntoSegments } from '@/lib/anchoring/highlights'
import { claimKindLabel } from '@/lib/claims/kinds'
import type { ClaimView, SuggestionView } from './claim-view'
import { ClaimCard } from './ClaimCard'
import { ClaimForm, type NewSelection } from './ClaimForm'
import { SuggestionCard } from './SuggestionCard'
import { SuggestButton } from './SuggestButton'

// `stories`: every story, for the claim card's "add to story" (editors only; empty otherwise).
type Props = { articleId: string; bodyText: string; claims: ClaimView[]; suggestions: SuggestionView[]; suggestFailure: string | null; canEdit: boolean; articleDay: string | null; stories: { id: string; name: string }[] }

type Panel = { type: 'new'; selection: NewSelection; top: number } | { type: 'claim'; id: string; top: number } | { type: 'suggestion'; id: string; top: number } | null

// Suggestions share the highlight machinery with claims under prefixed ids.
const SUGGESTION = 's:'

// Where a DOM point falls in the stored text, or null outside the article body.
function textOffset(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const owner = node.parentElement?.closest<HTMLElement>('[data-start]')
    return owner ? Number(owner.dataset.start) + offset : null
  }
  if (!(node instanceof HTMLElement)) return null
  const child = node.childNodes[offset]
  if (child) {
    const first = child instanceof HTMLElement ? (child.matches('[data-start]') ? child : child.querySelector<HTMLElement>('[data-start]')) : child.parentElement?.closest<HTMLElement>('[data-start]')
    return first ? Number(first.dataset.start) : null
  }
  const all = node.querySelectorAll<HTMLElement>('[data-start]')
  const last = all[all.length - 1] ?? (node.matches('[data-start]') ? node : null)
  return last ? Number(last.dataset.start) + (last.textContent?.length ?? 0) : null
}

export function Annotator({ articleId, bodyText, claims, suggestions, suggestFailure, canEdit, articleDay, stories }: Props) {
  const containerRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const [panel, setPanel] = useState<Panel>(null)
  const [flash, setFlash] = useState<string | null>(null)
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims])
  const suggestionsById = useMemo(() => new Map(suggestions.map((s) => [`${SUGGESTION}${s.id}`, s])), [suggestions])
  const paragraphs = useMemo(
    () =>
      splitIntoSegments(bodyText, [
        ...claims.flatMap((c) => (c.start !== null && c.end !== null ? [{ id: c.id, start: c.start, end: c.end }] : [])),
        ...suggestions.map((s) => ({ id: `${SUGGESTION}${s.id}`, start: s.start, end: s.end })),
      ]),
    [bodyText, claims, suggestions],
  )

  const topOf = useCallback((rect: DOMRect) => {
    const container = containerRef.current?.getBoundingClientRect()
    return container ? rect.bottom - container.top + 8 : 0
  }, [])

  const openClaim = useCallback(
    (id: string, scroll: boolean) => {
      const mark = bodyRef.current?.querySelector<HTMLElement>(`[data-ids~="${id}"]`)
      if (mark && scroll) mark.scrollIntoView({ block: 'center' })
      setPanel({ type: 'claim', id, top: mark ? topOf(mark.getBoundingClientRect()) : 0 })
      setFlash(id)
    },
    [topOf],
  )

  // Arriving from the timeline or a link (…#claim-<id>): scroll to the words and flash them.
  useEffect(() => {
    const id = /^#claim-([0-9a-f-]{36})$/.exec(window.location.hash)?.[1]
    if (id && byId.has(id)) openClaim(id, true)
  }, [byId, openClaim])

  useEffect(() => {
    if (!flash) return
    const timer = setTimeout(() => setFlash(null), 2000)
    return () => clearTimeout(timer)
  }, [flash])

  function onSelectionEnd() {
    if (!canEdit) return
    const selection = window.getSelection()
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return
    const range = selection.getRangeAt(0)
    if (!bodyRef.current?.contains(range.commonAncestorContainer)) return
    const a = textOffset(range.startContainer, range.startOffset)
    const b = textOffset(range.endContainer, range.endOffset)
    if (a === null || b === null) return
    let start = Math.min(a, b)
    let end = Math.max(a, b)
    while (start < end && /\s/.test(bodyText[start] ?? '')) start++
    while (end > start && /\s/.test(bodyText[end - 1] ?? '')) end--
    if (end <= start) return
    setPanel({ type: 'new', selection: { start, end, exact: bodyText.slice(start, end) }, top: topOf(range.getBoundingClientRect()) })
  }

  const close = useCallback(() => {
    setPanel(null)
    window.getSelection()?.removeAllRanges()
  }, [])

  const orphans = claims.filter((c) => c.start === null)
  const open = panel?.type === 'claim' ? byId.get(panel.id) : undefined
  const openSuggestion = panel?.type === 'suggestion' ? suggestionsById.get(`${SUGGESTION}${panel.id}`) : undefined
  return (
    <div className="annotator" ref={containerRef}>
      {canEdit ? <SuggestButton articleId={articleId} open={suggestions.length} failure={suggestFailure} /> : null}
      <div ref={bodyRef} className="article-body" onMouseUp={onSelectionEnd} onKeyUp={(e) => (e.shiftKey ? onSelectionEnd() : undefined)}>
        {paragraphs.map((paragraph) =>
          paragraph.segments.length === 0 ? null : (
            <p key={paragraph.start}>
              {paragraph.segments.map((segment) => {
                if (segment.ids.length === 0)
                  return (
                    <span key={segment.start} data-start={segment.start}>
                      {segment.text}
                    </span>
                  )
                // The innermost (shortest) claim decides the colour and what a click opens.
                const inner = segment.ids.map((id) => byId.get(id)).filter((c): c is ClaimView => c !== undefined).sort((x, y) => (x.end ?? 0) - (x.start ?? 0) - ((y.end ?? 0) - (y.start ?? 0)))[0]
                if (!inner) {
                  const suggested = segment.ids.map((id) => suggestionsById.get(id)).find((s) => s !== undefined)
                  if (!suggested) return null
                  return (
                    <mark
                      key={segment.start}
                      data-start={segment.start}
                      data-suggestion={suggested.id}
                      className={`hl-suggest hl-suggest-${suggested.kind}`}
                      title={`Suggested ${claimKindLabel(suggested.kind).toLowerCase()}${suggested.speaker ? ` — ${suggested.speaker.name}` : ''}`}
                      onClick={(event) => {
                        if (window.getSelection()?.isCollapsed === false) return
                        setPanel({ type: 'suggestion', id: suggested.id, top: topOf(event.currentTarget.getBoundingClientRect()) })
                      }}
                    >
                      {segment.text}
                    </mark>
                  )
                }
                return (
                  <mark
                    key={segment.start}
                    data-start={segment.start}
                    data-ids={segment.ids.join(' ')}
                    id={segment.start === inner.start ? `claim-${inner.id}` : undefined}
                    className={`hl hl-${inner.kind}${segment.ids.length > 1 ? ' hl-overlap' : ''}${flash && segment.ids.includes(flash) ? ' hl-flash' : ''}`}
                    title={`${claimKindLabel(inner.kind)}${inner.speaker ? ` — ${inner.speaker.name}` : ''}`}
                    onClick={() => {
                      if (window.getSelection()?.isCollapsed !== false) openClaim(inner.id, false)
                    }}
                  >
                    {segment.text}
                  </mark>
                )
              })}
            </p>
          ),
        )}
      </div>
      {panel && (panel.type === 'new' || open || openSuggestion) ? (
          <div className="popover" style={{ top: panel.top }} role="dialog" aria-label={panel.type === 'new' ? 'Tag the selected words' : panel.type === 'suggestion' ? 'Suggested claim' : 'Claim'}>
            {openSuggestion ? (
              <SuggestionCard key={openSuggestion.id} suggestion={openSuggestion} articleId={articleId} articleDay={articleDay} onClose={close} />
            ) : panel.type === 'new' ? (
              <ClaimForm key={`${panel.selection.start}-${panel.selection.end}`} articleId={articleId} articleDay={articleDay} selection={panel.selection} onDone={close} onCancel={close} />
            ) : open ? (
              <ClaimCard key={`${open.id}-${open.version}`} claim={open} articleId={articleId} articleDay={articleDay} canEdit={canEdit} stories={stories} onClose={close} />
            ) : null}
          </div>
      ) : null}
      <section className="claims" aria-labelledby="claims-heading">
        <h2 id="claims-heading">Claims ({claims.length})</h2>
        {claims.length === 0 ? <p className="muted">{canEdit ? 'No claims tagged yet: select words in the article to tag them.' : 'No claims tagged in this article yet.'}</p> : null}
        <ol>
          {claims
            .filter((c) => c.start !== null)
            .map((claim) => (
              <li key={claim.id}>
                <span className={`kind kind-${claim.kind}`}>{claimKindLabel(claim.kind)}</span> <span>{claim.speaker?.name ?? claim.channel ?? 'unattributed'}</span>
                {claim.subject ? <span className="muted"> about {claim.subject.name}</span> : null}
                {claim.links.length > 0 ? <span className="muted small"> · {claim.links.length} link{claim.links.length === 1 ? '' : 's'}</span> : null}{' '}
                <button type="button" className="link-button small" onClick={() => openClaim(claim.id, true)} aria-label={`Show claim in the text: ${claim.quote.slice(0, 60)}`}>
                  show
                </button>
                <blockquote>{claim.quote}</blockquote>
              </li>
            ))}
        </ol>
        {orphans.length > 0 ? (
          <section className="orphans" aria-labelledby="orphans-heading">
            <h3 id="orphans-heading">Orphans ({orphans.length})</h3>
            <p className="muted small">These claims’ words are no longer in the article’s text (it was re-extracted or corrected). They are kept, not moved onto other words.</p>
            <ol>
              {orphans.map((claim) => (
                <li key={claim.id}>
                  <span className={`kind kind-${claim.kind}`}>{claimKindLabel(claim.kind)}</span> <span>{claim.speaker?.name ?? 'unattributed'}</span>
                  <blockquote>{claim.quote}</blockquote>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </section>
    </div>
  )
}
