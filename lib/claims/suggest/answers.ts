// Answer links: for each company statement or denial, the allegation or report in the same
// article that it answers, with a relation (denies / responds_to / confirms) and a confidence.
//
// An answer shares words with what it answers (the rarer in the article, the more they count:
// "inquiry", "attorney general", "brutality"), stands close to it (the same sentence — "denied
// 'sensational' claims … that said …" — or the next ones), usually comes after it, and a denial
// almost always answers something. "Declined to comment" answers the claim just before it. Of
// two statements of one allegation, the later one (nearer the answer) is taken. Scores are
// compared with a threshold; a denial may answer more than one allegation.
import type { Doc } from './text'
import type { AnswerLink, Suggestion } from './types'

const STOP = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'are', 'was', 'were', 'be',
  'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'that',
  'this', 'these', 'those', 'it', 'its', 'they', 'them', 'their', 'we', 'our', 'us', 'he', 'she', 'his', 'her', 'him', 'i', 'my', 'me',
  'you', 'your', 'not', 'no', 'so', 'if', 'than', 'then', 'there', 'here', 'what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how',
  'all', 'any', 'some', 'more', 'most', 'other', 'such', 'only', 'also', 'just', 'very', 'into', 'about', 'over', 'after', 'before',
  'said', 'says', 'say', 'told', 'one', 'two', 'new', 'last', 'first', 'year', 'years', 'time', 'now', 'even', 'still', 'because', 'while',
])

const stem = (w: string) => w.replace(/['’]s$/, '').replace(/(?:ing|ed|es|s|ly)$/, '')
const keep = (w: string) => w.length >= 3 && !STOP.has(w)

const W = { sim: 0.7, prox: 0.15, alleg: 0.15, denial: 0.2, dispute: 0.1 }
const WINDOW = 40
const MAX_CANDIDATES = 40
const MIN_SCORE = 0.45
const EXTRA_SCORE = 0.6

export function proposeAnswers(suggestions: Suggestion[], doc: Doc): void {
  if (suggestions.length < 2) return
  // Sentence of each suggestion, and how rare each word is across the article's sentences.
  const starts = doc.sentences.map((s) => s.start)
  const sentenceAt = (offset: number) => {
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (starts[mid]! <= offset) lo = mid + 1
      else hi = mid
    }
    return Math.max(0, lo - 1)
  }
  // Word stems per token, once; a sentence's and a suggestion's words are read off them.
  const stemOf = doc.tokens.map((t) => (t.type === 'word' && keep(t.lower) ? stem(t.lower) : ''))
  const df = new Map<string, number>()
  for (const s of doc.sentences) {
    const seen = new Set<string>()
    for (let i = s.first; i <= s.last; i++) if (stemOf[i]) seen.add(stemOf[i]!)
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1)
  }
  const tokenAt = (offset: number) => {
    let lo = 0
    let hi = doc.tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (doc.tokens[mid]!.start < offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const wordsOf = (start: number, end: number) => {
    const out = new Set<string>()
    for (let i = tokenAt(start); i < doc.tokens.length && doc.tokens[i]!.end <= end; i++) if (stemOf[i]) out.add(stemOf[i]!)
    return out
  }
  const n = Math.max(1, doc.sentences.length)
  const idf = (w: string) => Math.log(1 + n / (df.get(w) ?? 1))
  const items = suggestions.map((s) => {
    const words = wordsOf(s.start, s.end)
    let weight = 0
    for (const w of words) weight += idf(w)
    return { s, sentence: sentenceAt(s.start), words, weight }
  })
  // How much of two claims' rare words they share (cosine over idf-weighted word sets).
  const similarity = (x: (typeof items)[number], y: (typeof items)[number]) => {
    let shared = 0
    const [small, large] = x.words.size <= y.words.size ? [x.words, y.words] : [y.words, x.words]
    for (const w of small) if (large.has(w)) shared += idf(w)
    return { shared, cosine: shared / Math.sqrt(Math.max(1e-9, x.weight * y.weight)) }
  }

  // The article's lead allegations stay candidates however far back they are. A story with a
  // denial in it is a dispute: the company's other statements there answer too. (Weighting the
  // lead allegations higher was tried: on dev it linked answers to the lede's summary instead of
  // the allegation restated just before them.)
  const allegations = items.map((x, i) => ({ x, i })).filter(({ x }) => x.s.side === 'others' && x.s.kind === 'allegation')
  const dispute = items.some((x) => x.s.side === 'company' && x.s.kind === 'denial')
  const others = items.flatMap((x, i) => (x.s.side === 'others' && (x.s.kind === 'allegation' || x.s.kind === 'report') ? [i] : []))

  for (const [ci, c] of items.entries()) {
    if (c.s.side !== 'company' || (c.s.kind !== 'statement' && c.s.kind !== 'denial')) continue
    const noComment = c.s.rule === 'no-comment'
    const scored: { to: number; score: number }[] = []
    // Bounded: the claims within a window of sentences before (and just after), and the lead
    // allegations; never every pair in a long text.
    let lo = 0
    let hi = others.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (items[others[mid]!]!.sentence < c.sentence - WINDOW) lo = mid + 1
      else hi = mid
    }
    const near: number[] = []
    for (let k = lo; k < others.length && items[others[k]!]!.sentence <= c.sentence + 3; k++) near.push(others[k]!)
    const candidates = new Set([...near.slice(-MAX_CANDIDATES), ...allegations.slice(0, 5).map(({ i }) => i)])
    for (const ai of candidates) {
      const a = items[ai]!
      if (ai === ci) continue
      const distance = Math.abs(c.sentence - a.sentence)
      const before = a.s.start < c.s.start
      // Answers follow what they answer; a denial may come first ("…, the military said. The
      // Taliban claimed …") but only just before.
      if (!before && distance > 2) continue
      if (noComment) {
        // "X declined to comment": on the claim just before.
        if (before && distance <= 2) scored.push({ to: ai, score: 0.7 - 0.1 * distance })
        continue
      }
      // Nearness alone may carry a link (a denial two sentences after the charge shares no
      // word with it often enough); requiring a shared word lost more links than it saved on dev.
      const { cosine } = similarity(c, a)
      const proximity = (distance === 0 ? 1 : 1 / (1 + distance / 2)) * (before || distance === 0 ? 1 : 0.5)
      const score = W.sim * cosine + W.prox * proximity + (a.s.kind === 'allegation' ? W.alleg : 0) + (c.s.kind === 'denial' ? W.denial : 0) + (dispute ? W.dispute : 0)
      scored.push({ to: ai, score })
    }
    scored.sort((x, y) => y.score - x.score)
    let best = scored[0]
    if (!best || best.score < MIN_SCORE) continue
    // An allegation restated closer to the answer ("…accused X of trying to stop her…", later
    // "…accusing X of trying to stop her performing…") is the one answered.
    {
      const chosen = items[best.to]!
      for (const x of scored) {
        const later = items[x.to]!
        if (later.s.start <= chosen.s.start || later.s.start > c.s.start || x.score < MIN_SCORE) continue
        if (similarity(chosen, later).cosine >= 0.3) best = x
      }
    }
    const links = [best, ...scored.filter((x) => x !== best && c.s.kind === 'denial' && x.score >= EXTRA_SCORE)]
    c.s.answers = links.map((l) => ({ to: l.to, relation: relationOf(c.s), confidence: Math.min(0.95, Math.round(l.score * 100) / 100) }))
  }
}

const CONFIRMING = /^(?:confirm|confirmed|acknowledg|admit|we have received|it had been|yes\b)/i

function relationOf(s: Suggestion): AnswerLink['relation'] {
  if (s.kind === 'denial') return 'denies'
  if (CONFIRMING.test(s.exact) || /^(?:confirm|acknowledg|admit)/.test(s.rule)) return 'confirms'
  return 'responds_to'
}
