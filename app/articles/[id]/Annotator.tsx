'use client'
// The reader: the article's stored text with its claims highlighted, coloured by kind
// (overlapping claims split into flat segments), a card for the claim clicked, and — for
// editors — select words to tag them. Offsets come from each segment's data-start, so a
// selection maps exactly onto the stored text the selectors describe.
//
// The card sits in the DOM right after the paragraph it concerns: on narrow screens it is read
// there, in the flow; on wide ones the body is a grid with a margin column and the card is
// lifted into it beside the words (as Hypothesis does), never over the text it is about.
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react'
import { splitIntoSegments } from '@/lib/anchoring/highlights'
import { claimKindLabel } from '@/lib/claims/kinds'
import type { ClaimView, SuggestionView } from './view-types'
import { ClaimCard } from './ClaimCard'
import { ClaimForm, type NewSelection } from './ClaimForm'
import { SuggestionCard } from './SuggestionCard'
import { SuggestButton } from './SuggestButton'

// `stories`: every story, for the claim card's "add to story" (editors only; empty otherwise).
type Props = {
  articleId: string
  bodyText: string
  claims: ClaimView[]
  suggestions: SuggestionView[]
  suggestFailure: string | null
  canEdit: boolean
  articleDay: string | null
  stories: { id: string; name: string }[]
}

type Panel = { type: 'new'; selection: NewSelection } | { type: 'claim'; id: string } | { type: 'suggestion'; id: string } | null

// The words a card concerns, as offsets in the stored text.
type Words = { start: number; end: number }

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
    const first =
      child instanceof HTMLElement
        ? child.matches('[data-start]')
          ? child
          : child.querySelector<HTMLElement>('[data-start]')
        : child.parentElement?.closest<HTMLElement>('[data-start]')
    return first ? Number(first.dataset.start) : null
  }
  const all = node.querySelectorAll<HTMLElement>('[data-start]')
  const last = all[all.length - 1] ?? (node.matches('[data-start]') ? node : null)
  return last ? Number(last.dataset.start) + (last.textContent?.length ?? 0) : null
}

// The DOM point at a stored-text offset, inside the segment that holds it: the one starting
// at or before it (`after`, for a range's start) or ending at or after it (for its end).
function domPoint(body: HTMLElement, offset: number, side: 'after' | 'before'): [Node, number] | null {
  for (const segment of body.querySelectorAll<HTMLElement>('p > [data-start]')) {
    const text = segment.firstChild
    const at = Number(segment.dataset.start)
    const length = text?.textContent?.length ?? 0
    if (!text) continue
    if (side === 'after' ? offset >= at && offset < at + length : offset > at && offset <= at + length) return [text, offset - at]
  }
  return null
}

// Where the words begin, in pixels from the top of the article body, measured after layout.
function wordsTop(body: HTMLElement, words: Words): number {
  const from = domPoint(body, words.start, 'after')
  const to = domPoint(body, words.end, 'before')
  if (!from || !to) return 0
  const range = document.createRange()
  range.setStart(...from)
  range.setEnd(...to)
  const first = range.getClientRects()[0] ?? range.getBoundingClientRect()
  return Math.max(0, first.top - body.getBoundingClientRect().top)
}

export function Annotator({ articleId, bodyText, claims, suggestions, suggestFailure, canEdit, articleDay, stories }: Props) {
  const bodyRef = useRef<HTMLDivElement>(null)
  const cardRef = useRef<HTMLDivElement>(null)
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

  const openClaim = useCallback((id: string, scroll: boolean) => {
    const mark = bodyRef.current?.querySelector<HTMLElement>(`[data-ids~="${id}"]`)
    if (mark && scroll) mark.scrollIntoView({ block: 'center' })
    setPanel({ type: 'claim', id })
    setFlash(id)
  }, [])

  // Arriving from the timeline or a link (…#claim-<id>): once laid out, scroll to the words,
  // flash them and open their card. Once per hash, so that a refresh after an edit elsewhere
  // in the article does not pull the card back to the claim one arrived at.
  const arrived = useRef<string | null>(null)
  useEffect(() => {
    const arrive = () => {
      const id = /^#claim-([0-9a-f-]{36})$/.exec(window.location.hash)?.[1]
      if (!id || id === arrived.current || !byId.has(id)) return
      arrived.current = id
      openClaim(id, true)
    }
    const frame = requestAnimationFrame(arrive)
    window.addEventListener('hashchange', arrive)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('hashchange', arrive)
    }
  }, [byId, openClaim])

  useEffect(() => {
    if (!flash) return
    const timer = setTimeout(() => setFlash(null), 2000)
    return () => clearTimeout(timer)
  }, [flash])

  // Words selected in the text (not in the card, which sits among the paragraphs).
  function onSelectionEnd(event: SyntheticEvent) {
    if (!canEdit) return
    const inCard = (node: EventTarget | Node) => node instanceof Node && cardRef.current?.contains(node) === true
    if (inCard(event.target)) return
    const selection = window.getSelection()
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return
    const range = selection.getRangeAt(0)
    if (!bodyRef.current?.contains(range.commonAncestorContainer) || inCard(range.startContainer) || inCard(range.endContainer)) return
    const a = textOffset(range.startContainer, range.startOffset)
    const b = textOffset(range.endContainer, range.endOffset)
    if (a === null || b === null) return
    let start = Math.min(a, b)
    let end = Math.max(a, b)
    while (start < end && /\s/.test(bodyText[start] ?? '')) start++
    while (end > start && /\s/.test(bodyText[end - 1] ?? '')) end--
    if (end <= start) return
    setPanel({ type: 'new', selection: { start, end, exact: bodyText.slice(start, end) } })
  }

  const open = panel?.type === 'claim' ? byId.get(panel.id) : undefined
  const openSuggestion = panel?.type === 'suggestion' ? suggestionsById.get(`${SUGGESTION}${panel.id}`) : undefined
  const words: Words | null =
    panel?.type === 'new'
      ? panel.selection
      : open && open.start !== null && open.end !== null
        ? { start: open.start, end: open.end }
        : openSuggestion
          ? { start: openSuggestion.start, end: openSuggestion.end }
          : null
  // The card follows the paragraph where its words end (before the first when they are not in the text).
  const cardAfter = words ? paragraphs.findLastIndex((p) => p.start < words.end) : -1
  const panelKey = panel ? `${panel.type}:${panel.type === 'new' ? `${panel.selection.start}-${panel.selection.end}` : panel.id}` : null

  const close = useCallback(() => {
    setPanel(null)
    window.getSelection()?.removeAllRanges()
  }, [])

  // Back to the words when the card closes (and took the focus with it): their first highlight,
  // or their paragraph when the highlight is gone (deleted, accepted) or was only a selection.
  const closing = useRef<{ mark: string | null; paragraph: number } | null>(null)
  useEffect(() => {
    if (panel) {
      closing.current = {
        mark: panel.type === 'claim' ? `[data-ids~="${panel.id}"]` : panel.type === 'suggestion' ? `[data-suggestion="${panel.id}"]` : null,
        paragraph: Math.max(0, cardAfter),
      }
      return
    }
    const words = closing.current
    closing.current = null
    const body = bodyRef.current
    if (!words || !body || (document.activeElement && document.activeElement !== document.body)) return
    const target = (words.mark ? body.querySelector<HTMLElement>(words.mark) : null) ?? body.querySelector<HTMLElement>(`#p-${words.paragraph}`)
    target?.focus({ preventScroll: true })
  }, [panel, cardAfter])

  // Beside the words on wide screens: the card's top is the words' top, measured after layout
  // and again whenever the body or the card changes size (a resize rewraps the lines); the body
  // grows to hold a long card rather than let it run over what follows.
  const wordsStart = words?.start ?? null
  const wordsEnd = words?.end ?? null
  useLayoutEffect(() => {
    const body = bodyRef.current
    const card = cardRef.current
    if (!body || !card || !panelKey) return
    const place = () => {
      const top = wordsStart !== null && wordsEnd !== null ? wordsTop(body, { start: wordsStart, end: wordsEnd }) : 0
      card.style.setProperty('--card-top', `${top}px`)
      body.style.setProperty('--card-bottom', `${card.offsetTop + card.offsetHeight}px`)
    }
    place()
    // Placing resizes the body it observes: in the next frame, not inside the observer's
    // callback (which would be a resize loop).
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(place)
    })
    observer.observe(body)
    observer.observe(card)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      body.style.removeProperty('--card-bottom')
    }
  }, [panelKey, wordsStart, wordsEnd])

  // A card that opens takes the focus (unless its form already did) and is scrolled on screen.
  useEffect(() => {
    const card = cardRef.current
    if (!card || !panelKey) return
    if (!card.contains(document.activeElement)) card.focus({ preventScroll: true })
    card.scrollIntoView({ block: 'nearest' })
  }, [panelKey])

  function onCardKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // The tagging form handles its own Escape (cancel an edit, not the card).
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    close()
  }

  const orphans = claims.filter((c) => c.start === null)
  const card =
    panel && (panel.type === 'new' || open || openSuggestion) ? (
      <div
        ref={cardRef}
        className="annotator-card"
        tabIndex={-1}
        onKeyDown={onCardKeyDown}
        role="dialog"
        aria-label={panel.type === 'new' ? 'Tag the selected words' : panel.type === 'suggestion' ? 'Suggested claim' : 'Claim'}
      >
        {openSuggestion ? (
          <SuggestionCard key={openSuggestion.id} suggestion={openSuggestion} articleId={articleId} articleDay={articleDay} onClose={close} />
        ) : panel.type === 'new' ? (
          <ClaimForm
            key={`${panel.selection.start}-${panel.selection.end}`}
            articleId={articleId}
            articleDay={articleDay}
            selection={panel.selection}
            onDone={close}
            onCancel={close}
          />
        ) : open ? (
          <ClaimCard
            key={`${open.id}-${open.version}`}
            claim={open}
            articleId={articleId}
            articleDay={articleDay}
            canEdit={canEdit}
            stories={stories}
            onClose={close}
          />
        ) : null}
      </div>
    ) : null
  return (
    <div className="annotator">
      {canEdit ? <SuggestButton articleId={articleId} open={suggestions.length} failure={suggestFailure} /> : null}
      <div ref={bodyRef} className="article-body" onMouseUp={onSelectionEnd} onKeyUp={(e) => (e.shiftKey ? onSelectionEnd(e) : undefined)}>
        {cardAfter === -1 ? card : null}
        {paragraphs.map((paragraph, index) =>
          paragraph.segments.length === 0 ? null : (
            <Fragment key={paragraph.start}>
              <p id={`p-${index}`} tabIndex={-1}>
                {paragraph.segments.map((segment) => {
                  if (segment.ids.length === 0)
                    return (
                      <span key={segment.start} data-start={segment.start}>
                        {segment.text}
                      </span>
                    )
                  // The innermost (shortest) claim decides the colour and what a click opens.
                  const inner = segment.ids
                    .map((id) => byId.get(id))
                    .filter((c): c is ClaimView => c !== undefined)
                    .sort((x, y) => (x.end ?? 0) - (x.start ?? 0) - ((y.end ?? 0) - (y.start ?? 0)))[0]
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
                        tabIndex={-1}
                        onClick={() => {
                          if (window.getSelection()?.isCollapsed === false) return
                          setPanel({ type: 'suggestion', id: suggested.id })
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
                      tabIndex={-1}
                      onClick={() => {
                        if (window.getSelection()?.isCollapsed !== false) openClaim(inner.id, false)
                      }}
                    >
                      {segment.text}
                    </mark>
                  )
                })}
              </p>
              {index === cardAfter ? card : null}
            </Fragment>
          ),
        )}
      </div>
      <section className="claims" aria-labelledby="claims-heading">
        <h2 id="claims-heading">Claims ({claims.length})</h2>
        {claims.length === 0 ? (
          <p className="muted">{canEdit ? 'No claims tagged yet: select words in the article to tag them.' : 'No claims tagged in this article yet.'}</p>
        ) : null}
        <ol>
          {claims
            .filter((c): c is ClaimView & { start: number } => c.start !== null)
            // In the order of the text, whenever each was tagged.
            .sort((a, b) => a.start - b.start)
            .map((claim) => (
              <li key={claim.id}>
                <span className={`kind kind-${claim.kind}`}>{claimKindLabel(claim.kind)}</span>{' '}
                <span>{claim.speaker?.name ?? claim.channel ?? 'unattributed'}</span>
                {claim.subject ? <span className="muted"> about {claim.subject.name}</span> : null}
                {claim.links.length > 0 ? (
                  <span className="muted small">
                    {' '}
                    · {claim.links.length} link{claim.links.length === 1 ? '' : 's'}
                  </span>
                ) : null}
                {/* Proposed links are confirmed in the claim's card: the list says where to look. */}
                {claim.proposals.length > 0 ? (
                  <span className="muted small">
                    {' '}
                    · {claim.proposals.length} proposed link{claim.proposals.length === 1 ? '' : 's'} to check
                  </span>
                ) : null}{' '}
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => openClaim(claim.id, true)}
                  aria-label={`Show claim in the text: ${claim.quote.slice(0, 60)}`}
                >
                  show
                </button>
                <blockquote>{claim.quote}</blockquote>
              </li>
            ))}
        </ol>
        {orphans.length > 0 ? (
          <section className="orphans" aria-labelledby="orphans-heading">
            <h3 id="orphans-heading">Orphans ({orphans.length})</h3>
            <p className="muted small">
              These claims’ words are no longer in the article’s text (it was re-extracted or corrected). They are kept, not moved onto other words.
            </p>
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
