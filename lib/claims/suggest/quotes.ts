// Direct quotations and who is credited with them: attribution after the quote ("…," said
// Smith in his blog; "…," Microsoft said), before it (Smith said: "…"), or carried over from
// the previous quote (a paragraph that is all quotation continues the last speaker's words).
import { subjectBefore } from './clauses'
import { REPORTING_VERBS } from './lexicon'
import type { Paragraph, Sentence } from './sentences'
import type { Candidate } from './types'

export type QuoteSpan = { open: number; close: number; start: number; end: number; paragraph: number }

const VERB = new RegExp(`\\b(${REPORTING_VERBS.join('|')})\\b`, 'i')
const VERB_BEFORE = new RegExp(`\\b(${REPORTING_VERBS.join('|')})\\b\\s*[:,]?\\s*$`, 'i')

// Straight quotes open after white space or an opening bracket and close elsewhere; curly ones
// say which they are. A quotation left open runs to the end of its paragraph (news style for a
// quote that continues in the next paragraph).
export function findQuotes(paragraph: Paragraph): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  const text = paragraph.text
  let openAt = -1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c !== '"' && c !== '“' && c !== '”') continue
    const prev = i === 0 ? ' ' : text[i - 1]!
    const opening = c === '“' || (c === '"' && /[\s([{—–-]/.test(prev) && openAt < 0)
    if (opening && openAt < 0) {
      openAt = i
      continue
    }
    if (!opening && openAt >= 0) {
      spans.push(span(paragraph, openAt, i + 1))
      openAt = -1
    }
  }
  if (openAt >= 0) spans.push(span(paragraph, openAt, text.length))
  return spans
}

function span(paragraph: Paragraph, open: number, close: number): QuoteSpan {
  const inner = paragraph.text.slice(open + 1, /["”]$/.test(paragraph.text.slice(0, close)) ? close - 1 : close)
  const lead = inner.length - inner.trimStart().length
  // The quoted words without the marks, and without the comma that hands over to "said".
  const trimmed = inner.trim().replace(/[,;:\s]+$/, '')
  const start = paragraph.start + open + 1 + lead
  return { open: paragraph.start + open, close: paragraph.start + close, start, end: start + trimmed.length, paragraph: paragraph.index }
}

const words = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length

// Words after the closing mark up to the end of the sentence or the next quotation.
function attributionAfter(body: string, quote: QuoteSpan, sentenceEnd: number, nextOpen: number): { text: string; at: number } | null {
  const end = Math.min(sentenceEnd, nextOpen)
  const tail = body.slice(quote.close, end)
  const verb = VERB.exec(tail)
  if (!verb || words(tail.slice(0, verb.index)) > 6) return null
  const before = tail.slice(0, verb.index).replace(/^[\s,]+/, '').trim()
  if (before) return { text: before, at: quote.close + verb.index - before.length }
  // Inverted: "said Smith in his blog", "said Jane Roe, a spokeswoman for Acme."
  const after = tail.slice(verb.index + verb[0].length)
  const name = /^\s*([^,.;:]+?)(?=\s+(?:in|on|at|to|during|after|before|when|while|from|via|as)\s|[.,;:]|$)(,\s+(?:a|an|the)\s+[^,.;]+)?/.exec(after)
  if (!name) return null
  return { text: (name[1]! + (name[2] ?? '')).trim(), at: quote.close + verb.index + verb[0].length }
}

// Words before the opening mark in the same sentence that end with a reporting verb.
function attributionBefore(body: string, quote: QuoteSpan, sentence: Sentence): { text: string; at: number } | null {
  const head = body.slice(sentence.start, quote.open)
  const verb = VERB_BEFORE.exec(head)
  if (!verb) return null
  const subject = subjectBefore(head, verb.index)
  if (!subject.text) return null
  return { text: subject.text, at: sentence.start + subject.start }
}

export function quoteCandidates(body: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): Candidate[] {
  const out: Candidate[] = []
  type Credit = { text: string; at: number; paragraph: number }
  const state: { last: Credit | null } = { last: null }
  for (const paragraph of paragraphs) {
    const quotes = findQuotes(paragraph)
    for (let q = 0; q < quotes.length; q++) {
      const quote = quotes[q]!
      if (words(body.slice(quote.start, quote.end)) < 4) continue
      const sentence = sentences.find((s) => s.start <= quote.open && quote.open < s.end)
      const closing = sentences.find((s) => s.start < quote.close && quote.close <= s.end) ?? sentence
      if (!sentence || !closing) continue
      // Text before the quote in its sentence; none if it ends a sentence of its own (the
      // splitter can miss a boundary after an abbreviation like "Corp.").
      const lead = body.slice(Math.max(sentence.start, quotes[q - 1]?.close ?? 0), quote.open).trim()
      const before = /[.!?]$/.test(lead) ? '' : body.slice(sentence.start, quote.open).trim()
      const pre = before ? attributionBefore(body, quote, sentence) : null
      // A quotation inside a sentence the reporter wrote ("there were "significant
      // inaccuracies" in …") is part of that sentence's claim, not a quote of its own.
      if (before && !pre) continue
      const post = pre ? null : attributionAfter(body, quote, closing.end, quotes[q + 1]?.open ?? Infinity)
      const who = pre ?? post
      if (who) {
        state.last = { ...who, paragraph: paragraph.index }
        out.push({ kind: 'statement', start: quote.start, end: quote.end, speakerText: who.text, speakerAt: who.at, confidence: 0.9, rule: pre ? 'quote-attributed-before' : 'quote-attributed-after' })
        continue
      }
      // No attribution: the quote goes on from the previous speaker if that speaker was
      // quoted in this paragraph or the one before; otherwise it is nobody's yet.
      const previous = state.last
      const carried = previous && paragraph.index - previous.paragraph <= 1 ? previous : null
      if (carried) state.last = { ...carried, paragraph: paragraph.index }
      out.push({
        kind: 'statement', start: quote.start, end: quote.end, speakerText: carried?.text ?? null, speakerAt: carried?.at ?? quote.start,
        confidence: carried ? 0.75 : 0.45, rule: carried ? 'quote-continued' : 'quote-unattributed',
      })
    }
  }
  return out
}

// Offsets inside quotation marks: reporting verbs there are the speaker's words, not ours.
export function quotedRanges(paragraphs: readonly Paragraph[]): [number, number][] {
  return paragraphs.flatMap((p) => findQuotes(p).map((q) => [q.open, q.close] as [number, number]))
}
