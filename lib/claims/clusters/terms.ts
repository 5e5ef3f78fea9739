// A claim's words as the matcher compares them: content words stemmed (so "denied" meets
// "denies"), names and their acronyms as one term ("National Security Agency" = "NSA"), "U.S."
// as "us", numbers kept apart. Function words, attribution frames ("said", "reported") and the
// company the claim is about are left out: two claims about one company share its name whether
// or not they say the same thing. Pure and linear in the quote.
import { stemmer } from 'stemmer'

export type Terms = {
  // term → weight: names, acronyms and numbers count double, being what tells stories apart.
  weights: Map<string, number>
  // Numbers as written without separators ("1,200" → "1200"): claims with different figures differ.
  numbers: Set<string>
  // Names as written, lower-cased and unstemmed, for spotting a misspelt name (PRISM / PEISM).
  names: Set<string>
}

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves
  said says say saying told tell tells reported reports report reportedly according claimed claims alleged allegedly stated statement added asked noted wrote writes written per via one ones two mr mrs ms dr`.split(/\s+/),
)

// Within a run of capitalised words these do not break the name ("Bank of America").
const NAME_JOINERS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'la', '&'])

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu

function fold(text: string): string {
  return text.normalize('NFKC').replace(/[‘’]/g, "'")
}

// "directly" → "direct": Porter keeps adverbs apart from their adjectives, which paraphrases
// swap freely.
function stem(word: string): string {
  const base = word.length > 6 && word.endsWith('ly') ? word.slice(0, -2) : word
  return stemmer(base)
}

function normaliseToken(raw: string): string {
  // "U.S." → "us", "Co." → "co", possessives dropped.
  return raw.replace(/['’]s$/i, '').replace(/\./g, '').replace(/['’]/g, '').toLowerCase()
}

const isCapitalised = (raw: string) => /^\p{Lu}/u.test(raw)
const isAcronym = (raw: string) => /^(?:\p{Lu}\.?){2,}$/u.test(raw.replace(/&/g, ''))

export function claimTerms(quote: string, subjectNames: readonly string[] = []): Terms {
  const subjectWords = new Set(subjectNames.flatMap((name) => [...fold(name).matchAll(WORD)].map((m) => normaliseToken(m[0]))))
  const weights = new Map<string, number>()
  const numbers = new Set<string>()
  const names = new Set<string>()
  const add = (term: string, weight: number) => {
    if (term.length < 2 || STOPWORDS.has(term) || subjectWords.has(term)) return
    weights.set(term, Math.max(weights.get(term) ?? 0, weight))
  }
  const tokens = [...fold(quote).matchAll(WORD)].map((m) => ({ raw: m[0].replace(/[.'’-]+$/, ''), at: m.index ?? 0 }))
  let run: string[] = []
  const closeRun = () => {
    // A name of two or more capitalised words also stands for its acronym.
    const initials = run.filter((w) => !NAME_JOINERS.has(w.toLowerCase())).map((w) => w[0]?.toLowerCase() ?? '')
    if (initials.length >= 2) add(initials.join(''), 2)
    run = []
  }
  tokens.forEach(({ raw }, i) => {
    const token = normaliseToken(raw)
    if (!token) return
    if (/\d/.test(token)) {
      const number = token.replace(/[,\s]/g, '')
      numbers.add(number)
      add(number, 2)
      closeRun()
      return
    }
    // A capital at the very start says nothing; anywhere else it marks a name.
    const name = (isCapitalised(raw) && i > 0) || isAcronym(raw)
    if (name) {
      run.push(raw)
      if (!subjectWords.has(token) && token.length >= 3) names.add(token)
    } else if (!(run.length > 0 && NAME_JOINERS.has(token))) {
      closeRun()
    }
    if (STOPWORDS.has(token)) return
    add(isAcronym(raw) ? token : stem(token), name ? 2 : 1)
  })
  closeRun()
  return { weights, numbers, names }
}

// Two spellings of one name: one letter changed, added or dropped, in a name of five letters
// or more ("PEISM" for "PRISM"). Shorter names differ too easily by one letter.
export function nearlySameName(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  let j = 0
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++
  return a.length - i - j <= 1 && b.length - i - j <= 1
}
