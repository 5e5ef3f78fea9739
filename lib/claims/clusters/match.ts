// Whether two claims in different articles state the same thing: the same allegation carried
// by two outlets (a syndicated copy, a paraphrase, a translation of the figures), or the same
// company statement quoted twice. Judged on content words, names and their acronyms, numbers,
// the company the claim is about and which side says it; never on the company's own name.
import type { ClaimKind } from '../kinds'
import { claimTerms, nearlySameName, placeAndPeople, type Terms } from './terms'

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

// A claim this light (in weighted terms) is too short for "all its words are in the other" to
// mean much: "the former mayor of Port Ellery" is inside many claims it is not.
const FULL_CLAIM_MASS = 4
// Below this much substance a claim is a stock non-answer ("declined to comment", "denied
// wrongdoing") and matches nothing.
const MIN_SUBSTANCE = 2
// Both give figures and none agree: different claims ("fined $5m" / "fined $50m").
const OTHER_FIGURES = 0.3
// The same words negated in one claim only ("provides data" / "does not provide data"), or a
// speaker who condemns (or praises) what the other only states: below the threshold even when
// every other word agrees, yet still ranked by how much they share.
const OPPOSITE_POLARITY = 0.35
const OTHER_STANCE = 0.35
// The two share no name, and one names two or more things the other never mentions ("Outlook",
// "Skype"): their shared words are the story's background ("US security agencies"), not one
// claim. Countries and their people are background too.
const OTHER_SPECIFICS = 0.6
const BACKGROUND_NAMES = new Set([
  'us',
  'usa',
  'america',
  'american',
  'americans',
  'uk',
  'britain',
  'british',
  'eu',
  'europe',
  'european',
  'china',
  'chinese',
  'russia',
  'russian',
  'india',
  'indian',
  'japan',
  'japanese',
  'germany',
  'german',
  'france',
  'french',
  'canada',
  'canadian',
  'australia',
  'australian',
  'united states',
  'united kingdom',
  'european union',
])

function total(terms: Terms): number {
  let sum = 0
  for (const w of terms.weights.values()) sum += w
  return sum
}

// A name one claim spells out and the other gives as its acronym ("National Security Agency" /
// "NSA"), at the lesser of the two weights.
function acronymOverlap(a: Terms, b: Terms): number {
  let shared = 0
  for (const [acronym, weight] of a.acronyms) {
    const other = b.weights.get(acronym)
    if (other !== undefined && !a.weights.has(acronym)) shared += Math.min(weight, other)
  }
  return shared
}

// Weighted overlap of the two term sets, counting a misspelt name as its correct spelling, a
// place as its people and a name as its acronym.
function overlap(a: Terms, b: Terms): number {
  let shared = acronymOverlap(a, b) + acronymOverlap(b, a)
  for (const [term, weight] of a.weights) {
    const other = b.weights.get(term)
    if (other !== undefined) shared += Math.min(weight, other)
  }
  for (const name of a.names) {
    if (b.names.has(name)) continue
    for (const candidate of b.names) {
      if (nearlySameName(name, candidate) || placeAndPeople(name, candidate)) {
        shared += 2
        break
      }
    }
  }
  return shared
}

// 0…1: how much of the shorter claim the longer one says (a lede's allegation is often the
// shorter copy of a detailed one), tempered by how much the two share of both; the more so the
// shorter the shorter one is.
export function termSimilarity(a: Terms, b: Terms): number {
  const ta = total(a)
  const tb = total(b)
  if (ta === 0 || tb === 0) return 0
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a]
  const shared = overlap(small, large)
  const containment = Math.min(1, shared / Math.min(ta, tb))
  const dice = Math.min(1, (2 * shared) / (ta + tb))
  const trust = Math.min(1, total(small) / FULL_CLAIM_MASS)
  let score = dice + (trust * (containment - dice)) / 2
  if (a.numbers.size > 0 && b.numbers.size > 0 && ![...a.numbers].some((n) => b.numbers.has(n))) score *= OTHER_FIGURES
  return score
}

function nameShared(name: string, other: Terms): boolean {
  if (other.names.has(name) || other.weights.has(name)) return true
  for (const candidate of other.names) if (nearlySameName(name, candidate)) return true
  return false
}

// A thing is named in the other claim by any of its words, or by its acronym ("NSA" for
// "National Security Agency") either way round.
function thingShared(words: readonly string[], other: Terms): boolean {
  if (words.some((w) => nameShared(w, other))) return true
  if (words.length > 1 && other.weights.has(words.map((w) => w[0]).join(''))) return true
  return words.length === 1 && other.acronyms.has(words[0]!)
}

// How far apart the two are in what they name (see OTHER_SPECIFICS). A name of several words
// is one thing: "the State Department" alone does not make a claim more specific than its copy.
function specificsAgree(a: Terms, b: Terms): number {
  const specific = (t: Terms) => t.things.filter((words) => !BACKGROUND_NAMES.has(words.join(' ')))
  const [na, nb] = [specific(a), specific(b)]
  if (na.some((w) => thingShared(w, b)) || nb.some((w) => thingShared(w, a))) return 1
  return na.length >= 2 || nb.length >= 2 || (na.length > 0 && nb.length > 0) ? OTHER_SPECIFICS : 1
}

// Whether the two say their shared words the same way round: a shared term negated in one only,
// or a speaker who condemns or praises what the other states.
function sameDirection(a: Terms, b: Terms): number {
  let factor = 1
  const oneWay = (x: Terms, y: Terms, term: string) => x.negated.has(term) && !y.negated.has(term) && !y.looselyNegated.has(term)
  for (const term of a.weights.keys()) {
    if (b.weights.has(term) && (oneWay(a, b, term) || oneWay(b, a, term))) {
      factor *= OPPOSITE_POLARITY
      break
    }
  }
  if (a.stance !== b.stance) factor *= OTHER_STANCE
  return factor
}

export function claimSimilarity(a: MatchableClaim, b: MatchableClaim): number {
  if (a.subjectId && b.subjectId && a.subjectId !== b.subjectId) return 0
  const side = sideOfKind(a.kind)
  if (!side || side !== sideOfKind(b.kind)) return 0
  const names = [...a.subjectNames, ...b.subjectNames]
  const ta = claimTerms(a.quote, names)
  const tb = claimTerms(b.quote, names)
  if (ta.substance < MIN_SUBSTANCE || tb.substance < MIN_SUBSTANCE) return 0
  return termSimilarity(ta, tb) * sameDirection(ta, tb) * specificsAgree(ta, tb)
}

// Word overlap whatever the sides: how closely an answer takes up an allegation's words.
export function contentSimilarity(a: MatchableClaim, b: MatchableClaim): number {
  if (a.subjectId && b.subjectId && a.subjectId !== b.subjectId) return 0
  const names = [...a.subjectNames, ...b.subjectNames]
  return termSimilarity(claimTerms(a.quote, names), claimTerms(b.quote, names))
}

export function sameClaim(a: MatchableClaim, b: MatchableClaim): boolean {
  return claimSimilarity(a, b) >= SAME_CLAIM_THRESHOLD
}
