// Name normalisation shared by entity resolution and the eval: "The Washington Post" and
// "Washington Post", "Walt Disney Co." and "Walt Disney", "Microsoft's" and "Microsoft" compare
// equal. Acronyms are compared by the initials of a name's capitalised words ("PG&E" and
// "Pacific Gas & Electric").
import { COMPANY_SUFFIXES } from './lexicon'

// Patterns the per-token rules test, compiled once: a literal in a function body is a new
// RegExp object each time it is evaluated.
const CURLY_APOSTROPHES = /[’‘]/g
const SPACES = /\s+/g
const ARTICLE = /^(?:the|a|an)\s+/i
const POSSESSIVE = /'s?$/i
const TRAILING_PUNCT = /[.,;:]+$/
const SUFFIX = new RegExp(`(?:,?\\s+(?:${COMPANY_SUFFIXES.join('|')})\\.?)+$`, 'i')

// Names repeat within and across articles: normalised once each (the cache is bounded).
const cache = new Map<string, string>()

export function normalizeName(name: string): string {
  const hit = cache.get(name)
  if (hit !== undefined) return hit
  if (cache.size > 50_000) cache.clear()
  const key = normalize(name)
  cache.set(name, key)
  return key
}

function normalize(name: string): string {
  return name
    .normalize('NFKC')
    .replace(CURLY_APOSTROPHES, "'")
    .replace(SPACES, ' ')
    .trim()
    .replace(ARTICLE, '')
    .replace(POSSESSIVE, '')
    .replace(TRAILING_PUNCT, '')
    .replace(SUFFIX, '')
    .toLowerCase()
}

export function lastWord(name: string): string {
  const words = normalizeName(name).split(' ')
  return words[words.length - 1] ?? ''
}

// "PG&E" → "pge"; "U.S." → "us".
export function acronymKey(word: string): string | null {
  const letters = word.replace(/[&.]/g, '')
  return /^[A-Z]{2,6}s?$/.test(letters) ? letters.replace(/s$/, '').toLowerCase() : null
}

const MINOR = new Set(['of', 'for', 'and', 'the', '&', 'de', 'du', 'des', 'la', 'le', 'on', 'in'])

// The initials of every run of two or more capitalised words in a name, so that "CDC" matches
// "Chinese Center for Disease Control and Prevention" and "PGE" "Pacific Gas & Electric".
export function initialsOf(name: string): Set<string> {
  const words = name.split(/[\s-]+/).filter((w) => w && !MINOR.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
  const out = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    let initials = ''
    for (let j = i; j < words.length; j++) {
      initials += words[j]![0]!.toLowerCase()
      if (j > i) out.add(initials)
    }
  }
  return out
}
