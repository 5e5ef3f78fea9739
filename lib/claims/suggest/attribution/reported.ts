// Sources named around the words rather than by a cue verb: "according to", hearsay adverbs
// ("reportedly"), polls, "as reported by", "referring to".
import { HEARSAY_ADVERBS, isFiniteVerb, type Stance } from '../lexicon'
import type { Sentence } from '../text'
import type { Range } from './reader'
import { StanceFrames } from './stances'
import { FULL_STOP, BOUNDARY_WORDS, DETERMINERS, PRONOUNS, PREPOSITIONS, BE, DASHES, TITLE_ABBREVIATIONS, STOP_PUNCT } from './words'

const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling'])
const PARTICIPLES_AFTER_POLL = new Set(['released', 'conducted', 'published', 'taken', 'done', 'commissioned', 'sponsored'])
const NOT_SOURCES = /^(?:plan|plans|schedule|script|tradition|custom|design|expectations?|form)$/

export abstract class ReportedFrames extends StanceFrames {
  // "According to X, …" / "…, according to X." / "As X reported, …" / "That's according to X."
  protected accordingTo(s: Sentence): void {
    const start = this.clauseStart(s)
    if (this.hasHearsay(s)) return
    for (let i = s.first; i < s.last; i++) {
      if (this.quoted(i)) continue
      const isAccording = this.lower(i) === 'according' && this.lower(i + 1) === 'to'
      const isPer = this.lower(i) === 'per' && i > s.first && this.t(i - 1)!.text === ',' && this.t(i + 1)?.cap
      if (!isAccording && !isPer) continue
      const srcFirst = isAccording ? i + 2 : i + 1
      let srcLast = srcFirst
      // A source may be long: "According to partial results of a canvass carried out by X for Y, …".
      // ("Mr.", "Rep.": a title's full stop is inside the source.)
      const titleStop = (j: number) => this.t(j)!.text === '.' && TITLE_ABBREVIATIONS.has(this.lower(j - 1)) && j < s.last
      while (
        srcLast + 1 <= s.last &&
        (!STOP_PUNCT.has(this.t(srcLast + 1)!.text) || titleStop(srcLast + 1)) &&
        this.t(srcLast + 1)!.type !== 'quote' &&
        srcLast - srcFirst < 24
      )
        srcLast++
      if (srcFirst > s.last) continue
      const source = { first: srcFirst, last: srcLast }
      // "according to the results", "according to two broadcasters": whatever follows is a source
      // here, but a plan ("according to plan", "according to the schedule").
      const check = false
      if (NOT_SOURCES.test(this.lower(srcLast)) && srcLast - srcFirst < 3) continue
      const base = {
        source,
        implicitSource: null,
        stance: 'speech' as Stance,
        sentence: s.index,
        at: this.t(i)!.start,
        quote: false,
        rule: 'according-to',
        confidence: 0.8,
      }
      // It opens the sentence, or a clause after a colon, a semicolon or a dash.
      const prevText = this.t(i - 1)?.text ?? ''
      const opening = i <= start + 1 || (i > start && (prevText === ':' || prevText === ';' || DASHES.has(prevText)))
      const after = this.t(srcLast + 1)?.text
      if (opening && (after === ',' || after === ':')) {
        // 'According to the Ledger: "…"': what follows the colon.
        this.emit(base, this.charSpan(srcLast + 2, this.clauseEnd(srcLast + 2, s)), 3, check)
      } else if (i > start && srcLast + 1 >= s.last && (this.t(i - 1)!.text === ',' || this.t(i - 1)!.type === 'word' || this.t(i - 1)!.type === 'quote')) {
        // "That's according to X": the sentence before is the attributed one.
        if (/^that(?:’s|'s| is)?$/i.test(this.doc.text.slice(this.t(start)!.start, this.t(i - 1)!.start).trim()) && s.index > 0) {
          const prev = this.doc.sentences[s.index - 1]!
          this.emit(base, this.charSpan(this.clauseStart(prev), prev.last + 1), 3, check)
        } else {
          // "… by 38 seats according to a count by X." needs no comma.
          this.emit(base, this.charSpan(start, this.t(i - 1)!.type === 'word' ? i : i - 1), 3, check)
        }
      } else if (/^that(?:’s|'s| is)?$/i.test(this.doc.text.slice(this.t(start)!.start, this.t(i)!.start).trim()) && s.index > 0) {
        const prev = this.doc.sentences[s.index - 1]!
        this.emit(base, this.charSpan(this.clauseStart(prev), prev.last + 1), 3, check)
      } else if (this.t(i - 1)?.text === ',' && this.t(srcLast + 1)?.text === ',') {
        // In the middle: the whole sentence is the claim.
        this.emit({ ...base, confidence: 0.65 }, this.charSpan(start, s.last + 1), 4, check)
      }
      return
    }
    // "As Emily Feng reports for NPR, …", "As Smith put it, …", "…, as Smith puts it, "…""
    for (let a = start; a < s.last; a++) if (this.lower(a) === 'as' && (a === start || this.t(a - 1)!.text === ',') && this.asReported(a, s)) return
  }

  private asReported(start: number, s: Sentence): boolean {
    const opener = this.t(start + 1)
    if (opener && (opener.cap || DETERMINERS.has(opener.lower) || PRONOUNS.has(opener.lower))) {
      let comma = -1
      for (let j = start + 2; j <= s.last && j - start < 24; j++) {
        // "As Smith put it, …": how someone worded it; "As Jane Roe, the party's deputy
        // leader, put it: …" (an apposition only before "put it").
        const putIt = /^puts?$/.test(this.lower(j)) && this.lower(j + 1) === 'it'
        // "As the deadline approached, officials said …": the source ends before any comma.
        if (STOP_PUNCT.has(this.t(j)!.text)) {
          if (this.t(j)!.text !== ',' || j - start >= 12) return false
          if (comma < 0) comma = j
          continue
        }
        // (Inside a sentence, "…, as Smith put it, …" only: "…, as he predicted, …" looks back.)
        if ((comma >= 0 || start !== this.clauseStart(s)) && !putIt) continue
        const cue = j - start < 12 ? this.cueAt(j, s) : undefined
        if ((cue && cue.frames.has('quote')) || putIt) {
          let c = j + 1
          while (c <= s.last && this.t(c)!.text !== ',' && this.t(c)!.text !== ':' && c - j < 8) c++
          if (this.t(c)?.text !== ',' && this.t(c)?.text !== ':') return false
          this.usedCues.add(j)
          this.emit(
            {
              source: { first: start + 1, last: (comma >= 0 ? comma : j) - 1 },
              implicitSource: null,
              stance: 'speech',
              sentence: s.index,
              at: this.t(j)!.start,
              quote: false,
              rule: 'as-reported',
              confidence: 0.7,
            },
            this.charSpan(c + 1, this.clauseEnd(c + 1, s)),
            4,
          )
          return true
        }
      }
    }
    return false
  }

  // '"…," Roe said, referring to the new stadium.': whom or what the speaker meant is the
  // speaker's too (the subject of the clause, or the last source credited in the sentence).
  protected referringTo(s: Sentence): void {
    for (let i = s.first + 1; i < s.last; i++) {
      if (this.lower(i) !== 'referring' || this.lower(i + 1) !== 'to' || this.t(i - 1)!.text !== ',' || this.quoted(i)) continue
      const source = this.mainSubject(i, s)
      if (!source) return
      this.emit(
        { source, implicitSource: null, stance: 'speech', sentence: s.index, at: this.t(i)!.start, quote: false, rule: 'referring-to', confidence: 0.6 },
        this.charSpan(i + 2, this.clauseEnd(i + 2, s)),
        1,
        false,
      )
      return
    }
  }

  // A poll as the source: "In a survey out this week, most renters favour …" (what follows the
  // comma), "… ahead by nine points in that poll." (what comes before "in").
  protected inPoll(s: Sentence): void {
    const start = this.clauseStart(s)
    for (let i = s.first; i < s.last; i++) {
      if (this.lower(i) !== 'in' || this.quoted(i)) continue
      let last = i + 1
      let poll = -1
      while (last <= s.last && last - i <= 12 && this.isWord(last)) {
        if (POLL_NOUNS.has(this.lower(last))) poll = last
        // (A verb: "people in the town go to the polls", "those in the survey agreed".)
        else if (!this.t(last)!.cap && isFiniteVerb(this.lower(last)) && !PARTICIPLES_AFTER_POLL.has(this.lower(last))) break
        last++
      }
      if (poll < 0) continue
      const opening = i === start
      // At the end, one poll named ("… by nine points in that poll."), not a standing "in the
      // polls", which says how someone fares.
      const closing =
        !opening &&
        last >= s.last &&
        FULL_STOP.test(this.t(s.last)!.text) &&
        i > start + 2 &&
        (this.lower(poll) === 'poll' || this.lower(poll) === 'survey') &&
        DETERMINERS.has(this.lower(i + 1))
      if (!opening && !closing) continue
      if (opening && this.t(last)?.text !== ',') continue
      const base = {
        source: { first: i + 1, last: last - 1 },
        implicitSource: null,
        stance: 'speech' as Stance,
        sentence: s.index,
        at: this.t(i)!.start,
        quote: false,
        rule: 'poll-finds',
        confidence: 0.6,
      }
      if (opening) this.emit(base, this.charSpan(last + 1, this.clauseEnd(last + 1, s)), 4, false)
      else this.emit(base, this.charSpan(start, this.t(i - 1)!.text === ',' ? i - 1 : i), 4, false)
      return
    }
  }

  // The source of a closing "…, according to X." in the sentence, if any.
  private accordingSource(s: Sentence): Range | null {
    for (let i = s.first; i < s.last; i++) {
      if (this.lower(i) !== 'according' || this.lower(i + 1) !== 'to' || this.quoted(i)) continue
      let last = i + 2
      while (last + 1 <= s.last && !STOP_PUNCT.has(this.t(last + 1)!.text) && this.t(last + 1)!.type !== 'quote' && last - i < 16) last++
      return last >= i + 2 ? { first: i + 2, last } : null
    }
    return null
  }

  private hasHearsay(s: Sentence): boolean {
    for (let i = s.first; i <= s.last; i++) if (HEARSAY_ADVERBS.has(this.lower(i)) && this.lower(i) !== 'apparently' && !this.quoted(i)) return true
    return false
  }

  // "… reportedly …", "… allegedly …": the clause around the adverb, someone else's account.
  protected hearsay(s: Sentence): void {
    for (let i = s.first; i <= s.last; i++) {
      if (!HEARSAY_ADVERBS.has(this.lower(i)) || this.quoted(i) || this.lower(i) === 'apparently') continue
      // "the $20 reportedly demanded by Ferro": a participle describing a noun, not a clause.
      if (/ed$/.test(this.lower(i + 1)) && this.lower(i + 2) === 'by' && !BE.has(this.lower(i - 1)) && !/^(?:has|have|had)$/.test(this.lower(i - 1))) continue
      let from = i - 1
      while (
        from > s.first &&
        !STOP_PUNCT.has(this.t(from - 1)!.text) &&
        this.t(from - 1)!.type !== 'quote' &&
        this.lower(from - 1) !== 'and' &&
        !(BOUNDARY_WORDS.has(this.lower(from - 1)) && this.lower(from - 1) !== 'that')
      )
        from--
      const start = PREPOSITIONS.has(this.lower(i - 1)) ? i : Math.max(from, this.clauseStart(s))
      let end = this.clauseEnd(i + 1, s)
      for (let j = i + 1; j < end; j++) {
        if (this.t(j)!.text === '(' || (this.lower(j) === 'and' && this.hasOwnCue(j + 1, s, 4) && HEARSAY_ADVERBS.has(this.lower(j + 2)))) {
          end = j
          break
        }
      }
      const according = this.accordingSource(s)
      this.emit(
        {
          source: according,
          implicitSource: according ? null : 'unnamed reports',
          stance: this.lower(i) === 'allegedly' ? 'accusation' : 'speech',
          rule: `hearsay-${this.lower(i)}`,
          confidence: 0.6,
          sentence: s.index,
          at: this.t(i)!.start,
          quote: false,
        },
        this.charSpan(start, end),
        4,
      )
    }
  }
}
