// Answer links: for each company statement or denial, the allegation or report in the same
// article that it answers, with a relation (denies / responds_to / confirms) and a confidence.
//
// What an editor links (read off the dev labels, never one article's wording):
// - an answer usually follows what it answers, and answers the nearest claim of the others' side
//   before it: a run of company claims with no other voice in between (a spokeswoman's three
//   paragraphs after the charge) answers the charge that opened the run, however long the run;
// - it shares rare words with it ("inquiry", "attorney general"), and a denial's negated words
//   are the charge's words ("does not allow … access" against "allowed … to circumvent");
// - the article's central allegation (in its lede, or restated later) is what a denial or a
//   defence answers when nothing nearer says otherwise; of two statements of one allegation the
//   later one, nearer the answer, is taken;
// - how sure a link must be depends on the answer: a denial, a "declined to comment" and words
//   framed as a reply ("in response", "defended", "But the company says") almost always answer
//   something; a company's other statements only when the charge is close and shares words.
// Scores add these cues and are compared with a threshold per kind of answer. Bounded: a window
// of claims before each answer, never every pair in a long text.
import type { Doc } from './text'
import type { AnswerLink, Suggestion } from './types'

// Patterns the per-token rules test, compiled once: a literal in a function body is a new
// RegExp object each time it is evaluated.
const POSSESSIVE_S = /['’]s$/
const SUFFIX = /(?:ing|ed|es|s|ly)$/
const STOP = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'that',
  'this',
  'these',
  'those',
  'it',
  'its',
  'they',
  'them',
  'their',
  'we',
  'our',
  'us',
  'he',
  'she',
  'his',
  'her',
  'him',
  'i',
  'my',
  'me',
  'you',
  'your',
  'not',
  'no',
  'so',
  'if',
  'than',
  'then',
  'there',
  'here',
  'what',
  'which',
  'who',
  'whom',
  'when',
  'where',
  'why',
  'how',
  'all',
  'any',
  'some',
  'more',
  'most',
  'other',
  'such',
  'only',
  'also',
  'just',
  'very',
  'into',
  'about',
  'over',
  'after',
  'before',
  'said',
  'says',
  'say',
  'told',
  'one',
  'two',
  'new',
  'last',
  'first',
  'year',
  'years',
  'time',
  'now',
  'even',
  'still',
  'because',
  'while',
])

const stem = (w: string) => w.replace(POSSESSIVE_S, '').replace(SUFFIX, '')
const keep = (w: string) => w.length >= 3 && !STOP.has(w)

// Weights of the cues a candidate link adds up (see the header).
const W = {
  nearest: 0.35,
  second: 0.15,
  sim: 1,
  alleg: 0.1,
  central: 0.35,
  after: 0.75,
  sameSentence: 0.2,
  sameParagraph: 0.15,
  nextParagraph: 0.1,
  twoParagraphs: 0.05,
}
// The score a link needs, by the kind of answer.
const NEEDS = { firm: 0.3, framed: 0.5, plain: 0.6 }
// A denial answering a second allegation must share words with it.
const EXTRA = { score: 0.35, sim: 0.1 }
// Claims of the others' side before an answer that stay candidates, and how far after it.
const MAX_RANK = 8
const AFTER_SENTENCES = 3
const LEDE_SENTENCES = 3
// Two charges this similar are one allegation stated twice.
const RESTATED = 0.3

// "declined to comment", "would not disclose …", "did not respond to …": an answer to the claim
// just before, whatever its words.
const NO_COMMENT =
  /^(?:(?:it|he|she|they|we)\s+)?(?:has\s+|had\s+)?(?:declined|refused|would\s+not|wouldn['’]t|did\s+not|didn['’]t|could\s+not|couldn['’]t|has\s+not|hasn['’]t|did\s+not\s+immediately)\s+(?:immediately\s+)?(?:to\s+)?(?:comment|disclose|respond|reply|confirm|discuss|elaborate|say|answer)\b|^(?:had\s+)?no\s+(?:immediate\s+)?comment\b/i
// Words around the answer (in its sentence, before it) that frame it as a reply.
const REPLY_FRAME =
  /\b(?:in\s+(?:a\s+)?response|respond(?:ed|ing|s)?\s+to|in\s+reply|repl(?:ied|ying)\s+to|defend(?:ed|ing|s)?|hit(?:ting)?\s+back|rebut(?:ted|ting|s)?|counter(?:ed|ing|s)|dismiss(?:ed|ing|es)|reject(?:ed|ing|s)|push(?:ed|ing)?\s+back|insist(?:ed|ing|s)?|maintain(?:ed|ing|s)?|disput(?:ed|ing|es)|in\s+(?:its|their|his|her)\s+defen[cs]e)\b/i
const CONTRAST_OPENING = /^\W*(?:but|however|yet|still|in\s+fact)\b/i

type Item = { s: Suggestion; index: number; sentence: number; paragraph: number; words: Set<string>; weight: number }
type Scored = { to: Item; score: number; sim: number }

// The article's words: stems per token and how rare each is across its sentences.
class Vocabulary {
  private readonly stemOf: string[]
  private readonly df = new Map<string, number>()
  private readonly n: number

  constructor(private readonly doc: Doc) {
    // Word stems per token, once; a sentence's and a claim's words are read off them, and how
    // rare each is across the article's sentences.
    const tokens = doc.tokens
    const stemOf: string[] = new Array<string>(tokens.length)
    // A word's stem once per article: most words come back many times.
    const stems = new Map<string, string>()
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.type !== 'word') {
        stemOf[i] = ''
        continue
      }
      let st = stems.get(t.lower)
      if (st === undefined) {
        st = keep(t.lower) ? stem(t.lower) : ''
        stems.set(t.lower, st)
      }
      stemOf[i] = st
    }
    this.stemOf = stemOf
    const seen = new Set<string>()
    for (const s of doc.sentences) {
      seen.clear()
      for (let i = s.first; i <= s.last; i++) if (stemOf[i]) seen.add(stemOf[i]!)
      seen.forEach((w) => this.df.set(w, (this.df.get(w) ?? 0) + 1))
    }
    this.n = Math.max(1, doc.sentences.length)
  }

  idf(w: string): number {
    return Math.log(1 + this.n / (this.df.get(w) ?? 1))
  }

  wordsOf(start: number, end: number): Set<string> {
    const tokens = this.doc.tokens
    const out = new Set<string>()
    let lo = 0
    let hi = tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tokens[mid]!.start < start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < tokens.length && tokens[i]!.end <= end; i++) if (this.stemOf[i]) out.add(this.stemOf[i]!)
    return out
  }

  // How much of two claims' rare words they share (cosine over idf-weighted word sets).
  similarity(x: Item, y: Item): number {
    let shared = 0
    const small = x.words.size <= y.words.size ? x.words : y.words
    const large = small === x.words ? y.words : x.words
    for (const w of small) if (large.has(w)) shared += this.idf(w)
    return shared / Math.sqrt(Math.max(1e-9, x.weight * y.weight))
  }
}

function sentenceIndexAt(doc: Doc, offset: number): number {
  const sentences = doc.sentences
  let lo = 0
  let hi = sentences.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sentences[mid]!.start <= offset) lo = mid + 1
    else hi = mid
  }
  return Math.max(0, lo - 1)
}

const isCharge = (x: Item) => x.s.side === 'others' && (x.s.kind === 'allegation' || x.s.kind === 'report')
const isAnswer = (x: Item) => x.s.side === 'company' && (x.s.kind === 'statement' || x.s.kind === 'denial')

export function proposeAnswers(suggestions: Suggestion[], doc: Doc): void {
  if (suggestions.length < 2) return
  const vocabulary = new Vocabulary(doc)
  // Claims in text order (the list may come in any order: an editor's claims, a rule's).
  const items: Item[] = suggestions
    .map((s, index) => {
      const words = vocabulary.wordsOf(s.start, s.end)
      let weight = 0
      for (const w of words) weight += vocabulary.idf(w)
      const sentence = sentenceIndexAt(doc, s.start)
      return { s, index, sentence, paragraph: doc.sentences[sentence]?.paragraph ?? 0, words, weight }
    })
    .sort((x, y) => x.s.start - y.s.start || x.index - y.index)
  const charges = items.filter(isCharge)
  // The central allegations: those in the lede, and any later one restating one of them.
  const lede = charges.filter((x) => x.s.kind === 'allegation' && x.sentence < LEDE_SENTENCES)
  const central = new Set(
    charges.filter((x) => x.s.kind === 'allegation' && (x.sentence < LEDE_SENTENCES || lede.some((l) => l !== x && vocabulary.similarity(l, x) >= RESTATED))),
  )
  // Position of each charge among the charges, to count the others' claims between two claims.
  const chargeRank = new Map(charges.map((x, k) => [x, k]))
  const answerer = new Answerer(doc, vocabulary, charges, central, chargeRank)
  let chargesBefore = 0
  for (const c of items) {
    if (isCharge(c)) chargesBefore++
    else if (isAnswer(c)) answerer.answer(c, chargesBefore)
  }
  answerInRuns(items, suggestions)
}

// One answer's candidates, scored, and the links it gets.
class Answerer {
  constructor(
    private readonly doc: Doc,
    private readonly vocabulary: Vocabulary,
    private readonly charges: readonly Item[],
    private readonly central: ReadonlySet<Item>,
    private readonly chargeRank: ReadonlyMap<Item, number>,
  ) {}

  answer(c: Item, chargesBefore: number): void {
    const { doc, charges, central, chargeRank, vocabulary } = this
    const exact = c.s.exact.trim()
    const sentence = doc.sentences[c.sentence]
    const frame = sentence ? doc.text.slice(sentence.start, Math.max(sentence.start, c.s.start)) : ''
    const noComment = c.s.rule === 'no-comment' || NO_COMMENT.test(exact)
    const firm = noComment || c.s.kind === 'denial'
    const framed = firm || REPLY_FRAME.test(frame) || CONTRAST_OPENING.test(frame) || CONTRAST_OPENING.test(exact)
    const needs = firm ? NEEDS.firm : framed ? NEEDS.framed : NEEDS.plain
    const scored: Scored[] = []
    const consider = (a: Item, rank: number, after: boolean) => scored.push(this.score(c, a, rank, after, framed, noComment))
    // Before: the nearest charges, then the central ones further back.
    for (let k = chargesBefore - 1, rank = 0; k >= 0 && rank < MAX_RANK; k--, rank++) consider(charges[k]!, rank, false)
    for (const a of central) if (chargeRank.get(a)! < chargesBefore - MAX_RANK) consider(a, MAX_RANK, false)
    // A charge in the answer's own sentence after it ("denied claims … that said …") is before
    // it for this purpose; later ones only for a denial.
    // (Behind one in its sentence before it: "laid off 60 (it would not disclose the number) and
    // Gannett laid off …".)
    const beforeInSentence = chargesBefore > 0 && charges[chargesBefore - 1]!.sentence === c.sentence ? 1 : 0
    for (let k = chargesBefore, rank = 0; k < charges.length; k++, rank++) {
      const a = charges[k]!
      if (a.sentence === c.sentence) consider(a, rank + beforeInSentence, false)
      else if (c.s.kind === 'denial' && a.sentence - c.sentence <= AFTER_SENTENCES) consider(a, rank, true)
      else break
    }
    scored.sort((x, y) => y.score - x.score || y.to.s.start - x.to.s.start)
    let best = scored[0]
    if (!best || best.score < needs) return
    // An allegation restated closer to the answer ("…accused X of trying to stop her…", later
    // "…accusing X of trying to stop her performing…") is the one answered.
    for (const x of scored) {
      if (x.to.s.start <= best.to.s.start || x.to.s.start > c.s.start || x.score < needs) continue
      if (vocabulary.similarity(best.to, x.to) >= RESTATED) best = x
    }
    // A quotation's later piece ('“…,” he told the BBC. “And I think …”') is answered at its start.
    for (let k = chargeRank.get(best.to)! - 1; best.to.s.rule === 'quote-continued' && k >= 0 && sameVoice(charges[k]!.s, best.to.s); k--) {
      const start = charges[k]!
      best = scored.find((x) => x.to === start) ?? { to: start, score: best.score, sim: vocabulary.similarity(c, start) }
    }
    const chosen = best
    // A denial may answer a second allegation, not the same one stated again.
    const extra =
      c.s.kind === 'denial'
        ? scored.filter((x) => x !== chosen && x.score >= EXTRA.score && x.sim >= EXTRA.sim && vocabulary.similarity(x.to, chosen.to) < RESTATED)
        : []
    c.s.answers = [chosen, ...extra].map((l) => ({ to: l.to.index, relation: relationOf(c.s), confidence: Math.min(0.95, Math.round(l.score * 100) / 100) }))
  }

  private score(c: Item, a: Item, rank: number, after: boolean, framed: boolean, noComment: boolean): Scored {
    const sim = this.vocabulary.similarity(c, a)
    // "Declined to comment" answers the claim just before it, not the article's charge.
    if (noComment) return { to: a, score: rank === 0 && !after ? 0.7 : rank === 1 && !after ? 0.45 : 0, sim }
    const dp = Math.abs(c.paragraph - a.paragraph)
    const near = c.sentence === a.sentence ? W.sameSentence : dp === 0 ? W.sameParagraph : dp === 1 ? W.nextParagraph : dp === 2 ? W.twoParagraphs : 0
    const order = rank === 0 ? W.nearest : rank === 1 ? W.second : 0
    // The central allegation is what a denial or a defence answers; a company's other
    // statements answer what is near them.
    const centrality = this.central.has(a) && !after && framed ? W.central : 0
    // After the answer: only a denial's, only just after, and less surely ("…, the military
    // said. The Taliban claimed …").
    const score = W.sim * sim + near + (a.s.kind === 'allegation' ? W.alleg : 0) + centrality + (after ? order * W.after : order)
    return { to: a, score, sim }
  }
}

// A run of one speaker's claims with no other voice in between answers together: a claim of
// the run that answered nothing by itself answers what the claim before it in the run answered
// ("…," she said. "In fact, we do not have the right …").
function answerInRuns(items: readonly Item[], suggestions: readonly Suggestion[]): void {
  let previous: Item | null = null
  for (const c of items) {
    if (isCharge(c)) {
      previous = null
      continue
    }
    if (!isAnswer(c)) continue
    const p = previous
    previous = c
    if (!p || c.s.answers.length > 0 || p.s.answers.length === 0 || !sameVoice(p.s, c.s) || c.sentence - p.sentence > RUN_SENTENCES) continue
    const first = p.s.answers[0]!
    // Only a charge before the run: a denial answering what follows it does not carry on.
    if (suggestions[first.to]!.start > p.s.start) continue
    c.s.answers = [{ to: first.to, relation: relationOf(c.s), confidence: Math.round(first.confidence * RUN_DISCOUNT * 100) / 100 }]
  }
}

const RUN_SENTENCES = 3
const RUN_DISCOUNT = 0.8
const sameVoice = (x: Suggestion, y: Suggestion) => !!x.speaker && !!y.speaker && x.speaker.toLowerCase() === y.speaker.toLowerCase()

const CONFIRMING = /^(?:confirm|confirmed|acknowledg|admit|we have received|it had been|yes\b)/i

function relationOf(s: Suggestion): AnswerLink['relation'] {
  if (s.kind === 'denial') return 'denies'
  if (CONFIRMING.test(s.exact) || /^(?:confirm|acknowledg|admit)/.test(s.rule)) return 'confirms'
  return 'responds_to'
}
