// Text normalisation for stored article bodies. Claim selectors are character offsets into
// the stored text, so this must be deterministic; any change to it is a new
// NORMALIZATION_VERSION, and articles stored under an older one are re-anchored.
export const NORMALIZATION_VERSION = 1

// Unicode space separators, no-break spaces and tabs; not newlines, which separate paragraphs.
// Each run of them becomes one space. A lone space is left out of the expression (a run of
// two or more, or one other space character): it would be replaced by itself, and matching
// it rebuilt every string space by space.
const SPACES = /[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]{2,}|[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g

// NFKC folds compatibility characters (ligatures, full-width forms, no-break spaces) into
// their plain forms so that quotes typed by an editor match the stored text.
export function normalizeParagraph(text: string): string {
  return nfkc(text).replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim()
}

const NON_ASCII = /[^\x00-\x7f]/

// NFKC leaves ASCII as it is; most English text is, and skipping ICU for it saves a tenth of
// extraction time.
export function nfkc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC') : text
}

// For comparing text that came from different places: also folds line breaks.
export function normalizeForComparison(text: string): string {
  return normalizeParagraph(text.replace(/\s+/g, ' '))
}
