// Search snippets: PostgreSQL's ts_headline marks the matched words with two control
// characters (StartSel/StopSel, chosen by lib/queries/search.ts), which never occur in stored
// text (the query strips them from its input first). The marked string is parsed here into
// plain text plus the matched ranges, so that no markup from the database or the article ever
// reaches a page as HTML: the page renders the segments as text, and the JSON API sends the text
// with its ranges.
import { MATCH_START, MATCH_STOP } from '../queries/search'

// UTF-16 offsets into `text`, end exclusive, in order and not overlapping.
export type Highlight = { start: number; end: number }
export type Snippet = { text: string; highlights: Highlight[] }
export type SnippetSegment = { text: string; match: boolean }

// Anything else ts_headline emits is copied as it stands; a stray or unbalanced marker (which
// stripping the input makes impossible) is dropped rather than trusted.
export function parseHeadline(marked: string): Snippet {
  let text = ''
  let open: number | null = null
  const highlights: Highlight[] = []
  for (const part of marked.split(/([\u0001\u0002])/)) {
    if (part === MATCH_START) open = text.length
    else if (part === MATCH_STOP) {
      if (open !== null && text.length > open) highlights.push({ start: open, end: text.length })
      open = null
    } else text += part
  }
  return { text, highlights: mergeAdjacent(text, highlights) }
}

// ts_headline marks each word alone: "direct" and "access" for the phrase "direct access".
// Matches with nothing but spaces between them read as one.
function mergeAdjacent(text: string, highlights: Highlight[]): Highlight[] {
  const merged: Highlight[] = []
  for (const h of highlights) {
    const last = merged.at(-1)
    if (last && /^[^\S\n]*$/.test(text.slice(last.end, h.start))) last.end = h.end
    else merged.push({ ...h })
  }
  return merged
}

// With an ellipsis where the excerpt starts or ends inside its paragraph.
export function clipped(snippet: Snippet, cutBefore: boolean, cutAfter: boolean): Snippet {
  const prefix = cutBefore ? '… ' : ''
  return {
    text: `${prefix}${snippet.text}${cutAfter ? ' …' : ''}`,
    highlights: snippet.highlights.map((h) => ({ start: h.start + prefix.length, end: h.end + prefix.length })),
  }
}

// Plain and matched runs in reading order, for rendering as text nodes.
export function snippetSegments({ text, highlights }: Snippet): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  let at = 0
  for (const h of highlights) {
    const start = Math.max(at, Math.min(h.start, text.length))
    const end = Math.max(start, Math.min(h.end, text.length))
    if (start > at) segments.push({ text: text.slice(at, start), match: false })
    if (end > start) segments.push({ text: text.slice(start, end), match: true })
    at = end
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false })
  return segments
}
