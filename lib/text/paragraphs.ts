// The stored body is its normalised paragraphs joined by one blank line. Claim selectors are
// offsets into that text, and the page renders one <p> per paragraph, so every place that cuts a
// body into paragraphs cuts it here, the same way.
import { normalizeParagraph } from './normalize'

export const PARAGRAPH_SEPARATOR = '\n\n'

export type TextRange = { start: number; end: number }

// Empty paragraphs are dropped, so a stored body never holds two separators in a row.
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map(normalizeParagraph)
    .filter((p) => p.length > 0)
    .join(PARAGRAPH_SEPARATOR)
}

// The paragraphs as ranges of the full text; the separators between them belong to no
// paragraph. Text that was not joined here (an older body, an import) may hold three or more
// line breaks in a row: each separator is taken from the left, as String.split does, so the
// extra ones start the next paragraph.
export function paragraphOffsets(text: string): TextRange[] {
  const ranges: TextRange[] = []
  let start = 0
  for (let at = text.indexOf(PARAGRAPH_SEPARATOR); at !== -1; at = text.indexOf(PARAGRAPH_SEPARATOR, start)) {
    ranges.push({ start, end: at })
    start = at + PARAGRAPH_SEPARATOR.length
  }
  ranges.push({ start, end: text.length })
  return ranges
}

export function splitParagraphs(body: string): string[] {
  return paragraphOffsets(body).map((range) => body.slice(range.start, range.end))
}
