// Direct quotations and their frames: "…," she said; she said: "…"; a quotation in the next
// sentence or the next paragraph; a speaker's name as a label ('Clinton: …').
import { BETWEEN_SUBJECT_AND_CUE, cueOf, FINITE_AUXILIARIES, hasPastForm, isFiniteVerb, isPastTense, type Cue, type Stance } from '../lexicon'
import type { Quote } from '../quotes'
import type { Sentence } from '../text'
import { ClauseReader } from './clauses'
import { type Range, hasWords } from './reader'
import { PRONOUN_CONTRACTION, FULL_STOP, DASHES, MODALS_AND_TO, TITLE_ABBREVIATIONS } from './words'

// Labels of the page, not speakers: 'Update: …', 'Editor's note: …'.
const PAGE_LABELS = new Set([
  'update',
  'updated',
  'correction',
  'clarification',
  'note',
  'photo',
  'photos',
  'image',
  'images',
  'video',
  'watch',
  'listen',
  'read',
  'related',
  'more',
  'source',
  'sources',
  'credit',
  'contact',
  'breaking',
  'exclusive',
  'opinion',
  'analysis',
  'warning',
  'disclosure',
  'editor',
  'editors',
  'caption',
  'graphic',
  'chart',
  'map',
  'table',
  'see',
  'also',
  'tags',
  'topics',
  'share',
  'subscribe',
  'advertisement',
  'sign',
  'email',
  'follow',
  'when',
  'where',
  'what',
  'who',
  'why',
  'how',
  'price',
  'cost',
  'date',
  'time',
  'location',
  'address',
  'phone',
  'website',
  'hours',
  'tickets',
  'details',
  'info',
  'information',
  'summary',
  'background',
  'timeline',
  'key',
  'bottom',
  'conclusion',
  'verdict',
  'result',
  'results',
  'pros',
  'cons',
  'latest',
  'plus',
  'remember',
  'contributing',
  'poll',
  'stat',
  'paid',
])

export abstract class QuotationFrames extends ClauseReader {
  protected quoteAttributions(): void {
    type Credit = { source: Range | null; implicit: string | null; paragraph: number }
    let last = null as Credit | null
    // Quotations left open at the end of their paragraph, with no speaker yet: news style for a
    // quotation that goes on in the next paragraph, where its frame usually is.
    let pending: Quote[] = []
    for (let q = 0; q < this.quotes.length; q++) {
      const quote = this.quotes[q]!
      const previous = pending[pending.length - 1]
      if (previous && !(quote.opensParagraph && quote.paragraph === previous.paragraph + 1)) pending = []
      const inner = this.doc.text.slice(quote.start, quote.end)
      const words = inner.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
      const openTok = this.tokenAt(quote.open)
      const afterTok = this.tokenAt(quote.close)
      const sOpen = this.doc.sentences[this.sentenceOf[openTok] ?? 0]
      const closeTok = Math.max(openTok, afterTok - 1)
      const sClose = this.doc.sentences[this.sentenceOf[closeTok] ?? 0]
      if (!sOpen || !sClose) continue
      const nextOpen = this.quotes[q + 1] ? this.tokenAt(this.quotes[q + 1]!.open) : Infinity
      const after = quote.closed
        ? (this.frameAfter(afterTok, Math.min(sClose.last, nextOpen - 1), sClose) ?? this.frameInNextSentence(afterTok, sClose, nextOpen))
        : null
      const prevClose = q > 0 ? this.tokenAt(this.quotes[q - 1]!.close) : 0
      const beforeFloor = Math.max(sOpen.first, prevClose)
      const before = after ? null : (this.frameBefore(openTok, beforeFloor, sOpen) ?? this.colonBefore(openTok, beforeFloor, sOpen, quote))
      const frame = after ?? before
      if (words < 1 || (words < 2 && !frame)) continue
      if (frame) {
        this.usedCues.add(frame.cue)
        last = { source: frame.source, implicit: null, paragraph: quote.paragraph }
        if (quote.opensParagraph) this.openParagraphQuotes(pending, frame.source, frame.stance)
        pending = []
        this.emit(
          {
            source: frame.source,
            implicitSource: null,
            stance: frame.stance,
            rule: after ? 'quote-attributed-after' : 'quote-attributed-before',
            confidence: 0.9,
            sentence: sOpen.index,
            at: this.t(frame.cue)!.start,
            quote: true,
          },
          [quote.start, quote.end],
          1,
          false,
        )
        continue
      }
      // No frame of its own: a quotation that opens its sentence goes on from the last speaker
      // quoted in this paragraph or the one before.
      const opensSentence = openTok <= sOpen.first || (q > 0 && beforeFloor === openTok)
      const continues = opensSentence && last !== null && quote.paragraph - last.paragraph <= 1
      if (!continues && !quote.closed && quote.opensParagraph && words >= 3) pending.push(quote)
      if (continues && last) {
        const credit: Credit = { source: last.source, implicit: last.implicit, paragraph: quote.paragraph }
        last = credit
        this.emit(
          {
            source: credit.source,
            implicitSource: credit.implicit,
            stance: 'speech',
            rule: 'quote-continued',
            confidence: 0.75,
            sentence: sOpen.index,
            at: quote.open,
            quote: true,
          },
          [quote.start, quote.end],
          3,
          false,
        )
      }
    }
  }

  // The paragraphs of a quotation that runs over several, credited to the frame found in its
  // last paragraph ('"It was a disaster. ¶ "We should have stopped it," he said.').
  private openParagraphQuotes(pending: readonly Quote[], source: Range | null, stance: Stance): void {
    for (const quote of pending) {
      const openTok = this.tokenAt(quote.open)
      this.emit(
        {
          source,
          implicitSource: null,
          stance,
          rule: 'quote-continued',
          confidence: 0.75,
          sentence: this.sentenceOf[openTok] ?? 0,
          at: quote.open,
          quote: true,
        },
        [quote.start, quote.end],
        3,
        false,
      )
    }
  }

  // ‘,” Smith said.’ / ‘,” said Smith, a spokesman.’ / ‘,” Smith told the Post on Monday.’
  private frameAfter(k: number, limit: number, s: Sentence): { source: Range | null; cue: number; stance: Stance } | null {
    // The quotation hands over to its frame: it ends with a comma, a question or exclamation
    // mark or a full stop, or a comma or dash follows ('"significant inaccuracies" in the
    // reports' is part of a sentence, not a quotation with a frame).
    let c = k - 1
    while (c > 0 && this.t(c)!.type === 'quote') c--
    const inside = this.t(c)
    const next = this.t(k)
    if (!(inside && /^[,?!.…]$/.test(inside.text)) && !(next && (next.text === ',' || DASHES.has(next.text)))) return this.bareFrameAfter(k, limit, s)
    let i = k
    while (i <= limit && (this.t(i)!.text === ',' || DASHES.has(this.t(i)!.text))) i++
    if (i > limit) return null
    // A signature: '"…" - Dana Whitfield.', '"…" —Corin Ashby, Port Ellery.'
    if (DASHES.has(next?.text ?? '') && this.t(i)!.type === 'word' && this.t(i)!.cap) {
      let e = i
      while (e < limit && e - i < 4 && this.t(e + 1)!.type === 'word' && this.t(e + 1)!.cap) e++
      const end = this.t(e + 1)
      if (e + 1 > limit || !end || end.text === '.' || end.text === ',') return { source: { first: i, last: e }, cue: k, stance: 'speech' }
    }
    // Inverted: the cue comes first.
    // ("read" is its own past tense: '"…," read the statement'.)
    const first = this.cueAt(i, { ...s, first: -1 }) ?? (this.isWord(i) && hasPastForm(this.lower(i)) ? cueOf(this.lower(i)) : undefined)
    if (first && first.frames.has('quote') && first.form !== 'ing' && (first.form !== 'base' || hasPastForm(this.lower(i)))) {
      return { source: this.sourceRight(i + 1, s), cue: i, stance: first.stance }
    }
    // Any verb in the past tense hands a quotation over when its comma, question or exclamation
    // mark says so and the frame ends there: ‘,” Hollis grumbled on Friday.’, ‘?” barked Smith.’
    // (Not a name given to something: 'the “new Gannett,” as Reed dubbed the combination'.)
    const handsOver = inside !== undefined && (inside.text === ',' || inside.text === '?' || inside.text === '!') && this.lower(i) !== 'as'
    if (handsOver && (!first || !first.frames.has('quote')) && this.saidLike(i) && this.t(i + 1)?.cap) {
      const source = this.sourceRight(i + 1, s)
      if (source && this.endsFrame(source.last + 1, limit)) return { source, cue: i, stance: 'speech' }
    }
    for (let j = i + 1; j <= limit && j - i < 32; j++) {
      const t = this.t(j)!
      if (t.type === 'quote') return null
      // '"…," Jane Roe, 30, of Dayton, who took part in the survey, said': past a relative clause.
      if ((t.lower === 'who' || t.lower === 'which') && this.t(j - 1)?.text === ',') {
        let c = j + 1
        while (c <= limit && c - j < 20 && this.t(c)!.text !== ',' && this.t(c)!.type !== 'quote' && !FULL_STOP.test(this.t(c)!.text)) c++
        if (this.t(c)?.text === ',') {
          j = c
          continue
        }
      }
      // ('"…," the statement read.': a past tense spelt as its base form, where the frame ends.)
      const cue = this.cueAt(j, { ...s, first: -1 }) ?? this.pastAsBase(j, limit)
      if (cue && cue.frames.has('quote') && cue.form !== 'ing') {
        const source = this.sourceLeft(j, i)
        return source ? { source, cue: j, stance: cue.stance } : null
      }
      if (handsOver && (!cue || !cue.frames.has('quote')) && this.saidLike(j) && this.endsFrame(j + 1, limit)) {
        const source = this.sourceLeft(j, i)
        return source && this.speakerLike(source) ? { source, cue: j, stance: 'speech' } : null
      }
      if (t.type === 'word' && !t.cap && isFiniteVerb(t.lower) && !BETWEEN_SUBJECT_AND_CUE.has(t.lower) && t.lower !== '’s' && t.lower !== "'s") return null
    }
    return null
  }

  // A quotation whose comma was left out: '"… a second vote" Roe said.', '"…" said Jane Roe, a
  // spokeswoman.' Only a name and a cue that ends the sentence, so that quoted words
  // inside a sentence ('"a fresh start" might mean …') keep no frame.
  private bareFrameAfter(k: number, limit: number, s: Sentence): { source: Range | null; cue: number; stance: Stance } | null {
    const open = this.inQuote[k - 2] ?? -1
    if (open < 0 || !hasWords(this.doc.text, this.quotes[open]!.start, this.quotes[open]!.end, 3)) return null
    const cue = this.cueAt(k, { ...s, first: -1 })
    if (cue && cue.frames.has('quote') && (cue.form === 'ed' || cue.form === 's') && this.t(k + 1)?.cap) {
      const source = this.sourceRight(k + 1, s)
      return source ? { source, cue: k, stance: cue.stance } : null
    }
    for (let j = k; j <= limit && j - k < 5; j++) {
      const t = this.t(j)!
      if (t.type !== 'word') return null
      const c = j > k ? this.cueAt(j, { ...s, first: -1 }) : undefined
      if (c && c.frames.has('quote') && (c.form === 'ed' || c.form === 's')) {
        return this.endsFrame(this.skipAdverbials(j + 1, s), limit) ? { source: { first: k, last: j - 1 }, cue: j, stance: c.stance } : null
      }
      if (!t.cap) return null
    }
    return null
  }

  // A cue whose past tense is spelt as its base form ("read"), after a word and ending the frame:
  // past tense there, whatever the subject ('"…," the letter read.').
  private pastAsBase(j: number, limit: number): Cue | undefined {
    const t = this.t(j)
    if (!t || t.type !== 'word' || t.cap || this.quoted(j) || !hasPastForm(t.lower) || !this.isWord(j - 1)) return undefined
    if (MODALS_AND_TO.has(this.lower(j - 1)) || !this.endsFrame(j + 1, limit)) return undefined
    return cueOf(t.lower)
  }

  // A verb in the past tense that could say how words were spoken ("fumed", "barked", "pressed"),
  // not an auxiliary or a cue of the lexicon.
  private saidLike(j: number): boolean {
    const t = this.t(j)
    if (!t || t.type !== 'word' || t.cap || this.quoted(j)) return false
    return isPastTense(t.lower) && !BETWEEN_SUBJECT_AND_CUE.has(t.lower) && !FINITE_AUXILIARIES.has(t.lower)
  }

  // The frame ends at k: the sentence ends, or a comma, a listener or a time follows
  // ("… on Tuesday.", "… to reporters.", "…, adding …").
  private endsFrame(k: number, limit: number): boolean {
    for (let i = k; i <= limit + 1 && i - k < 6; i++) {
      const t = this.t(i)
      if (!t || i > limit) return true
      if (t.text === '.' || t.text === ',' || t.text === '!' || t.text === '?' || t.text === ';' || DASHES.has(t.text)) return true
      if (t.type === 'quote') return true
      if (t.type !== 'word' || (isFiniteVerb(t.lower) && !t.cap)) return false
    }
    return false
  }

  // ‘“Can she stay?” Trump asked.’: a question or an exclamation closes its quotation and its
  // sentence, and the frame stands in the next sentence of the paragraph.
  private frameInNextSentence(k: number, s: Sentence, nextOpen: number): { source: Range | null; cue: number; stance: Stance } | null {
    if (k !== s.last + 1) return null
    let c = k - 1
    while (c > s.first && this.t(c)!.type === 'quote') c--
    const mark = this.t(c)?.text
    const next = this.doc.sentences[s.index + 1]
    // A full stop in place of the comma, when the next sentence is only the frame: '"… a second
    // vote." Roe said.' (and it says nothing of its own: no quotation in it, a few words past the cue).
    if (mark === '.' && !DASHES.has(this.t(k)?.text ?? '')) {
      if (!next || next.first !== k || next.paragraph !== s.paragraph || next.last >= nextOpen) return null
      const frame = this.bareFrameAfter(k, next.last, next)
      return frame && next.last - frame.cue <= 6 ? frame : null
    }
    // (Or a signature after a dash: '"… We will fix the bridge." - Dana Whitfield.')
    if (mark !== '?' && mark !== '!' && !DASHES.has(this.t(k)?.text ?? '')) return null
    // (A signature may stand in a paragraph of its own.)
    const signature = DASHES.has(this.t(k)?.text ?? '') && next?.first === k
    if (!next || (next.paragraph !== s.paragraph && !(signature && next.paragraph === s.paragraph + 1))) return null
    return this.frameAfter(k, Math.min(next.last, nextOpen - 1), next)
  }

  // ‘Smith said: "…’ / ‘Smith told reporters, "…’ / ‘…, adding: "…’ / ‘said in a statement that "…’
  private frameBefore(open: number, floor: number, s: Sentence): { source: Range | null; cue: number; stance: Stance } | null {
    let j = open - 1
    if (j < floor) return null
    // What may stand between the cue and the quotation.
    if (this.t(j)!.text === ':' || this.t(j)!.text === ',') j--
    if (this.lower(j) === 'that') j--
    for (let back = 0; j >= floor && back < 12; back++, j--) {
      const cue = this.cueAt(j, s)
      if (cue && (cue.frames.has('quote') || cue.frames.has('obj-clause'))) {
        // Only listeners and adverbials between the cue and the quotation.
        let k = j + 1
        if (cue.frames.has('obj-clause') || cue.frames.has('obj-to')) k = this.skipListener(k, s)
        k = this.skipAdverbials(k, s)
        // "said of the mayor, "…"": whom the words are about.
        if (this.lower(k) === 'of' && cue.base === 'say') k = this.phraseToComma(k + 1, open, 8)
        if (this.t(k)?.text === ',' || this.t(k)?.text === ':') k++
        if (this.lower(k) === 'that') k++
        // "told the teachers who came to the meeting, "…"": a listener of any length.
        if (k !== open && cue.frames.has('obj-clause') && cue.base === 'tell') k = this.phraseToComma(j + 1, open, 16) + 1
        if (k !== open) return null
        const source = cue.form === 'ing' ? this.mainSubject(j, s) : this.sourceLeft(j, Math.max(floor, s.first))
        return { source: source ?? this.mainSubject(j, s), cue: j, stance: cue.stance }
      }
      const t = this.t(j)!
      if (t.type === 'quote' || t.text === '.' || t.text === ';') return null
    }
    return null
  }

  // The comma (or colon) that ends a phrase of words from k, straight before the quotation at
  // `open`, within `max` tokens; else k.
  private phraseToComma(k: number, open: number, max: number): number {
    const comma = open - 1
    if (comma - k > max || comma <= k || (this.t(comma)!.text !== ',' && this.t(comma)!.text !== ':')) return k
    for (let i = k; i < comma; i++) {
      const t = this.t(i)!
      if (t.type === 'word' || t.text === ',' || (t.text === '.' && TITLE_ABBREVIATIONS.has(this.lower(i - 1)))) continue
      return k
    }
    return comma
  }

  // 'X released the following statement: "…"', 'Transcript: "…"', and a quotation that opens a
  // paragraph after one ending in a colon ("At the harbour fair in May, she said:"): the source is the
  // subject of the clause before the colon (or its cue's subject).
  private colonBefore(open: number, floor: number, s: Sentence, quote: Quote): { source: Range | null; cue: number; stance: Stance } | null {
    const colon = open - 1
    if (colon >= floor && this.t(colon)?.text === ':') {
      const subject = this.sentenceSubject(s) ?? this.nameLabel(this.clauseStart(s), colon)
      if (subject && subject.last < colon) return { source: subject, cue: colon, stance: 'speech' }
      return null
    }
    if (!quote.opensParagraph || open === 0 || this.t(open - 1)?.text !== ':') return null
    const prev = this.doc.sentences[this.sentenceOf[open - 1]!]
    if (!prev) return null
    for (let j = prev.last - 1; j >= prev.first && prev.last - j < 12; j--) {
      const cue = this.cueAt(j, prev)
      if (cue && cue.frames.has('quote'))
        return { source: cue.form === 'ing' ? this.mainSubject(j, prev) : this.sourceLeft(j, this.clauseStart(prev)), cue: j, stance: cue.stance }
    }
    const subject = this.sentenceSubject(prev)
    return subject ? { source: subject, cue: open - 1, stance: 'speech' } : null
  }

  // 'Rep. Jane Roe (D-N.Y.): "…"', 'Roe: "…"': a name (titles and a bracketed party or place
  // allowed) that is all the words before the colon, and no label of the page.
  private nameLabel(first: number, colon: number): Range | null {
    if (colon <= first || colon - first > 12) return null
    let last = -1
    let depth = 0
    for (let i = first; i < colon; i++) {
      const t = this.t(i)!
      if (t.text === '(') depth++
      else if (t.text === ')') depth--
      else if (depth > 0) continue
      else if (t.type === 'word' && t.cap && !PAGE_LABELS.has(t.lower)) last = depth === 0 ? i : last
      else if (!(t.text === '.' && i > first && TITLE_ABBREVIATIONS.has(this.lower(i - 1)))) return null
    }
    return depth === 0 && last >= first ? { first, last } : null
  }

  // A speaker's name as a label, as transcripts and headlines credit words: 'Clinton: I support
  // statehood.', 'NORA VANCE: The mayor posted a letter …'. The label opens the sentence,
  // is one to four capitalised words and is no label of the page ("Update:", "Photo:").
  protected speakerLabel(s: Sentence): void {
    let colon = s.first
    // (A title's full stop is inside the name: "Dr. Jane Roe: …".)
    const titleStop = (i: number) => this.t(i)!.text === '.' && i > s.first && TITLE_ABBREVIATIONS.has(this.lower(i - 1))
    while (colon <= s.last && colon - s.first < 6 && ((this.t(colon)!.type === 'word' && this.t(colon)!.cap) || titleStop(colon)) && !this.quoted(colon))
      colon++
    if (colon === s.first || colon > s.last || this.t(colon)!.text !== ':') return
    if (PAGE_LABELS.has(this.lower(colon - 1)) || PAGE_LABELS.has(this.lower(s.first))) return
    const k = colon + 1
    // (Single quotation marks are a headline's: no quotation of their own to frame.)
    if (k > s.last || (this.t(k)!.type === 'quote' && (this.quoted(k) || this.quoted(k + 1))) || this.t(k)!.newline) return
    // Words with a verb: not a headline's topic or a list of names ('Ohio: Wren Halvorsen, …').
    let verb = false
    const headline = this.headline(s)
    for (let i = k; i <= s.last && !verb; i++)
      verb = this.t(i)!.type === 'word' && (((!this.t(i)!.cap || headline) && isFiniteVerb(this.lower(i))) || PRONOUN_CONTRACTION.test(this.lower(i)))
    if (!verb) return
    this.emit(
      {
        source: { first: s.first, last: colon - 1 },
        implicitSource: null,
        stance: 'speech',
        rule: 'speaker-label',
        confidence: 0.6,
        sentence: s.index,
        at: this.t(colon)!.start,
        quote: false,
      },
      this.charSpan(k, s.last + 1),
      4,
    )
  }
}
