// Direct quotations, found paragraph by paragraph in one pass over the characters.
//
// Curly marks say which they are; a straight mark opens after white space, an opening bracket or
// a dash and closes otherwise; a curly opening may be closed by a straight mark (copy mixes them)
// and by doubled apostrophes (’’). A quotation left open runs to the end of its paragraph: news
// style for a quote that goes on in the next paragraph, which then opens with a mark again.
import type { Doc } from './text'

export type Quote = {
  // Offsets of the opening mark and just after the closing one (or the paragraph's end).
  open: number
  close: number
  // The quoted words without the marks and without a comma or colon that hands over to "said".
  start: number
  end: number
  paragraph: number
  closed: boolean
  // The quotation opens its paragraph.
  opensParagraph: boolean
}

const OPENING = new Set(['“', '„', '«'])
const CLOSING = new Set(['”', '»'])

export function findQuotes(doc: Doc): Quote[] {
  const quotes: Quote[] = []
  const { text } = doc
  for (const p of doc.paragraphs) {
    let openAt = -1
    const finish = (close: number, closed: boolean) => {
      const quote = span(text, p.start, p.index, openAt, close, closed)
      if (quote) quotes.push(quote)
      openAt = -1
    }
    for (let i = p.start; i < p.end; i++) {
      const code = text.charCodeAt(i)
      // Most characters are no quotation mark: one comparison passes them.
      if (code !== 0x22 && code !== 0x27 && code < 0xab) continue
      const c = text[i]!
      if (OPENING.has(c)) {
        // 'here,“ said Jane Roe': an opening mark typed for a closing one, after the
        // quotation's last punctuation and before a space, closes it.
        if (openAt >= 0 && /[,.!?]/.test(text[i - 1]!) && (i + 1 >= p.end || /\s/.test(text[i + 1]!))) {
          finish(i + 1, true)
          continue
        }
        if (openAt >= 0) finish(i, false)
        openAt = i
      } else if (CLOSING.has(c)) {
        if (openAt >= 0) finish(i + 1, true)
      } else if (c === '"') {
        const prev = i === p.start ? ' ' : text[i - 1]!
        if (openAt < 0) {
          if (/[\s([{—–\-/:]/.test(prev)) openAt = i
        } else {
          finish(i + 1, true)
        }
      } else if (c === "'" && text[i + 1] === "'") {
        // Two apostrophes stand for a quotation mark in some copy ('' … '').
        const prev = i === p.start ? ' ' : text[i - 1]!
        if (openAt < 0 && /[\s([{—–\-/:]/.test(prev)) openAt = i
        else if (openAt >= 0) finish(i + 2, true)
        i++
      } else if (c === '’' && text[i + 1] === '’' && openAt >= 0) {
        finish(i + 2, true)
        i++
      } else if (c === '‘' && text[i + 1] === '‘' && openAt < 0) {
        openAt = i
        i++
      }
    }
    if (openAt >= 0) finish(p.end, false)
  }
  return quotes
}

function span(text: string, paragraphStart: number, paragraph: number, open: number, close: number, closed: boolean): Quote | null {
  let start = open + 1
  if ((text[start] === '‘' && text[open] === '‘') || (text[start] === "'" && text[open] === "'")) start++
  let end = closed ? close - 1 : close
  if (closed && ((text[end - 1] === '’' && text[end] === '’') || (text[end - 1] === "'" && text[end] === "'"))) end--
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--
  if (end <= start) return null
  return { open, close, start, end, paragraph, closed, opensParagraph: open === paragraphStart }
}

// Per token, the quotation it is inside (its index in `quotes`), or -1. One merge-like pass.
export function quoteIndexByToken(doc: Doc, quotes: readonly Quote[]): Int32Array {
  const out = new Int32Array(doc.tokens.length).fill(-1)
  let q = 0
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!
    while (q < quotes.length && quotes[q]!.close <= t.start) q++
    const quote = quotes[q]
    if (quote && quote.open < t.start && t.end <= quote.close && !(quote.closed && t.end === quote.close)) out[i] = q
  }
  return out
}
