// Finding a claim's words again in an article's body text, as Hypothesis re-anchors an
// annotation (its match-quote.ts): the stored offsets first, which are exact while the text is
// unchanged; then the quote itself, its context telling repeated occurrences apart; then an
// approximate match that survives a copy edit inside the quote. Pure: no DOM, no database, so
// the server (re-extraction) and the browser (rendering highlights) run the same code.
//
// The rule above all: a claim is never moved onto other words. When the quote is gone, or the
// only look-alike sits in unrelated context, the answer is null and the claim becomes an orphan
// that an editor re-attaches by hand; a claim silently attached to the wrong sentence would
// misquote someone.
import search from 'approx-string-match'
import { describeRange, type Selector, type TextPositionSelector, type TextQuoteSelector } from './selectors'

export type Anchor = { start: number; end: number; method: 'position' | 'quote' | 'fuzzy'; score: number }

// Hypothesis's weights: the quote's own similarity counts most; the text before and after
// separates occurrences of the same words; the distance from the stored offset only breaks ties
// (offsets shift with any edit earlier in the text, so they are weak evidence).
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

// A match may differ from the quote by at most a quarter of its characters: one changed word in
// a clause, a collapsed space, a moved paragraph break. Beyond that it is more likely other words
// than an edit of these. The search bound (maxErrors) enforces this; 256 caps the cost, which
// grows with maxErrors / 32, for very long quotes.
export const MIN_QUOTE_SIMILARITY = 0.75
const MAX_ERRORS_CAP = 256

// How much of the stored context a candidate must still have around it, per side. 32 characters
// of unrelated English resemble each other by about 0.28 (median), 0.47 at the 99th percentile
// and 0.63 at the 99.9th (measured on the seed articles); a context that survived an edit scores
// near 1.
//  - A verbatim quote needs one side: a sentence inserted just before or after it does not orphan
//    it, and the side that stayed tells apart repeated words ("PRISM", "the company said").
//  - An edited quote needs both sides. Its words are no longer proof: "that 49 engineers had been
//    asked" and "that 40 engineers had been asked" differ by one character, and when the first is
//    deleted the second, ending its sentence the same way, must not inherit its claim.
export const MIN_CONTEXT_SIMILARITY = 0.6

// A verbatim quote this long (a sentence or more) that occurs exactly once is evidence on its
// own, and is found again even where both sides of its context changed (its paragraph moved).
// Shorter verbatim runs do recur in one article ("a company spokeswoman said on Tuesday that").
export const DISTINCTIVE_QUOTE_LENGTH = 100

// The stored offset is a hint: edits before the quote shift it. Approximate matches are also
// looked for this far around it, because the whole-text search reports only the matches with the
// fewest errors, and an unedited copy of the words elsewhere would hide the edited original.
const NEARBY_CHARS = 512

type Candidate = { start: number; end: number; errors: number }

export function anchorTarget(text: string, target: readonly Selector[]): Anchor | null {
  const quote = target.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')
  const position = target.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')
  // Offsets alone cannot tell whether they still point at the same words; Claimline always stores
  // a quote (describeRange), so a target without one is not anchored rather than guessed.
  if (!quote || quote.exact.length === 0) return null
  const { exact } = quote

  if (position && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end, method: 'position', score: 1 }
  }

  const candidates = findCandidates(text, exact, position?.start)
  const verbatimCount = new Set(candidates.filter((c) => c.errors === 0).map((c) => c.start)).size
  let best: Anchor | null = null
  for (const candidate of candidates) {
    const scored = scoreCandidate(text, quote, candidate, position?.start, verbatimCount)
    if (!scored) continue
    if (!best || scored.score > best.score) best = scored
  }
  return best
}

// Anchors the target, then describes the found words afresh, so that the stored selectors point
// at the current text and the next anchoring succeeds by position.
export function reanchorTarget(text: string, target: readonly Selector[]): { anchor: Anchor; target: [TextQuoteSelector, TextPositionSelector] } | null {
  const anchor = anchorTarget(text, target)
  if (!anchor) return null
  return { anchor, target: describeRange(text, anchor.start, anchor.end) }
}

function findCandidates(text: string, exact: string, hint: number | undefined): Candidate[] {
  const verbatim = exactOccurrences(text, exact)
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(exact.length / 4))
  // A quote under four characters allows no error: only its verbatim occurrences count.
  if (maxErrors === 0) return verbatim

  const candidates = [...verbatim]
  if (hint !== undefined) {
    // Verbatim copies in the window are blanked out (same length, so offsets hold): search()
    // reports only the fewest-errors matches, and a copy would hide the edited original.
    const from = Math.max(0, hint - NEARBY_CHARS)
    const to = Math.min(text.length, hint + exact.length + NEARBY_CHARS)
    const nearby = text.slice(from, to).replaceAll(exact, '\0'.repeat(exact.length))
    for (const match of search(nearby, exact, maxErrors)) {
      candidates.push({ start: from + match.start, end: from + match.end, errors: match.errors })
    }
  }
  // With a verbatim occurrence anywhere, the whole-text search would report only those, so it is
  // run only when there is none.
  if (verbatim.length === 0) candidates.push(...search(text, exact, maxErrors))
  return candidates
}

function exactOccurrences(text: string, exact: string): Candidate[] {
  const found: Candidate[] = []
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 })
  }
  return found
}

// The Hypothesis score (0..1), or null when the candidate is not good enough to be these words.
function scoreCandidate(text: string, quote: TextQuoteSelector, candidate: Candidate, hint: number | undefined, verbatimCount: number): Anchor | null {
  const quoteScore = 1 - candidate.errors / quote.exact.length
  if (quoteScore < MIN_QUOTE_SIMILARITY) return null
  const prefixScore = prefixSimilarity(text, candidate.start, quote.prefix)
  const suffixScore = suffixSimilarity(text, candidate.end, quote.suffix)
  if (!contextConfirms(candidate, quote.exact.length, verbatimCount, prefixScore, suffixScore)) return null

  // Clamped: a stored offset past the end of a shortened text must not make the score negative.
  const positionScore = hint === undefined ? 1 : Math.max(0, 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length))
  const raw = QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore
  return { start: candidate.start, end: candidate.end, method: candidate.errors === 0 ? 'quote' : 'fuzzy', score: raw / MAX_SCORE }
}

// The rules under MIN_CONTEXT_SIMILARITY and DISTINCTIVE_QUOTE_LENGTH.
function contextConfirms(candidate: Candidate, quoteLength: number, verbatimCount: number, prefixScore: number, suffixScore: number): boolean {
  if (candidate.errors > 0) return Math.min(prefixScore, suffixScore) >= MIN_CONTEXT_SIMILARITY
  if (quoteLength >= DISTINCTIVE_QUOTE_LENGTH && verbatimCount === 1) return true
  return Math.max(prefixScore, suffixScore) >= MIN_CONTEXT_SIMILARITY
}

// An absent prefix is unknown context (a target written elsewhere) and constrains nothing, as in
// Hypothesis. An empty one is knowledge: the quote began the text, so only a candidate at the
// start matches it.
function prefixSimilarity(text: string, start: number, prefix: string | undefined): number {
  if (prefix === undefined) return 1
  if (prefix.length === 0) return start === 0 ? 1 : 0
  return similarity(text.slice(Math.max(0, start - prefix.length), start), prefix)
}

function suffixSimilarity(text: string, end: number, suffix: string | undefined): number {
  if (suffix === undefined) return 1
  if (suffix.length === 0) return end === text.length ? 1 : 0
  return similarity(text.slice(end, end + suffix.length), suffix)
}

// 1 - edit distance / length, between the expected context and the best-matching part of the
// text found where it should be. Allowing as many errors as the context has characters makes
// search() always report its best match.
function similarity(actual: string, expected: string): number {
  if (actual.length === 0) return 0
  const [best] = search(actual, expected, expected.length)
  return best ? 1 - best.errors / expected.length : 0
}
