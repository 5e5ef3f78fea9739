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

// How much of the stored context a candidate must still have around it, per side, for that side
// to agree. 32 characters of unrelated English resemble each other by about 0.28 (median), 0.47
// at the 99th percentile and 0.63 at the 99.9th (measured on the seed articles); a context that
// survived an edit scores near 1. A side below this contradicts the candidate. A side the
// selector does not give, or gives as whitespace only, is no evidence either way (see
// prefixEvidence): it never counts as agreement.
//
// What a candidate needs (contextConfirms), in the order the rules are tried:
//  - An edited quote needs both sides given and agreeing. Its words are no longer proof: "that 49
//    engineers had been asked" and "that 40 engineers had been asked" differ by one character,
//    and when the first is deleted the second, ending its sentence the same way, must not inherit
//    its claim.
//  - A distinctive verbatim quote (DISTINCTIVE_QUOTE_LENGTH) needs nothing more.
//  - At the stored position, verbatim words keep their claim when one side of their context is
//    untouched (identical to the stored one): nothing before or after them moved, so they are
//    the same words, and only the other side was edited (a sentence appended after the quote).
//    Words that merely slid onto the stored offset (an entry of the same length prepended to a
//    live blog) have both sides changed, the timestamp in "10:45 - " against "10:32 - ", and are
//    judged like any other occurrence.
//  - Anywhere else, verbatim words need every given side to agree: with one side matching and
//    the other not, they are more likely another speaker's identical words ("We never gave the
//    NSA access," the spokeswoman said) than the claim's, whose paragraph was deleted (issue 14).
//    A sentence inserted right before or after a quote therefore orphans it, unless the quote
//    stayed at its offset: an orphan is re-attached by an editor; a misquote is published.
//  - With a side not given (an import from a tool that gave none), the words and the side given
//    must single out one place: no other verbatim occurrence may be as consistent with them.
// Among the candidates so confirmed, the Hypothesis score picks one: context counts far more than
// the distance from the stored offset, so an occurrence whose context agrees better wins over the
// one sitting at the stored position.
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

// A side of context as evidence: how much of the stored context the text still has there (0..1),
// or null when the selector gives none for that side.
type Evidence = number | null

type Measured = Candidate & { quoteScore: number; prefix: Evidence; suffix: Evidence; atStoredPosition: boolean }

export type AnchorOptions = {
  // The selectors were made on a larger page of which `text` is an excerpt: an annotation made
  // with another tool on the live page, whose article is surrounded by a headline, navigation and
  // "Related articles". Context that reaches past the excerpt's ends is then unknown rather than
  // contradicted, and only its part inside the excerpt is compared (see prefixEvidence). Claimline's
  // own selectors are cut at the text's ends, so there a shortfall is a real difference.
  excerpt?: boolean
}

// Fewer characters than this left of a context inside an excerpt are no evidence: a closing
// quotation mark and a full stop agree with the end of almost any quote.
const MIN_EXCERPT_CONTEXT = 8

export function anchorTarget(text: string, target: readonly Selector[], options: AnchorOptions = {}): Anchor | null {
  const quote = target.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')
  const position = target.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')
  // Offsets alone cannot tell whether they still point at the same words; Claimline always stores
  // a quote (describeRange), so a target without one is not anchored rather than guessed.
  if (!quote || quote.exact.length === 0) return null
  const { exact } = quote
  const stored = position && text.slice(position.start, position.end) === exact ? position : undefined

  // The words at the stored offsets with the stored context around them: the text is unchanged
  // here, and no other occurrence can agree better. Anything less is weighed against the others.
  const excerpt = options.excerpt ?? false
  if (
    stored &&
    (prefixEvidence(text, stored.start, quote.prefix, excerpt) ?? 1) === 1 &&
    (suffixEvidence(text, stored.end, quote.suffix, excerpt) ?? 1) === 1
  ) {
    return { start: stored.start, end: stored.end, method: 'position', score: 1 }
  }

  const measured: Measured[] = []
  for (const candidate of findCandidates(text, exact, position?.start)) {
    const quoteScore = 1 - candidate.errors / exact.length
    if (quoteScore < MIN_QUOTE_SIMILARITY) continue
    const atStoredPosition = candidate.errors === 0 && candidate.start === stored?.start
    measured.push({
      ...candidate,
      quoteScore,
      atStoredPosition,
      prefix: prefixEvidence(text, candidate.start, quote.prefix, excerpt),
      suffix: suffixEvidence(text, candidate.end, quote.suffix, excerpt),
    })
  }
  const verbatim = measured.filter((c) => c.errors === 0)
  const consistent = verbatim.filter((c) => !contradicted(c)).length
  let best: Anchor | null = null
  for (const candidate of measured) {
    if (!contextConfirms(candidate, exact.length, verbatim.length, consistent)) continue
    const score = scoreOf(candidate, position?.start, text.length)
    if (!best || score > best.score)
      best = { start: candidate.start, end: candidate.end, method: candidate.atStoredPosition ? 'position' : candidate.errors === 0 ? 'quote' : 'fuzzy', score }
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

// The Hypothesis score (0..1). A side not given scores 1, as in Hypothesis: it is the same for
// every candidate, so it does not change which one wins.
function scoreOf(candidate: Measured, hint: number | undefined, textLength: number): number {
  // Clamped: a stored offset past the end of a shortened text must not make the score negative.
  const positionScore = hint === undefined ? 1 : Math.max(0, 1 - Math.abs(candidate.start - hint) / Math.max(1, textLength))
  const raw =
    QUOTE_WEIGHT * candidate.quoteScore + PREFIX_WEIGHT * (candidate.prefix ?? 1) + SUFFIX_WEIGHT * (candidate.suffix ?? 1) + POSITION_WEIGHT * positionScore
  return raw / MAX_SCORE
}

function agrees(side: Evidence): boolean {
  return side !== null && side >= MIN_CONTEXT_SIMILARITY
}

function contradicted(candidate: Measured): boolean {
  return [candidate.prefix, candidate.suffix].some((side) => side !== null && side < MIN_CONTEXT_SIMILARITY)
}

// The rules under MIN_CONTEXT_SIMILARITY, in its order. `consistent` counts the verbatim
// occurrences that no given side contradicts.
function contextConfirms(candidate: Measured, quoteLength: number, verbatimCount: number, consistent: number): boolean {
  const { prefix, suffix } = candidate
  if (candidate.errors > 0) return agrees(prefix) && agrees(suffix)
  if (quoteLength >= DISTINCTIVE_QUOTE_LENGTH && verbatimCount === 1) return true
  if (candidate.atStoredPosition && (prefix === 1 || suffix === 1)) return true
  if (contradicted(candidate)) return false
  if (prefix !== null && suffix !== null) return true
  return consistent === 1
}

// No evidence: a side the selector does not give (a target written elsewhere), or one of
// whitespace only. Another tool's context of a heading or a list item is often nothing but the
// page's indentation, which folds to a paragraph break and would "agree" with every paragraph
// start (issue 14). Claimline's own selectors never hold one: the stored text neither begins nor
// ends with whitespace, and has no more than a paragraph break of it in a row.
// An empty side is knowledge: describeRange writes it only when the quote began (or ended) the
// text, so only a candidate there agrees with it.
// Elsewhere the context is compared with the text where it should be, all of it: a context longer
// than the text left before the candidate (or after it) shows that the text there changed, unless
// the text is an excerpt of the annotated page (AnchorOptions).
function prefixEvidence(text: string, start: number, prefix: string | undefined, excerpt: boolean): Evidence {
  if (prefix === undefined || isWhitespace(prefix)) return null
  if (prefix.length === 0) return start === 0 ? 1 : 0
  const visible = excerpt ? Math.min(prefix.length, start) : prefix.length
  if (visible < prefix.length && visible < MIN_EXCERPT_CONTEXT) return null
  return similarity(text.slice(Math.max(0, start - visible), start), prefix.slice(prefix.length - visible))
}

function suffixEvidence(text: string, end: number, suffix: string | undefined, excerpt: boolean): Evidence {
  if (suffix === undefined || isWhitespace(suffix)) return null
  if (suffix.length === 0) return end === text.length ? 1 : 0
  const visible = excerpt ? Math.min(suffix.length, text.length - end) : suffix.length
  if (visible < suffix.length && visible < MIN_EXCERPT_CONTEXT) return null
  return similarity(text.slice(end, end + visible), suffix.slice(0, visible))
}

function isWhitespace(context: string): boolean {
  return context.length > 0 && context.trim().length === 0
}

// 1 - edit distance / length, between the expected context and the best-matching part of the
// text found where it should be. Allowing as many errors as the context has characters makes
// search() always report its best match.
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1
  if (actual.length === 0) return 0
  const [best] = search(actual, expected, expected.length)
  return best ? 1 - best.errors / expected.length : 0
}
