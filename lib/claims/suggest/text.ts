// Body text → tokens, sentences and paragraphs with character offsets, in one linear pass.
//
// Why not an NLP library here: compromise's tagger and wink-nlp each take 130–250 ms for a
// 5,000-word article on this machine, and the engine's budget is 50 ms. News sentences are
// split well by a few rules (a full stop, a capital after it, a list of abbreviations), and the
// rules downstream only need words, their case and a lexicon (see lexicon.ts), not a parse.
//
// Bounds: every loop here walks the text once. A "sentence" is at most MAX_SENTENCE_TOKENS
// tokens: a paragraph with no full stops (a hostile input, or a table) is cut into pieces of
// that size, so that the per-sentence rules downstream stay linear in the text.

// Patterns the per-token rules test, compiled once: a literal in a function body is a new
// RegExp object each time it is evaluated.
const ELLIPSIS = /^\.{2,}$/
const DIGIT_FIRST = /^\p{N}/u
const ONE_CAPITAL = /^\p{Lu}$/u
export type TokenType = 'word' | 'punct' | 'quote'
export type Token = {
  text: string
  lower: string
  start: number
  end: number
  type: TokenType
  // The first character is an upper-case letter.
  cap: boolean
  // White space before it contains a line break (a paragraph or line boundary).
  newline: boolean
}
export type Sentence = { index: number; start: number; end: number; first: number; last: number; paragraph: number }
export type Paragraph = { index: number; start: number; end: number; first: number; last: number }
export type Doc = { text: string; tokens: Token[]; sentences: Sentence[]; paragraphs: Paragraph[] }

export const MAX_SENTENCE_TOKENS = 160

// A word: letters and digits, joined by inner full stops ("U.S"), ampersands ("PG&E"), hyphens
// and apostrophes ("O'Malley", "don't") but not the possessive "'s", which is its own token.
// A comma between digits groups thousands ("2,000"): one word, not a clause boundary.
const TOKEN =
  /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:[.&\-/][\p{L}\p{N}]|['’](?![sS]\b)\p{L}|(?<=\d),\d{3}(?![\p{L}\p{N}]))[\p{L}\p{M}\p{N}]*)*|['’][sS]\b|\.{2,}|[“”"‘’'«»„]|\S/gu
const WORD_START = /[\p{L}\p{N}]/u
const QUOTE_CHARS = new Set(['“', '”', '"', '‘', '’', "'", '«', '»', '„'])

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13)
// Common characters after a word that are neither letters nor joiners: curly double quotes, the
// opening single quote, guillemets, dashes, the ellipsis and a no-break space.
const ENDS_WORD = new Set([0x201c, 0x201d, 0x2018, 0xab, 0xbb, 0x2013, 0x2014, 0x2026, 0xa0])

const isAsciiDigit = (c: number) => c >= 48 && c <= 57
// A thousands separator at `comma`: a digit before it, exactly three after it ("2,000", not "2,00"
// or "1,2").
function isDigitGroup(text: string, comma: number): boolean {
  if (!isAsciiDigit(text.charCodeAt(comma - 1))) return false
  for (let k = 1; k <= 3; k++) if (!isAsciiDigit(text.charCodeAt(comma + k))) return false
  const after = comma + 4 < text.length ? text.charCodeAt(comma + 4) : -1
  return after < 0 || (after < 128 ? !isAsciiAlnum(after) : !/[\p{L}\p{N}]/u.test(text[comma + 4]!))
}

// The end of the token at `at` when it is plain ASCII and TOKEN would match it there, or -1 when
// the characters involved are not ASCII (TOKEN decides then). Most news text is ASCII: scanning
// it by hand spares a match object per token.
function asciiTokenEnd(text: string, at: number): number {
  const n = text.length
  const c = text.charCodeAt(at)
  if (c >= 128) return -1
  if (isAsciiAlnum(c)) {
    let i = at + 1
    for (;;) {
      while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++
      if (i >= n) return i
      const d = text.charCodeAt(i)
      if (d >= 128) return ENDS_WORD.has(d) ? i : -1
      const e = i + 1 < n ? text.charCodeAt(i + 1) : -1
      if (d === 46 || d === 38 || d === 45 || d === 47) {
        // ". & - /" joined to a letter or digit: "U.S", "PG&E", "e-mail", "24/7".
        if (e >= 128) return -1
        if (e >= 0 && isAsciiAlnum(e)) {
          i += 2
          continue
        }
        return i
      }
      if (d === 44 && isDigitGroup(text, i)) {
        i += 4
        continue
      }
      if (d === 39) {
        // An apostrophe inside a word ("don't", "O'Malley"), not the possessive "'s".
        if (e === 115 || e === 83) {
          const f = i + 2 < n ? text.charCodeAt(i + 2) : -1
          if (f < 0 || !(isAsciiAlnum(f) || f === 95)) return i
          i += 2
          continue
        }
        if (e >= 128) return -1
        if ((e >= 65 && e <= 90) || (e >= 97 && e <= 122)) {
          i += 2
          continue
        }
        return i
      }
      return i
    }
  }
  const e = at + 1 < text.length ? text.charCodeAt(at + 1) : -1
  if (c === 39 && (e === 115 || e === 83)) {
    const f = at + 2 < n ? text.charCodeAt(at + 2) : -1
    if (f < 0 || !(isAsciiAlnum(f) || f === 95)) return at + 2
    return at + 1
  }
  if (c === 46 && e === 46) {
    let i = at + 2
    while (i < n && text.charCodeAt(i) === 46) i++
    return i
  }
  return at + 1
}

// "the Smiths’ lawyer", "voters' choice": an apostrophe after a plural's "s", before the next
// word, marks a possessive, not a quotation.
function pluralPossessive(text: string, at: number, t: string): boolean {
  if (t !== '’' && t !== "'") return false
  const before = text.charCodeAt(at - 1)
  return (before === 115 || before === 83) && text.charCodeAt(at + 1) === 32 && /[A-Za-z]/.test(text[at + 2] ?? '')
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let previousEnd = 0
  let nextBreak = text.indexOf('\n')
  const n = text.length
  let pos = 0
  while (pos < n) {
    while (pos < n && isAsciiSpace(text.charCodeAt(pos))) pos++
    if (pos >= n) break
    let at = pos
    let end = asciiTokenEnd(text, pos)
    if (end < 0) {
      TOKEN.lastIndex = pos
      const m = TOKEN.exec(text)
      if (m === null) break
      at = m.index
      end = at + m[0].length
    }
    const t = text.slice(at, end)
    const first = t.charCodeAt(0)
    // Letters and digits open words (ASCII by char code, the rest by the Unicode test).
    const isWord =
      first < 128
        ? (first >= 48 && first <= 57) ||
          (first >= 65 && first <= 90) ||
          (first >= 97 && first <= 122) ||
          (t.length === 2 && first === 39 && (t[1] === 's' || t[1] === 'S'))
        : (first === 0x2019 && t.length === 2) || WORD_START.test(t[0]!)
    while (nextBreak >= 0 && nextBreak < previousEnd) nextBreak = text.indexOf('\n', previousEnd)
    tokens.push({
      text: t,
      lower: t.toLowerCase(),
      start: at,
      end,
      type: isWord ? 'word' : QUOTE_CHARS.has(t) && !pluralPossessive(text, at, t) ? 'quote' : 'punct',
      cap: first < 128 ? first >= 65 && first <= 90 : t[0] !== t[0]!.toLowerCase(),
      newline: nextBreak >= previousEnd && nextBreak < at,
    })
    previousEnd = end
    pos = end
  }
  return tokens
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gov',
  'sen',
  'rep',
  'reps',
  'lt',
  'col',
  'gen',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'st',
  'jr',
  'sr',
  'vs',
  'v',
  'no',
  'nos',
  'mt',
  'ft',
  'rev',
  'hon',
  'pres',
  'supt',
  'det',
  'insp',
  'messrs',
  'gov',
  'atty',
  'sens',
  'fig',
  'vol',
  'ch',
  'pp',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'cf',
  'al',
  'approx',
  'dept',
  'univ',
  'ave',
  'blvd',
  'rd',
  'calif',
  'conn',
  'fla',
  'ill',
  'mass',
  'mich',
  'minn',
  'penn',
  'tenn',
  'tex',
  'va',
  'wash',
  'wis',
  'ariz',
  'colo',
  'ga',
  'ky',
  'la',
  'md',
  'mo',
  'nev',
  'okla',
  'ore',
])
// Abbreviations that also end sentences ("… by Acme Inc. The company said …"): a boundary only
// when a word that usually opens a sentence follows.
const FINAL_ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'bros', 'u.s', 'u.k', 'u.n', 'e.u', 'etc', 'a.m', 'p.m', 'plc', 'llc', 'd.c', 'n.y'])
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'this',
  'that',
  'these',
  'those',
  'but',
  'and',
  'in',
  'on',
  'at',
  'for',
  'its',
  'his',
  'her',
  'their',
  'our',
  'there',
  'after',
  'before',
  'while',
  'when',
  'meanwhile',
  'however',
  'as',
  'if',
  'so',
  'yet',
  'still',
  'last',
  'earlier',
  'later',
  'according',
  'some',
  'many',
  'most',
  'both',
  'no',
  'one',
  'two',
  'since',
  'with',
  'without',
  'by',
  'from',
])
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»'])

function isBoundary(tokens: readonly Token[], i: number): { end: number } | null {
  const t = tokens[i]!
  if (t.text !== '.' && t.text !== '!' && t.text !== '?' && !ELLIPSIS.test(t.text) && t.text !== '…') return null
  let end = i
  while (end + 1 < tokens.length && CLOSERS.has(tokens[end + 1]!.text) && tokens[end + 1]!.start === tokens[end]!.end) end++
  const next = tokens[end + 1]
  if (!next) return { end }
  if (next.newline) return { end }
  // No sentence opens with a colon or a comma: "Rep. Jane Roe (D-N.Y.): …", "Inc., …".
  if (next.text === ':' || next.text === ',' || next.text === ';') return null
  // The next word (after an opening quotation mark or bracket) must open a sentence.
  let k = end + 1
  while (k < tokens.length && tokens[k]!.type !== 'word' && k - end < 3) k++
  const word = tokens[k]
  if (!word || word.type !== 'word') return next.type === 'quote' || next.text === '(' ? { end } : null
  if (!word.cap && !DIGIT_FIRST.test(word.text)) return null
  if (t.text === '.' && end === i) {
    const before = tokens[i - 1]
    if (before && before.end === t.start && before.type === 'word') {
      const key = before.lower
      if (ABBREVIATIONS.has(key)) return null
      if (FINAL_ABBREVIATIONS.has(key)) return SENTENCE_OPENERS.has(word.lower) ? { end } : null
      // An initial ("John F. Kennedy", "J. Smith"), not a word of one capital letter at a
      // sentence end ("… in a post on X. Safety advocates …": after a lowercase word).
      const previous = tokens[i - 2]
      const initial = !previous || previous.type !== 'word' || previous.cap || previous.text === '.'
      if (ONE_CAPITAL.test(before.text) && word.cap && initial) return null
    }
  }
  return { end }
}

export function parse(text: string): Doc {
  const tokens = tokenize(text)
  const sentences: Sentence[] = []
  const paragraphs: Paragraph[] = []
  let sentenceFirst = 0
  let paragraphFirst = 0
  const closeSentence = (last: number) => {
    if (last < sentenceFirst) return
    sentences.push({
      index: sentences.length,
      start: tokens[sentenceFirst]!.start,
      end: tokens[last]!.end,
      first: sentenceFirst,
      last,
      paragraph: paragraphs.length,
    })
    sentenceFirst = last + 1
  }
  const closeParagraph = (last: number) => {
    if (last < paragraphFirst) return
    paragraphs.push({ index: paragraphs.length, start: tokens[paragraphFirst]!.start, end: tokens[last]!.end, first: paragraphFirst, last })
    paragraphFirst = last + 1
  }
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && tokens[i]!.newline) {
      closeSentence(i - 1)
      closeParagraph(i - 1)
    }
    const boundary = isBoundary(tokens, i)
    if (boundary) {
      // Closing quotation marks after the full stop belong to the sentence.
      i = boundary.end
      closeSentence(i)
      continue
    }
    if (i - sentenceFirst + 1 >= MAX_SENTENCE_TOKENS) closeSentence(i)
  }
  closeSentence(tokens.length - 1)
  closeParagraph(tokens.length - 1)
  return { text, tokens, sentences, paragraphs }
}
