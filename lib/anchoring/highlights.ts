// Cutting an article's body text into what the page renders: one <p> per paragraph, and in it
// runs of text each covered by the same set of claims, so that overlapping and nested claims
// become flat <mark>s (HTML cannot nest a highlight across another's boundary). Every offset is
// absolute in the full body text: the browser puts a segment's start on its element and maps a
// selection back to offsets in the stored text, which is what the selectors describe.
import { paragraphOffsets, type TextRange } from '../text/paragraphs'

export type Highlight = { id: string; start: number; end: number }
// ids: the highlights covering the whole segment, in the order they were given; empty for plain text.
export type Segment = { start: number; end: number; text: string; ids: string[] }
export type ParagraphSegments = { start: number; end: number; segments: Segment[] }

// A highlight that spans a paragraph break appears in each paragraph it touches, clipped to it.
// Empty paragraphs have no segments; empty highlights are ignored.
export function splitIntoSegments(
  text: string,
  highlights: readonly Highlight[],
  paragraphRanges: readonly TextRange[] = paragraphOffsets(text),
): ParagraphSegments[] {
  return paragraphRanges.map((paragraph) => ({ ...paragraph, segments: paragraphSegments(text, paragraph, highlights) }))
}

function paragraphSegments(text: string, paragraph: TextRange, highlights: readonly Highlight[]): Segment[] {
  const inside = highlights.filter((h) => h.start < h.end && h.start < paragraph.end && h.end > paragraph.start)
  // Every highlight edge inside the paragraph starts a new segment; between two edges the set of
  // covering highlights cannot change.
  const edges = new Set([paragraph.start, paragraph.end])
  for (const h of inside) {
    edges.add(Math.max(h.start, paragraph.start))
    edges.add(Math.min(h.end, paragraph.end))
  }
  const sorted = [...edges].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] ?? 0
    const end = sorted[i + 1] ?? start
    const ids = inside.filter((h) => h.start <= start && h.end >= end).map((h) => h.id)
    segments.push({ start, end, text: text.slice(start, end), ids })
  }
  return segments
}
