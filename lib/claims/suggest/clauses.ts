// Clause arithmetic on raw sentence text: where the speaker's words start before a verb, where
// a reported clause ends, what stands between a verb and its clause. Offsets stay in the text.
import { ADVERBIAL_NOUNS, ADVERBIAL_PREPOSITIONS, ADVERBS, REPORTING_VERBS } from './lexicon'

const alt = (words: readonly string[]) => words.map((w) => w.replace(/[.-]/g, '\\$&')).join('|')

// What separates one clause from the next, looking left from a verb for its subject.
const LEFT_BOUNDARY = /(?:[,;:()[\]"“”]|[.!?]\s+(?=[A-Z])|\s[-–—]\s|\b(?:after|before|that|while|as|because|when|since|but|and|although|though|where|which|who|if|so|whether|than|until|once|amid|despite)\b)/gi

// Words that end a reported clause: a new clause joined by a conjunction, a second reporting
// verb ("… and asserted …"), the source ("…, according to …").
const CLAUSE_END = new RegExp(
  `(?:,\\s*(?:after|before|while|although|though|because|since|whereas|according to|adding|citing|saying|but|as)\\b|;|,?\\s+and\\s+that\\b|\\s+and\\s+(?:(?:also|later|has|had|then)\\s+)?(?:${alt(REPORTING_VERBS)})\\b|,\\s+(?:the\\s+)?[\\w'’.-]+(?:\\s+[\\w'’.-]+){0,5}\\s+(?:said|says|added|reported)\\s*[.,]?\\s*$)`,
  'i',
)

export function endOfClause(text: string, from: number): number {
  const rest = text.slice(from)
  const hit = CLAUSE_END.exec(rest)
  const end = hit ? from + hit.index : text.length
  return trimEnd(text, from, end)
}

// Trailing punctuation and quotation marks that close the sentence are not the claim's words.
export function trimEnd(text: string, from: number, end: number): number {
  let e = end
  while (e > from && /[\s.,;:"“”'’)\]…!?-]/.test(text[e - 1]!)) {
    // A closing quotation mark stays when its opening one is inside the clause.
    if (/["”]/.test(text[e - 1]!) && balancedQuotes(text.slice(from, e))) break
    e--
  }
  return e
}

function balancedQuotes(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length
  const open = (text.match(/“/g) ?? []).length
  const close = (text.match(/”/g) ?? []).length
  return straight % 2 === 0 && straight > 0 ? true : open > 0 && open === close
}

// The words just before `at` back to the last clause boundary: the subject of a verb there.
export function subjectBefore(text: string, at: number): { text: string; start: number } {
  let head = text.slice(0, at)
  // "Jane Roe, a spokeswoman for Acme, said" / "A Quantix lawyer, Helen Marsh, said": step
  // over the apposition to the noun phrase it describes, and keep both.
  const apposition = /,\s*([^,]{2,60}),\s*$/.exec(head)
  if (apposition) {
    const before = subjectBefore(text, apposition.index)
    if (before.text) return { text: `${before.text}, ${apposition[1]!.trim()}`, start: before.start }
    head = text.slice(0, at)
  }
  let start = 0
  for (const m of head.matchAll(LEFT_BOUNDARY)) start = m.index + m[0].length
  const words = head.slice(start)
  const lead = words.length - words.trimStart().length
  return { text: words.trim(), start: start + lead }
}

const ADVERB = new RegExp(`^,?\\s*(?:${alt(ADVERBS)})\\b\\s*,?`, 'i')
const ADVERBIAL = new RegExp(
  `^,?\\s*(?:${alt(ADVERBIAL_PREPOSITIONS)})\\s+(?:[\\w'’-]+\\s+){0,4}?(?:${alt(ADVERBIAL_NOUNS)})(?:\\s+(?:${alt(ADVERBIAL_NOUNS)}))*(?:['’]s)?\\b\\s*,?`,
  'i',
)
const OBJECT = /^\s*(?:(?:him|her|them|us|me|reporters|journalists|investors|analysts|lawmakers|employees|staff|shareholders|customers|parliament|congress)\b|(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:newspaper|agency|paper|committee|court|conference|meeting|audience|crowd|magazine|outlet|website|hearing|panel|regulators?|reporters?)\b|[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}(?=\s|,|$))\s*,?/

// After a reporting verb: skip "on Thursday", "in a statement", "told Reuters", "that".
export function clauseStart(text: string, from: number, verb: string): number {
  let at = from
  if (/^(?:told|tells)$/i.test(verb)) {
    const obj = OBJECT.exec(text.slice(at))
    if (obj) at += obj[0].length
  }
  for (let guard = 0; guard < 4; guard++) {
    const rest = text.slice(at)
    const m = ADVERB.exec(rest) ?? ADVERBIAL.exec(rest)
    if (!m) break
    at += m[0].length
  }
  const that = /^\s*,?\s*that\b\s*/i.exec(text.slice(at))
  if (that) at += that[0].length
  return at + (text.slice(at).length - text.slice(at).trimStart().length)
}
