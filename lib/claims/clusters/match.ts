// Whether two claims in different articles state the same thing: the same allegation carried
// by two outlets (a syndicated copy, a paraphrase, a translation of the figures), or the same
// company statement quoted twice. Judged on content words, names and their acronyms, numbers,
// the company the claim is about and which side says it; never on the company's own name.
import type { ClaimKind } from '../kinds'
import { claimTerms, nearlySameName, type Terms } from './terms'

export type MatchableClaim = {
  quote: string
  kind: ClaimKind
  // The company the claim concerns: claims about different companies never match.
  subjectId: string | null
  // Its names (name and aliases), left out of the comparison.
  subjectNames: readonly string[]
}

// Allegations and reports are said about the company; statements and denials by it. A denial
// shares most words with the allegation it denies, and must not join its cluster.
export function sideOfKind(kind: ClaimKind): 'others' | 'company' | null {
  if (kind === 'allegation' || kind === 'report') return 'others'
  if (kind === 'statement' || kind === 'denial') return 'company'
  return null
}

// At or above this, two claims are one (measured on labelled pairs: scripts/eval-clusters.ts).
export const SAME_CLAIM_THRESHOLD = 0.42

function total(terms: Terms): number {
  let sum = 0
  for (const w of terms.weights.values()) sum += w
  return sum
}

// Weighted overlap of the two term sets, counting a misspelt name as its correct spelling.
function overlap(a: Terms, b: Terms): number {
  let shared = 0
  for (const [term, weight] of a.weights) {
    const other = b.weights.get(term)
    if (other !== undefined) shared += Math.min(weight, other)
  }
  for (const name of a.names) {
    if (b.names.has(name)) continue
    for (const candidate of b.names) {
      if (nearlySameName(name, candidate)) {
        shared += 2
        break
      }
    }
  }
  return shared
}

// 0…1: how much of the shorter claim the longer one says (a lede's allegation is often the
// shorter copy of a detailed one), tempered by how much the two share of both.
export function termSimilarity(a: Terms, b: Terms): number {
  const ta = total(a)
  const tb = total(b)
  if (ta === 0 || tb === 0) return 0
  const shared = overlap(a.weights.size <= b.weights.size ? a : b, a.weights.size <= b.weights.size ? b : a)
  const containment = Math.min(1, shared / Math.min(ta, tb))
  const dice = Math.min(1, (2 * shared) / (ta + tb))
  let score = (containment + dice) / 2
  // Both give figures and none agree: different claims ("fined $5m" / "fined $50m").
  if (a.numbers.size > 0 && b.numbers.size > 0 && ![...a.numbers].some((n) => b.numbers.has(n))) score *= 0.3
  return score
}

export function claimSimilarity(a: MatchableClaim, b: MatchableClaim): number {
  if (a.subjectId && b.subjectId && a.subjectId !== b.subjectId) return 0
  const side = sideOfKind(a.kind)
  if (!side || side !== sideOfKind(b.kind)) return 0
  const names = [...a.subjectNames, ...b.subjectNames]
  return termSimilarity(claimTerms(a.quote, names), claimTerms(b.quote, names))
}

export function sameClaim(a: MatchableClaim, b: MatchableClaim): boolean {
  return claimSimilarity(a, b) >= SAME_CLAIM_THRESHOLD
}
