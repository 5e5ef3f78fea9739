// Fingerprints of an article body for deduplication.
// - Exact: SHA-256 of the normalised body.
// - Near-duplicate candidates: a 64-bit hash of every substantial paragraph (case, punctuation
//   and spacing folded). A wire story republished elsewhere, or lightly copy-edited, keeps most
//   paragraphs word for word, so articles sharing any of these hashes are found by one index
//   lookup. (SimHash was tried first: on 200-word news stories three small edits moved it 9 of
//   64 bits, beyond what banded lookups can find.)
// - Verification: a candidate must share most word 4-shingles of the shorter body
//   (containment), so a shared boilerplate paragraph never links unrelated articles.
import { createHash } from 'node:crypto'

const SHINGLE = 4
const TOKEN = /[\p{L}\p{N}]+/gu
// Shorter paragraphs ("Photo", "Reuters", a one-line quote) are too common to identify an article.
const MIN_FINGERPRINT_WORDS = 8

export const NEAR_DUPLICATE_CONTAINMENT = 0.8

export function bodyHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex')
}

function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? []
}

// The first 64 bits of SHA-256, as the signed value a BIGINT column holds.
function hash64(text: string): bigint {
  return createHash('sha256').update(text, 'utf8').digest().readBigInt64BE(0)
}

export function paragraphFingerprints(paragraphs: readonly string[]): bigint[] {
  const hashes = new Set<bigint>()
  for (const paragraph of paragraphs) {
    const tokens = words(paragraph)
    if (tokens.length >= MIN_FINGERPRINT_WORDS) hashes.add(hash64(tokens.join(' ')))
  }
  return [...hashes]
}

export function shingles(text: string): Set<string> {
  const tokens = words(text)
  const result = new Set<string>()
  if (tokens.length > 0 && tokens.length < SHINGLE) result.add(tokens.join(' '))
  for (let i = 0; i + SHINGLE <= tokens.length; i++) result.add(tokens.slice(i, i + SHINGLE).join(' '))
  return result
}

// How much of the shorter text's shingles the longer one contains: 1 for a text and any
// superset of it (a syndicated story with an extra paragraph), near 0 for unrelated texts.
export function containment(a: string, b: string): number {
  const sa = shingles(a)
  const sb = shingles(b)
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa]
  if (small.size === 0) return 0
  let shared = 0
  for (const s of small) if (large.has(s)) shared++
  return shared / small.size
}
