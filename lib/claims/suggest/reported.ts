// Reported speech and reports by others: "X said (that) …", "the Post reported …", "leaked
// documents suggested …", "… reportedly …", "according to …", "X denied …". The claim is the
// reported clause, without "X said that" (denials keep their verb: the clause alone would read
// as the opposite), cut where the next clause begins.
import { clauseStart, endOfClause, subjectBefore, trimEnd } from './clauses'
import { DENIAL_VERBS, HEARSAY_ADVERBS, REPORT_VERBS, REPORTING_VERBS } from './lexicon'
import { tagsOf, type Sentence } from './sentences'
import type { Candidate } from './types'

const VERBS = new RegExp(`\\b(${REPORTING_VERBS.join('|')})\\b`, 'g')
const DENIAL = new Set(DENIAL_VERBS)
const REPORT = new Set(REPORT_VERBS)
// Base forms ("say", "show") are reporting verbs only after a plural subject, not after a
// modal or "to" ("what companies can say", "to assert").
const NOT_BEFORE_BASE = /\b(?:to|can|could|would|will|should|may|might|must|did|does|do|not|what|cannot|won't|didn't|doesn't|don't|let|make|help)\s*$/i
const BASE_FORMS = new Set(['say', 'allege', 'suggest', 'show', 'reveal', 'deny'])
// A clause says something: it does not open with a preposition or an infinitive.
const NOT_A_CLAUSE = /^(?:to|of|about|for|with|by|in|on|at|as|and|or|but|nothing|so|:|["“])\b|^[:"“]/i
const HEARSAY = new RegExp(`\\b(${HEARSAY_ADVERBS.join('|')})\\b`, 'i')
const ACCORDING = /\baccording to\s+([^,;]+?)(?=\s*(?:[,;]|\.\s*$|$))/i
const INVERTED_SOURCE = /,\s+((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s+(?:said|say|says|reported)\s*[.]?\s*["”]?$/
const SENTENCE_ACCORDING = /^According to\s+([^,]+),\s*/

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length
const inside = (at: number, ranges: readonly [number, number][]) => ranges.some(([a, b]) => a < at && at < b)

// "Microsoft made no mention …, and denied …": no subject before the verb, so it is the
// sentence's subject, the words before its first verb (after a dateline or an opening phrase).
function sentenceSubject(sentence: Sentence): { text: string; start: number } | null {
  const firstVerb = tagsOf(sentence).find((w) => w.tags.has('Verb'))
  if (!firstVerb) return null
  const subject = subjectBefore(sentence.text, firstVerb.start - sentence.start)
  return subject.text ? subject : null
}

// A finite verb among the first words after the reporting verb: "(said) it provides …".
function startsClause(sentence: Sentence, at: number): boolean {
  const words = tagsOf(sentence).filter((w) => w.start >= at).slice(0, 12)
  return words.some((w, i) => i > 0 && (w.tags.has('Verb') || w.tags.has('Auxiliary') || w.tags.has('Copula')) && !w.tags.has('Gerund') && !w.tags.has('Infinitive'))
}

// "…, people familiar with the matter said." / "…, the European Commission said.": the
// speaker follows the clause, which runs from the sentence start to that comma.
function invertedClause(sentence: Sentence, verbAt: number, verb: string): Candidate | null {
  if (!/^(?:said|says|added|reported|alleged|told)$/.test(verb)) return null
  const head = sentence.text.slice(0, verbAt)
  const comma = head.lastIndexOf(', ')
  if (comma < 0) return null
  const speaker = head.slice(comma + 2).trim()
  if (!speaker || speaker.split(/\s+/).length > 6) return null
  const opening = /^(?:[A-Z][A-Z .'’-]+(?:\([^)]*\))?\s*[-–—]\s*)?(?:(?:In|On|At|After|Last|Earlier)\b[^,]*,\s*)?/.exec(head)?.[0] ?? ''
  const end = trimEnd(sentence.text, opening.length, comma)
  if (wordCount(sentence.text.slice(opening.length, end)) < 4) return null
  return {
    kind: verb === 'reported' || verb === 'alleged' ? 'allegation' : 'statement', start: sentence.start + opening.length, end: sentence.start + end,
    speakerText: speaker, speakerAt: sentence.start + comma + 2, confidence: 0.7, rule: 'reported-inverted',
  }
}

function reportedSpeech(sentence: Sentence, quoted: readonly [number, number][]): Candidate[] {
  const out: Candidate[] = []
  const text = sentence.text
  let previous: { text: string; start: number } | null = null
  for (const m of text.matchAll(VERBS)) {
    const verb = m[1]!.toLowerCase()
    const at = sentence.start + m.index
    if (inside(at, quoted)) continue
    if (BASE_FORMS.has(verb) && NOT_BEFORE_BASE.test(text.slice(0, m.index))) continue
    // Attribution of a direct quote (`," said Smith` or `said: "`): the quote rule's.
    if (/["”]\s*,?\s*(?:[\w'’.-]+\s+){0,5}$/.test(text.slice(0, m.index)) && /["”]/.test(text.slice(0, m.index))) continue
    const afterVerb = m.index + m[0].length
    const isDenial = DENIAL.has(verb)
    const from = isDenial ? m.index : clauseStart(text, afterVerb, verb)
    const clauseFrom = isDenial ? clauseStart(text, afterVerb, verb) : from
    const rest = text.slice(clauseFrom)
    if (!/\w/.test(rest)) {
      const inverted = invertedClause(sentence, m.index, verb)
      if (inverted) out.push(inverted)
      continue
    }
    if (NOT_A_CLAUSE.test(rest.trim())) continue
    // Without "that", what follows must read as a clause (a verb within its first words), not an
    // object: "warned the retailer about …", "confirmed the deal".
    const hasThat = /\bthat\s*$/i.test(text.slice(0, clauseFrom))
    if (!isDenial && !hasThat && !startsClause(sentence, sentence.start + clauseFrom)) continue
    let end = endOfClause(text, clauseFrom)
    const quote = /^["“]/.test(rest) ? rest.indexOf(rest[0] === '“' ? '”' : '"', 1) : -1
    // A whole quotation after the verb belongs to the quote rule.
    if (quote >= 0 && clauseFrom + quote + 1 >= end - 1) continue
    end = trimEnd(text, from, end)
    if (wordCount(text.slice(from, end)) < (isDenial ? 2 : 4)) continue
    let subject = subjectBefore(text, m.index)
    subject = { text: subject.text.replace(/\s+(?:has|had|have|also|previously|repeatedly|flatly|strongly|publicly|had previously|later)$/i, ''), start: subject.start }
    // "X said A and asserted B": the second verb has the first one's subject.
    if (!subject.text || /^(?:also|has|had|have)$/i.test(subject.text)) subject = previous ?? sentenceSubject(sentence) ?? subject
    if (!subject.text) continue
    previous = subject
    const base = {
      kind: isDenial ? 'denial' : REPORT.has(verb) ? 'allegation' : 'statement',
      speakerText: subject.text,
      speakerAt: sentence.start + subject.start,
      confidence: 0.8,
      rule: isDenial ? 'denial-verb' : REPORT.has(verb) ? 'report-verb' : 'reported-speech',
    } as const
    out.push({ ...base, start: sentence.start + from, end: sentence.start + end })
    // "X said A and that B": B is a second claim by the same speaker.
    const second = /,?\s+and\s+that\s+/i.exec(text.slice(end))
    if (second && second.index === 0) {
      const from2 = end + second[0].length
      const end2 = endOfClause(text, from2)
      if (wordCount(text.slice(from2, end2)) >= 3) out.push({ ...base, start: sentence.start + from2, end: sentence.start + end2 })
    }
  }
  return out
}

// "… reportedly …" and "…, according to X": someone else's account. The span is the clause
// with the adverb (from its subject), or the sentence less the "according to" phrase.
function hearsay(sentence: Sentence, quoted: readonly [number, number][]): Candidate[] {
  const text = sentence.text
  const opening = SENTENCE_ACCORDING.exec(text)
  const according = opening ? null : ACCORDING.exec(text)
  const adverb = HEARSAY.exec(text)
  if (!opening && !according && !adverb) return []
  if (adverb && inside(sentence.start + adverb.index, quoted)) return []
  let from = 0
  let end = text.length
  if (opening) from = opening[0].length
  if (adverb) {
    from = subjectBefore(text, adverb.index).start
    end = endOfClause(text, adverb.index + adverb[0].length)
  } else if (according) {
    end = according.index
  }
  end = trimEnd(text, from, end)
  if (wordCount(text.slice(from, end)) < 4) return []
  const inverted = INVERTED_SOURCE.exec(text)
  const source = opening?.[1] ?? according?.[1] ?? inverted?.[1] ?? null
  const sourceAt = source ? sentence.start + text.indexOf(source) : sentence.start + from
  return [{
    kind: 'allegation', start: sentence.start + from, end: sentence.start + end, speakerText: source, speakerAt: sourceAt,
    confidence: source ? 0.8 : 0.65, rule: adverb ? `hearsay-${adverb[1]!.toLowerCase()}` : 'according-to',
  }]
}

export function reportedCandidates(sentences: readonly Sentence[], quoted: readonly [number, number][]): Candidate[] {
  return sentences.flatMap((s) => [...reportedSpeech(s, quoted), ...hearsay(s, quoted)])
}
