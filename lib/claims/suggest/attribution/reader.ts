// The state of one pass over a document (its tokens, quotations, what was credited so far) and
// the smallest readings of it: a token, a character span, and `emit`, which keeps an attribution.
import { isSpeakerHead, type Stance } from '../lexicon'
import { findQuotes, quoteIndexByToken, type Quote } from '../quotes'
import type { Doc, Sentence, Token } from '../text'
import { DOUBLE_CLOSING, PRONOUNS, NON_SPEAKERS } from './words'

export type Attribution = {
  // The attributed words, as character offsets.
  start: number
  end: number
  // The source as written (token range), or an implicit one ("unnamed reports").
  source: { first: number; last: number } | null
  implicitSource: string | null
  stance: Stance
  rule: string
  confidence: number
  sentence: number
  // Offset of the cue (or of the quotation), for resolving pronouns against what came before.
  at: number
  quote: boolean
  // Words inside a denial that are the charge it denies ("denied accusations of brutality"): kept
  // beside the denial, not instead of it.
  nested?: boolean
}

export type Range = { first: number; last: number }

// Whether text[start, end) holds at least `min` words (runs of letters and digits), counting no
// further than that.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
function isLetterOrDigit(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  // A surrogate pair cut by the end of the span is no letter (as in the sliced text).
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) return LETTER_OR_DIGIT.test(text.slice(i, i + 2))
  return LETTER_OR_DIGIT.test(text[i]!)
}
export function hasWords(text: string, start: number, end: number, min: number): boolean {
  if (min <= 0) return true
  let n = 0
  let inWord = false
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end
    const letter = isLetterOrDigit(text, i, end)
    if (letter && !inWord && ++n >= min) return true
    inWord = letter
    if (pair) i++
  }
  return false
}

export abstract class Reader {
  readonly quotes: Quote[]
  protected readonly inQuote: Int32Array
  protected readonly sentenceOf: Int32Array
  // Per sentence: 1 a title-case headline, -1 not, 0 not yet known.
  private readonly headlines: Int8Array
  readonly found: Attribution[] = []
  // Offsets of cues already used by a quotation's frame: not reported speech again.
  protected readonly usedCues = new Set<number>()
  // The last source credited in each sentence: the subject of a participle after it.
  protected readonly lastSource = new Map<number, Range>()

  constructor(protected readonly doc: Doc) {
    this.quotes = findQuotes(doc)
    this.inQuote = quoteIndexByToken(doc, this.quotes)
    this.sentenceOf = new Int32Array(doc.tokens.length)
    this.headlines = new Int8Array(doc.sentences.length)
    for (const s of doc.sentences) for (let i = s.first; i <= s.last; i++) this.sentenceOf[i] = s.index
  }

  protected t(i: number): Token | undefined {
    return this.doc.tokens[i]
  }

  protected lower(i: number): string {
    return this.doc.tokens[i]?.lower ?? ''
  }

  protected isWord(i: number): boolean {
    return this.doc.tokens[i]?.type === 'word'
  }

  protected quoted(i: number): boolean {
    return (this.inQuote[i] ?? -1) >= 0
  }

  // A headline in title case ("Jane Roe Says The Levy Will Pass"): its verbs are capitalised too.
  // Most of its longer words after the first are, and there are a few of them.
  protected headline(s: Sentence): boolean {
    const known = this.headlines[s.index]!
    if (known !== 0) return known > 0
    let long = 0
    let caps = 0
    for (let i = s.first + 1; i <= s.last; i++) {
      const t = this.t(i)!
      if (t.type !== 'word' || t.text.length < 4 || this.quoted(i)) continue
      long++
      if (t.cap) caps++
    }
    const yes = long >= 3 && caps >= long * 0.8
    this.headlines[s.index] = yes ? 1 : -1
    return yes
  }

  // The attributed words between token first and the end token (exclusive), as characters,
  // without the punctuation that closes the sentence (a closing quotation mark stays when its
  // opening one is inside).
  protected charSpan(first: number, endToken: number): [number, number] | null {
    let last = endToken - 1
    while (last >= first && this.t(last)!.type !== 'word' && !(this.t(last)!.type === 'quote' && this.balanced(first, last))) last--
    while (first <= last && (this.t(first)!.type === 'punct' || (this.t(first)!.type === 'quote' && !this.opensQuoteClosedBy(first, last)))) first++
    if (last < first) return null
    return [this.t(first)!.start, this.t(last)!.end]
  }

  private balanced(first: number, last: number): boolean {
    let n = 0
    for (let i = first; i <= last; i++) if (this.t(i)!.type === 'quote' && /["“”]/.test(this.t(i)!.text)) n++
    return n % 2 === 0
  }

  private opensQuoteClosedBy(first: number, last: number): boolean {
    for (let i = first + 1; i <= last; i++) if (this.t(i)!.type === 'quote' && DOUBLE_CLOSING.test(this.t(i)!.text)) return true
    return false
  }

  // A source that can speak: a name, a pronoun, or a noun phrase headed by a person, a role, an
  // organisation or a document ("the stock added 2%" has no speaker).
  protected speakerLike(r: Range): boolean {
    let head = ''
    for (let i = r.first; i <= r.last; i++) if ((this.t(i)!.cap && !NON_SPEAKERS.has(this.lower(i))) || PRONOUNS.has(this.lower(i))) return true
    for (let i = r.first; i <= r.last; i++) {
      const t = this.t(i)!
      if (t.type !== 'word') continue
      if (i > r.first && head && (/^(?:of|for|at|with|from|in|familiar|close|who|that|on|by|including|such)$/.test(t.lower) || /(?:ed|ing)$/.test(t.lower)))
        break
      head = t.lower
    }
    return isSpeakerHead(head)
  }

  protected emit(a: Omit<Attribution, 'start' | 'end'>, span: [number, number] | null, minWords: number, checkSpeaker = true): boolean {
    if (!span) return false
    if (checkSpeaker && a.source && !this.speakerLike(a.source)) return false
    // Words inside brackets end at the closing one ("(it … called it “immaterial”) and Gannett …").
    const close = this.doc.text.indexOf(')', span[0])
    if (close >= 0 && close < span[1]) {
      const open = this.doc.text.lastIndexOf('(', close)
      if (open < span[0]) span = [span[0], this.doc.text.slice(span[0], close).trimEnd().length + span[0]]
    }
    if (!hasWords(this.doc.text, span[0], span[1], minWords)) return false
    this.found.push({ ...a, start: span[0], end: span[1] })
    // A source inside words already credited to someone ("said there were inaccuracies in the
    // media reports … and asserted …") is not the sentence's speaker: it stays the earlier one.
    if (a.source && !this.insideCredited(a.sentence, this.t(a.source.first)!.start)) this.lastSource.set(a.sentence, a.source)
    return true
  }

  // Whether an offset lies in the words of an attribution found earlier in the same sentence
  // (the latest few only: the ones of this sentence are at the end of the list).
  private insideCredited(sentence: number, at: number): boolean {
    for (let k = this.found.length - 2, seen = 0; k >= 0 && seen < 20; k--, seen++) {
      const f = this.found[k]!
      if (f.sentence !== sentence) break
      if (f.start <= at && at < f.end) return true
    }
    return false
  }

  protected tokenAt(offset: number): number {
    // Binary search: the first token starting at or after offset.
    let lo = 0
    let hi = this.doc.tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.doc.tokens[mid]!.start < offset) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
