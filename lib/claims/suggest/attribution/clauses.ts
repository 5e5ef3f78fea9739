// What was said: where the reported clause after a cue starts and ends, past adverbials and a
// listener ("told reporters that …").
import { ADVERBIAL_NOUNS, ADVERBIAL_PREPOSITIONS, ADVERBS, cueOf, HEARSAY_ADVERBS, isFiniteVerb, LISTENERS, type Cue } from '../lexicon'
import type { Sentence } from '../text'
import { SourceReader } from './sources'
import {
  PRONOUN_CONTRACTION,
  FULL_STOP,
  SUBORDINATOR,
  BOUNDARY_WORDS,
  DETERMINERS,
  PRONOUNS,
  PREPOSITIONS,
  DASHES,
  CONNECTOR_WORDS,
  MODALS_AND_TO,
  TITLE_ABBREVIATIONS,
} from './words'

const TAIL_PREPOSITIONS = /^(?:in|at|from|on|during|via|through|with|before|after|over|under)$/
const SUBJECT_PRONOUN = /^(?:he|she|they|we|i|it|there)$/
const CAPITAL_FIRST = /^\p{Lu}/u
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'it', 'you'])
const CUT_AFTER_COMMA = new Set([
  'after',
  'before',
  'because',
  'since',
  'adding',
  'saying',
  'citing',
  'noting',
  'arguing',
  'according',
  'while',
  'whereas',
  'but',
  'although',
  'though',
  'insisting',
  'explaining',
  'claiming',
  'as',
  'warning',
  'writing',
  'telling',
  'stressing',
  'alleging',
  'accusing',
  'calling',
  'prompting',
  'referring',
  'sparking',
  'raising',
  'even',
])
const ADVERBIAL_FILLER = new Set([
  'with',
  'of',
  'the',
  'a',
  'an',
  'to',
  'on',
  'its',
  'his',
  'her',
  'their',
  'our',
  'social',
  'media',
  'local',
  'national',
  'state',
  'conference',
  'press',
  'news',
  'phone',
  'telephone',
  'television',
  'televised',
  'radio',
  'written',
  'joint',
  'separate',
  'brief',
  'lengthy',
  'official',
  'recent',
  'new',
  'public',
  'private',
  'company',
  'internal',
  'emailed',
  'prepared',
  'weekly',
  'annual',
  'earnings',
  'quarterly',
  'investor',
  'investors',
  'late',
  'early',
  'last',
  'next',
  'this',
  'that',
])
const SAY_OBJECTS = new Set([
  'nothing',
  'so',
  'something',
  'anything',
  'everything',
  'goodbye',
  'hello',
  'yes',
  'no',
  'grace',
  'prayer',
  'prayers',
  'mass',
  'thanks',
  'farewell',
  'sorry',
  'little',
  'much',
  'more',
  'less',
  'otherwise',
  'as',
  'much',
  'things',
  'the',
  'what',
  'this',
  'these',
  'those',
  'one',
])

const PARTICIPLE = /^(?:[a-z]+ed|sent|made|written|given|seen|shown|issued|put|read)$/

export abstract class ClauseReader extends SourceReader {
  // "…, Hollande said Tuesday in Paris.", "…, she said from her home in Ohio.": a short
  // place or medium phrase ends the sentence after the cue, with no verb of its own.
  protected placeTail(k: number, s: Sentence): boolean {
    if (k > s.last || !TAIL_PREPOSITIONS.test(this.lower(k)) || this.t(k)!.cap || s.last - k > 8) return false
    const next = this.t(k + 1)
    if (!next || next.type !== 'word' || !(next.cap || DETERMINERS.has(next.lower) || /^(?:his|her|their|its|an?|\d.*)$/.test(next.lower))) return false
    for (let j = k + 1; j <= s.last; j++) {
      const t = this.t(j)!
      if (j === s.last && FULL_STOP.test(t.text)) return true
      if (t.text === '.' && this.t(j - 1)?.type === 'word' && TITLE_ABBREVIATIONS.has(this.lower(j - 1))) continue
      if (t.type !== 'word' || (!t.cap && (isFiniteVerb(t.lower) || BOUNDARY_WORDS.has(t.lower) || cueOf(t.lower)))) return false
    }
    return false
  }

  // Past "on Thursday", "in a statement", "late Tuesday", "in an interview with the BBC".
  protected skipAdverbials(k: number, s: Sentence): number {
    let i = k
    for (let hop = 0; hop < 5 && i <= s.last; hop++) {
      const t = this.t(i)!
      if (t.text === ',' && i + 1 <= s.last && (ADVERBS.has(this.lower(i + 1)) || ADVERBIAL_PREPOSITIONS.has(this.lower(i + 1)))) {
        i++
        continue
      }
      if (ADVERBS.has(t.lower)) {
        i++
        continue
      }
      if (ADVERBIAL_PREPOSITIONS.has(t.lower)) {
        let j = i + 1
        let hit = -1
        while (j <= s.last && j - i <= 8) {
          const w = this.t(j)!
          if (w.text === '.' && this.t(j - 1)?.type === 'word') {
            j++
            continue
          }
          if (w.type !== 'word') break
          // "said on Tuesday that the campaign …": "that" after the adverbial's noun opens the clause.
          if (hit >= 0 && w.lower === 'that') break
          if (ADVERBIAL_NOUNS.has(w.lower) || /^\d/.test(w.text)) hit = j
          else if (w.cap && j > i + 1) hit = hit >= 0 ? j : hit
          else if (!ADVERBIAL_FILLER.has(w.lower) && !(hit < 0 && !isFiniteVerb(w.lower) && !BOUNDARY_WORDS.has(w.lower) && j - i <= 3)) break
          j++
        }
        if (hit < 0) break
        // "in an interview with the BBC": the listener belongs to the adverbial too.
        i = hit + 1
        // "in a statement released on Monday", "in a lawsuit filed last week": a participle
        // describing the adverbial's noun, with a time or place of its own.
        if (this.isWord(i) && !this.t(i)!.cap && PARTICIPLE.test(this.lower(i)) && ADVERBIAL_PREPOSITIONS.has(this.lower(i + 1))) i++
        continue
      }
      break
    }
    return i
  }

  // A finite verb among the first words: what follows reads as a clause, not an object.
  // "say" seldom takes an object ("said nothing", "said so", "said a prayer"): words after it that
  // run on (four or more, up to a clause boundary) are what was said, even when their verb is
  // one the lexicon does not know ("says ferry operators overcharge her neighbours").
  protected saysClause(cue: Cue, k: number, s: Sentence): boolean {
    if (
      cue.base !== 'say' ||
      !this.isWord(k) ||
      SAY_OBJECTS.has(this.lower(k)) ||
      PREPOSITIONS.has(this.lower(k)) ||
      (DETERMINERS.has(this.lower(k)) && !this.isWord(k + 1))
    )
      return false
    if (/^(?:a|an)$/.test(this.lower(k)) && SAY_OBJECTS.has(this.lower(k + 1))) return false
    const end = this.clauseEnd(k, s)
    let words = 0
    for (let j = k; j < end && words < 4; j++) if (this.isWord(j)) words++
    return words >= 4
  }

  protected startsClause(k: number, s: Sentence): boolean {
    // "(said) he planned …", "(said) they would …": a subject pronoun opens a clause.
    if (SUBJECT_PRONOUN.test(this.lower(k)) && this.isWord(k + 1)) return true
    // "(said) he'd …", "(said) they're …": the pronoun with its auxiliary in one token.
    if (PRONOUN_CONTRACTION.test(this.lower(k))) return true
    for (let i = k; i <= s.last && i - k < 12; i++) {
      const t = this.t(i)!
      if (
        t.type === 'punct' &&
        (t.text === ';' ||
          (t.text === '.' &&
            !(
              (this.t(i - 1)?.type === 'word' && this.t(i - 1)!.end === t.start && /\./.test(this.t(i - 1)!.text + this.lower(i - 1))) ||
              (CAPITAL_FIRST.test(this.t(i - 1)?.text ?? '') && (this.t(i - 1)?.text.length ?? 0) <= 4)
            )))
      )
        return false
      if (i > k && SUBORDINATOR.test(t.lower)) return false
      if (i > k && t.type === 'word' && (!t.cap || this.headline(s)) && isFiniteVerb(t.lower)) return true
      if (
        i > k &&
        (t.lower === "'s" || t.lower === '’s') &&
        this.t(i + 1) &&
        !this.t(i + 1)!.cap &&
        this.isWord(i + 1) &&
        /^(?:been|not|a|an|the|no|never|going|done|gone|over|still|just|also|very|too|likely|unlikely|ready|clear|time|important|possible|true|hard|easy|up|down|in|on|out|all|about|why|what|how)$/.test(
          this.lower(i + 1),
        )
      )
        return true
    }
    return false
  }

  // Where the clause that starts at k ends: the sentence's end, a semicolon, a new clause joined
  // by ", while / , adding / , but / , according to", a second cue ("… and denied …"), "and that".
  protected clauseEnd(k: number, s: Sentence): number {
    let depth = 0
    for (let i = k; i <= s.last; i++) {
      const t = this.t(i)!
      if (t.text === '(') depth++
      if (t.text === ')') depth = Math.max(0, depth - 1)
      // '…conversation,” adding “…' : a quotation that hands over to a new clause ends it.
      if (t.type === 'quote' && i > k && this.t(i - 1)!.text === ',' && CUT_AFTER_COMMA.has(this.lower(i + 1))) return i + 1
      if (depth > 0 || this.quoted(i)) continue
      if (t.text === ';') return i
      if (t.text === ',' && i + 1 <= s.last) {
        const next = this.lower(i + 1)
        if (CUT_AFTER_COMMA.has(next)) return i
        if (this.invertedSourceAfter(i + 1, s)) return i
        // ", which will reportedly …", ", who said …": a relative clause with its own source.
        if ((next === 'which' || next === 'who') && this.hasOwnCue(i + 2, s)) return i
        // ", it has also acknowledged that …": a new attributed clause.
        if (this.cueClauseAhead(i + 1, s)) return i
      }
      // "a post that said …": the relative clause is another attribution.
      if ((t.lower === 'that' || t.lower === 'which') && i > k && this.isWord(i - 1) && !this.t(i - 1)!.cap && this.hasOwnCue(i + 1, s, 2)) return i
      // "…outbreak—and Beijing officials admitted that …": a dash before a new clause.
      if (DASHES.has(t.text) && (this.lower(i + 1) === 'and' || this.lower(i + 1) === 'but') && this.cueClauseAhead(i + 2, s)) return i
      if ((t.lower === 'and' || t.lower === 'but') && i > k && this.cueClauseAhead(i + 1, s)) return i
      if ((t.lower === 'and' || t.lower === 'but') && i > k) {
        const n1 = this.lower(i + 1)
        const n2 = this.lower(i + 2)
        const baseCue = cueOf(n1)?.form === 'base' && (PRONOUNS.has(n2) || n2 === 'that')
        if (
          n1 === 'that' ||
          baseCue ||
          cueOf(n1)?.form === 'ed' ||
          cueOf(n1)?.form === 's' ||
          // "calling it “wasteful” and insisting that …": a second participle, a second cue.
          cueOf(n1)?.form === 'ing' ||
          ((n1 === 'also' || n1 === 'has' || n1 === 'have' || n1 === 'then' || n1 === 'later') && cueOf(n2))
        )
          return i
      }
    }
    return s.last + 1
  }

  // A cue or a hearsay adverb within the next few words.
  protected hasOwnCue(k: number, s: Sentence, within = 4): boolean {
    for (let i = k; i <= s.last && i - k < within; i++) {
      const w = this.lower(i)
      if (HEARSAY_ADVERBS.has(w) && w !== 'apparently') return true
      const c = cueOf(w)
      if (c && (c.form === 'ed' || c.form === 's') && c.stance !== 'support' && c.frames.has('clause')) return true
    }
    return false
  }

  // "NP (has) (also) CUE that" at k: another clause with its own source.
  private cueClauseAhead(k: number, s: Sentence): boolean {
    for (let i = k; i <= s.last && i - k < 7; i++) {
      const t = this.t(i)!
      if (t.type !== 'word') return false
      const c = cueOf(t.lower)
      if (c && i > k && (c.form === 'ed' || c.form === 's') && !t.cap) return this.lower(i + 1) === 'that' || this.t(i + 1)?.text === ':'
    }
    return false
  }

  // ", the company said." / ", said Jane Roe." / ", Smith told the Post." at k: a speaker of a
  // clause that came before, then the sentence's end.
  private invertedSourceAfter(k: number, s: Sentence): boolean {
    for (let i = k; i <= s.last && i - k < 14; i++) {
      const t = this.t(i)!
      if (t.type === 'quote' || t.text === ';') return false
      if (t.type !== 'word') continue
      const cue = cueOf(t.lower)
      if (cue && cue.frames.has('quote') && (cue.form === 'ed' || cue.form === 's') && !t.cap) {
        const after = this.skipAdverbials(i + 1, s)
        const rest = after > s.last ? '' : this.doc.text.slice(this.t(after)!.start, this.t(s.last)!.end)
        return i - k <= 8 && (/^[\s.,!?”"’)]*$/.test(rest) || (cue.base === 'tell' && /^[\p{L}\s'’.&-]{0,40}[.!?]?$/u.test(rest)) || i === k)
      }
    }
    return false
  }

  // "told a school board meeting in Port Ellery on Thursday that …", "told the cheering crowd that …":
  // a listener of any length, with where and when, up to the "that" that opens what was said.
  protected thatAfterListener(k: number, s: Sentence): number | null {
    for (let j = k + 1; j <= s.last && j - k < 18; j++) {
      const t = this.t(j)!
      if (t.lower === 'that' && !t.cap) return j
      if (t.type === 'quote' || (t.type === 'punct' && t.text !== ',' && !(t.text === '.' && TITLE_ABBREVIATIONS.has(this.lower(j - 1))))) return null
      if (t.type === 'word' && !t.cap && (isFiniteVerb(t.lower) || cueOf(t.lower)) && !DETERMINERS.has(this.lower(j - 1))) return null
    }
    return null
  }

  // "told reporters", "told the BBC", "warned investors", "assured the public".
  protected skipListener(k: number, s: Sentence): number {
    const t = this.t(k)
    if (!t || t.type !== 'word') return k
    // "told a press briefing we were …", "told the radio host on Sunday he might …": a listener
    // of a few words, then a clause without "that" opened by a subject pronoun and its verb.
    const clause = this.pronounClauseAfter(k, s)
    if (clause > k) return clause
    if ((OBJECT_PRONOUNS.has(t.lower) && !t.cap) || LISTENERS.has(t.lower)) return k + 1
    let i = k
    if (DETERMINERS.has(t.lower)) i++
    const start = i
    const listener = (w: string) =>
      LISTENERS.has(w) ||
      /^(?:public|press|media|newspaper|paper|agency|committee|court|conference|audience|crowd|outlet|magazine|station|network|panel|board|hearing|senate|house|nation|country|world)$/.test(
        w,
      )
    while (
      i <= s.last &&
      i - start < 5 &&
      this.isWord(i) &&
      (this.t(i)!.cap || (!isFiniteVerb(this.lower(i)) && !BOUNDARY_WORDS.has(this.lower(i)) && i - start < 3 && listener(this.lower(i))))
    )
      i++
    return i > start ? i : k
  }

  private pronounClauseAfter(k: number, s: Sentence): number {
    for (let j = k + 1; j <= s.last && j - k <= 8; j++) {
      const t = this.t(j)!
      const verb = this.t(j + 1)
      if (!t.cap && SUBJECT_PRONOUN.test(t.lower) && t.lower !== 'it' && t.lower !== 'there' && verb?.type === 'word' && !verb.cap) {
        return isFiniteVerb(verb.lower) || MODALS_AND_TO.has(verb.lower) ? j : k
      }
      const w = this.t(j - 1)!
      if (w.type !== 'word' && !(w.text === '.' && TITLE_ABBREVIATIONS.has(this.lower(j - 2)))) return k
      if (w.type !== 'word' || w.cap || CONNECTOR_WORDS.has(w.lower)) continue
      if (isFiniteVerb(w.lower) || BOUNDARY_WORDS.has(w.lower) || cueOf(w.lower) || PRONOUNS.has(w.lower)) return k
    }
    return k
  }
}
