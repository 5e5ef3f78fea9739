// Reported speech after a cue verb: its subject and clause, inverted attributions ("…, the
// company said."), passive charges ("X was accused of …"), questions asked, noun-phrase
// objects ("denied any wrongdoing").
import { ADVERBS, BETWEEN_SUBJECT_AND_CUE, cueOf, isFiniteVerb, PERSON_TITLES, type Cue } from '../lexicon'
import type { Sentence, Token } from '../text'
import type { Attribution, Range } from './reader'
import { ReportedFrames } from './reported'
import {
  REFLEXIVE_OR_OBJECT,
  FULL_STOP,
  SUBORDINATOR,
  BOUNDARY_WORDS,
  DETERMINERS,
  PREPOSITIONS,
  BE,
  MODALS_AND_TO,
  TITLE_ABBREVIATIONS,
  STOP_PUNCT,
} from './words'

const LEGAL_ACTIONS = /^(?:lawsuits?|suits?|complaints?|claims)$/
const BRINGS = /^(?:filed?|files|filing|brought|brings?|bringing|lodged?|launched?)$/
const INQUIRIES = /^(?:investigate|probe)$/
const ANONYMOUS = /^(?:named|identified|quoted)$/
const HELD_BY_SUBJECT = /^(?:convinced|persuaded|worried)$/
const NOT_COMPLEMENTS = new Set([
  'back',
  'up',
  'out',
  'off',
  'down',
  'in',
  'over',
  'again',
  'twice',
  'once',
  'last',
  'yesterday',
  'today',
  'tonight',
  'early',
  'late',
  'home',
  'and',
  'or',
  'but',
  'so',
  'then',
  'this',
  'that',
  'every',
  'each',
  'several',
  'repeatedly',
  'immediately',
  'personally',
  'directly',
])
const NOT_INFINITIVE = /^(?:more|less|most|the|a|an|his|her|their|its|our|my|your|this|these|those|some|any|all|each|every|\d.*)$/
const TOPIC_PREPOSITIONS = /^(?:about|on|of|over|regarding)$/
const SIDE_PREPOSITIONS = /^(?:for|against)$/
const QUESTION_OPENERS = /^(?:if|whether|about|what|why|how|who|whom|which|when|where)$/
// Words that open an object or an adverbial, not a clause: "(added) to a gain", "(demanded) by X".
const NOT_A_CLAUSE = new Set([
  'to',
  'of',
  'about',
  'for',
  'with',
  'by',
  'in',
  'on',
  'at',
  'as',
  'and',
  'or',
  'but',
  'nothing',
  'so',
  'from',
  'into',
  'up',
  'out',
  'off',
  'over',
  'against',
  'during',
  'after',
  'before',
  'than',
])
const wordsIn = (tokens: readonly Token[], first: number, last: number) => {
  let n = 0
  for (let i = first; i <= last; i++) if (tokens[i]!.type === 'word') n++
  return n
}

export abstract class CueFrames extends ReportedFrames {
  // "named him reckless", "calls Roe unfit", "called her brother her idol": a naming verb's
  // object (a pronoun, a name, or "her / his" and a noun) and straight after it a word that
  // names or describes it, not a particle, a preposition, an adverb or a verb ("called him
  // back", "called them on Monday", "called it quits" aside, which are no attributions).
  private bareComplement(k: number, j: number): boolean {
    const object = this.lower(k)
    let end = -1
    if (REFLEXIVE_OR_OBJECT.test(object) && !this.t(k)!.cap) end = k
    else if (this.t(k)!.cap && this.isNameRun(k, j - 1) && !PERSON_TITLES.has(object)) end = j - 1
    if (end !== j - 1 || (object === 'it' && this.lower(j) === 'quits')) return false
    const t = this.t(j)!
    if (t.type !== 'word' || t.cap || NOT_COMPLEMENTS.has(t.lower) || PREPOSITIONS.has(t.lower) || ADVERBS.has(t.lower) || BOUNDARY_WORDS.has(t.lower))
      return false
    // ("unqualified", "deranged": a participle after the object describes it.)
    if (/ly$/.test(t.lower) || (isFiniteVerb(t.lower) && !/ed$/.test(t.lower)) || MODALS_AND_TO.has(t.lower) || cueOf(t.lower)) return false
    // ("the calls her office received": "her office" is a subject there.)
    const next = this.t(j + 1)
    if (next && next.type === 'word' && !next.cap && (isFiniteVerb(next.lower) || /[a-z]ed$/.test(next.lower))) return false
    return this.isWord(j + 1) || next?.text === '.' || next?.text === ','
  }

  // Where a clause from k ends before `end` at "and" / "but" and a verb of the same subject
  // ("called it a waste and urged …"), or at a subordinate clause ("… after the vote").
  private beforeNextVerb(k: number, end: number): number {
    for (let i = k; i < end; i++) {
      const w = this.lower(i)
      if ((w === 'and' || w === 'but') && this.isWord(i + 1) && !this.t(i + 1)!.cap && (isFiniteVerb(this.lower(i + 1)) || cueOf(this.lower(i + 1)))) return i
      if (i > k && SUBORDINATOR.test(w) && w !== 'as' && !this.quoted(i)) return i
    }
    return end
  }

  protected fromCue(i: number, cue: Cue, s: Sentence): void {
    const prev = this.lower(i - 1)
    const at = this.t(i)!.start
    const base = { implicitSource: null, stance: cue.stance, sentence: s.index, at, quote: false }
    // Passive: "was accused of", "has been criticised for", "were told to".
    if (cue.form === 'ed' && (BE.has(prev) || (BETWEEN_SUBJECT_AND_CUE.has(prev) && BE.has(this.lower(i - 2)))) && i > s.first) {
      this.passive(i, cue, s)
      return
    }
    if (cue.base === 'ask' && this.askedQuestion(i, cue, s)) return
    const progressive = cue.form === 'ing' && (BE.has(prev) || (BETWEEN_SUBJECT_AND_CUE.has(prev) && BE.has(this.lower(i - 2))))
    const subject = () =>
      cue.form === 'ing' && LEGAL_ACTIONS.test(prev) && !BRINGS.test(this.lower(i - 2)) && !BRINGS.test(this.lower(i - 3))
        ? // ("settled lawsuits alleging …": the suits' charge, not the defendant's; "filed a suit
          // alleging …" is the filer's.)
          { first: DETERMINERS.has(this.lower(i - 2)) ? i - 2 : i - 1, last: i - 1 }
        : (cue.form === 'ing' && !progressive) || (i > s.first && (prev === 'and' || prev === 'but'))
          ? this.mainSubject(i, s)
          : (this.sourceLeft(i, this.clauseStart(s)) ?? this.mainSubject(i, s))
    let k = i + 1
    // "declined to comment (on …)", "cried foul": the words are the cue itself.
    if (cue.frames.has('bare')) {
      this.emit(
        { ...base, source: subject(), rule: cue.stance === 'comment' ? 'no-comment' : 'cue-bare', confidence: 0.7 },
        // ("did not immediately respond to …": the negation stays in the words, which say the
        // opposite without it.)
        this.charSpan(cue.stance === 'comment' ? this.negationBefore(i) : i, this.clauseEnd(i + 1, s)),
        2,
      )
      return
    }
    // "voiced concerns that …", "raised questions about …".
    if (cue.frames.has('noun-that')) {
      for (let j = k; j <= s.last && j - k < 5; j++) {
        if (this.lower(j) === 'that' || this.lower(j) === 'about' || this.lower(j) === 'over') {
          this.emit({ ...base, source: subject(), rule: 'voiced', confidence: 0.65 }, this.charSpan(j + 1, this.clauseEnd(j + 1, s)), 3)
          return
        }
      }
      return
    }
    if (cue.base === 'rule out' || cue.base === 'point out') k++
    // "accused Acme of …", "warned investors of …"
    if (cue.frames.has('obj-of')) {
      for (let j = k; j <= s.last && j - k < 10; j++) {
        if (this.lower(j) === 'of') {
          const end = this.clauseEnd(j + 1, s)
          if (this.emit({ ...base, source: subject(), rule: 'accused-of', confidence: 0.8 }, this.charSpan(j + 1, end), 2)) return
          break
        }
        if (STOP_PUNCT.has(this.t(j)!.text) || this.t(j)!.type === 'quote') break
      }
    }
    // "fined Acme $5m for …", "sued the company over …"
    if (cue.frames.has('obj-for')) {
      const at = this.chargeFor(k, s)
      if (at >= 0) this.emit({ ...base, source: subject(), rule: 'charged-for', confidence: 0.7 }, this.charSpan(at + 1, this.clauseEnd(at + 1, s)), 2)
      return
    }
    // "described the deal as …", "called it "immaterial"", "called the process a sham".
    if (cue.frames.has('obj-as')) {
      for (let j = k; j <= s.last && j - k < 16; j++) {
        const t = this.t(j)!
        // Naming verbs take their complement bare: "called / labeled / dubbed it “…”".
        const naming = cue.base === 'call' || cue.base === 'label' || cue.base === 'dub' || cue.base === 'brand'
        // "called Jane Roe, the party's leader, a “fraud”": past the object's apposition.
        if (naming && t.text === ',' && j > k && this.isNameRun(k, j - 1)) {
          let c = j + 1
          while (c <= s.last && c - j < 10 && this.t(c)!.text !== ',' && this.t(c)!.type !== 'quote' && !FULL_STOP.test(this.t(c)!.text)) c++
          if (this.t(c)?.text === ',') {
            j = c
            continue
          }
        }
        const complement =
          t.lower === 'as' ||
          (naming && j > k && (t.type === 'quote' || ((t.lower === 'a' || t.lower === 'an') && j > k))) ||
          (naming && this.bareComplement(k, j))
        if (complement) {
          const end = this.beforeNextVerb(j + 1, this.clauseEnd(j + 1, s))
          if (this.emit({ ...base, source: subject(), rule: 'described-as', confidence: 0.7 }, this.charSpan(k, end), 2)) return
          break
        }
        // A participle inside the object ("advice from seasoned commanders") is no verb of its own.
        // "Roe’s neglect": a possessive, not "is", and a noun after it or a determiner ("the
        // board’s neglect"); "plans to open": an infinitive.
        const before = this.lower(j - 1)
        const attributive =
          (/ed$/.test(t.lower) && PREPOSITIONS.has(before)) ||
          DETERMINERS.has(before) ||
          before === '’s' ||
          before === "'s" ||
          t.lower === '’s' ||
          t.lower === "'s" ||
          before === 'to'
        if (STOP_PUNCT.has(t.text) || (t.type === 'word' && !t.cap && isFiniteVerb(t.lower) && !attributive)) break
      }
      // "called on the governor to resign": whom it asks and what.
      if (cue.base === 'call' && this.lower(k) === 'on' && this.isWord(k + 1)) {
        // Past the one asked: "Ohio Gov. John Doe (R)", "tech companies".
        let listener = k + 1
        let depth = 0
        while (listener <= s.last && listener - k <= 12 && (depth > 0 || this.lower(listener) !== 'to')) {
          const t = this.t(listener)!
          if (t.text === '(') depth++
          else if (t.text === ')') depth--
          else if (depth === 0 && t.type !== 'word' && !(t.text === '.' && TITLE_ABBREVIATIONS.has(this.lower(listener - 1)))) break
          else if (depth === 0 && !t.cap && isFiniteVerb(t.lower)) break
          listener++
        }
        if (this.lower(listener) === 'to' && this.isWord(listener + 1)) {
          this.emit({ ...base, source: subject(), rule: 'called-on', confidence: 0.65 }, this.charSpan(k + 1, this.clauseEnd(listener + 1, s)), 3)
          return
        }
      }
      if (cue.base === 'call' && this.lower(k) === 'for') {
        this.emit({ ...base, source: subject(), rule: 'called-for', confidence: 0.6 }, this.charSpan(k + 1, this.clauseEnd(k + 1, s)), 2)
        return
      }
      if (!cue.frames.has('clause') && !cue.frames.has('np') && !cue.frames.has('to')) return
    }
    // "talked about the deal", "commented on the ruling"; "voted against the bill", "pushed for
    // a recount": the preposition's object is what the subject said or took a side on.
    const preposition = this.lower(k)
    if ((cue.frames.has('topic') && TOPIC_PREPOSITIONS.test(preposition)) || (cue.frames.has('side') && SIDE_PREPOSITIONS.test(preposition))) {
      if (this.emit({ ...base, source: subject(), rule: 'cue-topic', confidence: 0.55 }, this.charSpan(k + 1, this.clauseEnd(k + 1, s)), 2)) return
    }
    // "vowed to …"; "urged voters to …", "told executives to …".
    if (cue.frames.has('to') && this.lower(k) === 'to') {
      this.emit({ ...base, source: subject(), rule: 'cue-to', confidence: 0.65 }, this.charSpan(k, this.clauseEnd(k + 1, s)), 3)
      return
    }
    if (cue.frames.has('obj-to')) {
      const listener = this.skipListener(k, s)
      const object = listener > k ? listener : this.objectEnd(k, s)
      // ("want a switch to more liberal policies": "to" before a noun phrase is no infinitive.)
      if (object > k && this.lower(object) === 'to' && this.isWord(object + 1) && !NOT_INFINITIVE.test(this.lower(object + 1)) && !this.t(object + 1)!.cap) {
        // ("who asked not to be named": a source's wish for anonymity is no claim.)
        if (this.lower(object - 1) === 'not' && this.lower(object + 1) === 'be' && ANONYMOUS.test(this.lower(object + 2))) return
        this.emit({ ...base, source: subject(), rule: 'cue-object-to', confidence: 0.65 }, this.charSpan(object, this.clauseEnd(object + 1, s)), 3)
        return
      }
    }
    // "…, says John Petrides, portfolio manager at X." / "The key, says Buser, is …"
    if (prev === ',' && (cue.form === 's' || cue.form === 'ed') && cue.frames.has('quote')) {
      const source = this.sourceRight(k, s)
      if (source) {
        const after = this.skipAdverbials(source.last + 1, s)
        if (after > s.last || FULL_STOP.test(this.t(after)!.text)) {
          this.inverted(i, cue, s)
          return
        }
        if (this.t(after)?.text === ',' && this.t(source.last)?.text !== ',') {
          const start = this.clauseStart(s)
          this.emit({ ...base, source, rule: 'reported-parenthetical', confidence: 0.7 }, this.charSpan(start, s.last + 1), 4)
          return
        }
      }
    }
    if (cue.frames.has('obj-clause')) k = this.thatAfterListener(k, s) ?? this.skipListener(k, s)
    if (cue.frames.has('clause') || cue.frames.has('obj-clause')) {
      if (cue.base === 'tell' && k === i + 1) return
      k = this.skipAdverbials(k, s)
      // "assured the public on Weibo, a Twitter-like site, that …": past an apposition.
      if (this.t(k)?.text === ',' && k > i + 1) {
        let c = k + 1
        while (c <= s.last && c - k < 12 && this.t(c)!.text !== ',' && !STOP_PUNCT.has(this.t(c)!.text)) c++
        if (this.t(c)?.text === ',' && this.lower(c + 1) === 'that') k = c + 1
      }
      if (this.t(k)?.text === ':' || (this.t(k)?.text === ',' && this.t(k + 1)?.type === 'quote')) k++
      let hasThat = false
      if (this.lower(k) === 'that' && !this.t(k)!.cap) {
        k++
        hasThat = true
      }
      if (k > s.last || FULL_STOP.test(this.t(k)!.text) || (this.t(k)!.text === ',' && k === i + 1) || (!hasThat && this.placeTail(k, s))) {
        this.inverted(i, cue, s)
        return
      }
      // A whole quotation after the cue is the quotation rule's.
      if (this.t(k)!.type === 'quote' && this.quoted(k + 1)) {
        const q = this.quotes[this.inQuote[k + 1]!]!
        const end = this.clauseEnd(k, s)
        if (end <= s.last + 1 && this.tokenAt(q.close) >= end - 1) return
      }
      const opener = this.lower(k)
      // "whether …", "why …" answer a question: only after "asked", "wondered", "explained" and the like.
      const wh = /^(?:whether|why|how|what|when|where|who|which)$/.test(opener)
      const clauseLike =
        (hasThat ||
          (cue.stance !== 'denial' &&
            !NOT_A_CLAUSE.has(opener) &&
            (this.startsClause(k, s) || this.saysClause(cue, k, s)) &&
            !(cue.base === 'tell' && k === i + 1))) &&
        (!wh || /^(?:ask|wonder|question|explain|know|disclose|reveal|discuss|address|debate|tell|investigate|probe)$/.test(cue.base)) &&
        // (An inquiry frames only its question: "investigating whether …".)
        (wh || !INQUIRIES.test(cue.base))
      if (
        clauseLike &&
        this.clause(
          { ...base, source: subject(), rule: cue.stance === 'belief' ? 'belief' : 'reported-speech', confidence: cue.stance === 'belief' ? 0.6 : 0.8 },
          k,
          s,
          // Whatever "says" a clause is its source, described however the writer likes ("the
          // veteran analyst says …", "the law says …"); other cues keep the check ("the stock added").
          cue.base === 'say',
        )
      )
        return
    }
    // "denied any wrongdoing", "rejected the claims", "criticised the deal": the cue stays in
    // the words (the object alone would read as the opposite).
    if (cue.frames.has('np')) {
      const from = this.skipAdverbials(i + 1, s)
      if (from > s.last || STOP_PUNCT.has(this.t(from)!.text)) return
      let end = this.clauseEnd(from, s)
      // In a relative clause ("respondents who support the mayor are students") the object ends
      // where the main clause's verb comes back.
      if (/^(?:who|that|which)$/.test(prev)) {
        for (let j = from + 1; j < end; j++)
          if (this.isWord(j) && !this.t(j)!.cap && isFiniteVerb(this.lower(j)) && !/(?:ing|ed)$/.test(this.lower(j))) {
            end = j
            break
          }
      }
      const emitted = this.emit(
        {
          ...base,
          source: subject(),
          rule: cue.stance === 'denial' ? 'denial-verb' : 'cue-object',
          confidence: cue.stance === 'denial' || cue.stance === 'accusation' ? 0.75 : 0.55,
        },
        this.charSpan(i, end),
        2,
      )
      // "deny accusations of brutality", "rejected claims that it …": the charge is someone's
      // allegation in its own right, and the denial answers it.
      if (emitted && cue.stance === 'denial') this.deniedCharge(from, end, s)
    }
  }

  // The end of a short object noun phrase at k ("WeWork executives", "the public").
  // The question after "asked": "asked (tenants) if they wanted …", "Asked whether …, Ryan
  // said …", "when asked about the polls, she …". Whoever is asked may stand between the cue and
  // the question. A participle that opens the sentence ("Asked if …,") has no subject of its own:
  // the question ends at its comma and the main clause after it names who was asked; after
  // "when" it is the sentence's subject.
  private askedQuestion(i: number, cue: Cue, s: Sentence): boolean {
    let k = i + 1
    while (k <= s.last && k - i <= 5 && this.isWord(k) && !QUESTION_OPENERS.test(this.lower(k)) && !isFiniteVerb(this.lower(k)) && this.lower(k) !== 'to') k++
    if (!QUESTION_OPENERS.test(this.lower(k)) || this.t(k)!.cap) return false
    // "asked about" wants a topic, "asked what …" a clause: both need a few words.
    const start = this.clauseStart(s)
    const prev = this.lower(i - 1)
    const participle = cue.form === 'ed' && (i === start || (i === start + 1 && /^(?:when|after|once|if|as|while)$/.test(prev)))
    const after = prev === 'when' || prev === 'after' || prev === 'as' || prev === 'while'
    if (!participle && !after && cue.form === 'ed' && i > start && !this.isWord(i - 1)) return false
    let end = this.clauseEnd(k + 1, s)
    let source: Range | null = null
    if (participle || after) {
      // The question ends at the first comma outside quotation marks and brackets.
      let depth = 0
      for (let j = k + 1; j < end; j++) {
        const t = this.t(j)!
        if (t.text === '(') depth++
        else if (t.text === ')') depth = Math.max(0, depth - 1)
        else if (t.text === ',' && depth === 0 && !this.quoted(j)) {
          end = j
          break
        }
      }
      if (participle && this.t(end)?.text === ',') source = this.subjectAfter(end + 1, s)
      if (!source && i > start) source = this.mainSubject(i, s)
    } else {
      source = prev === 'and' || prev === 'but' ? this.mainSubject(i, s) : (this.sourceLeft(i, start) ?? this.mainSubject(i, s))
    }
    // The topic asked about is what was asked: "about" belongs to the cue.
    if (this.lower(k) === 'about') k++
    const base = { implicitSource: null, stance: cue.stance, sentence: s.index, at: this.t(i)!.start, quote: false }
    return this.emit({ ...base, source, rule: 'asked', confidence: 0.65 }, this.charSpan(k, end), 2, false)
  }

  // The subject of the clause that starts at k: the words before its first verb or cue.
  private subjectAfter(k: number, s: Sentence): Range | null {
    for (let j = k; j <= s.last && j - k < 12; j++) {
      const t = this.t(j)!
      if (t.type !== 'word') {
        if (STOP_PUNCT.has(t.text) || t.type === 'quote') return null
        continue
      }
      if (j > k && !t.cap && (isFiniteVerb(t.lower) || cueOf(t.lower))) {
        let e = j - 1
        while (e >= k && BETWEEN_SUBJECT_AND_CUE.has(this.lower(e)) && !this.t(e)!.cap) e--
        return e < k ? null : this.npLeft(e, k)
      }
    }
    return null
  }

  private objectEnd(k: number, s: Sentence): number {
    let i = k
    while (i <= s.last && i - k < 6 && this.isWord(i) && this.lower(i) !== 'to' && !isFiniteVerb(this.lower(i))) i++
    return i
  }

  // "…, the company said." / "…, said Jane Roe." : the clause before the source.
  private inverted(cueIdx: number, cue: Cue, s: Sentence): void {
    const start = this.clauseStart(s)
    let source = this.sourceLeft(cueIdx, start)
    let comma = source ? source.first - 1 : cueIdx - 1
    if (!source || this.t(comma)?.text !== ',') {
      // "…, said Jane Roe."
      if (this.t(cueIdx - 1)?.text === ',' && (!source || source.last >= cueIdx - 1)) {
        source = this.sourceRight(cueIdx + 1, s)
        comma = cueIdx - 1
      } else return
    }
    if (!source || comma <= start) return
    // "Meanwhile, Doctor says, they're …": the words after the second comma.
    if (this.t(this.skipAdverbials(cueIdx + 1, s))?.text === ',' && cueIdx + 2 <= s.last && source.first - 1 >= start) {
      const from = this.skipAdverbials(cueIdx + 1, s) + 1
      const after = wordsIn(this.doc.tokens, from, s.last)
      const a = {
        source,
        implicitSource: null,
        stance: cue.stance,
        rule: 'reported-parenthetical',
        confidence: 0.7,
        sentence: s.index,
        at: this.t(cueIdx)!.start,
        quote: false,
      }
      // "This campaign, he says, is different.": a short tail is one clause with the words before
      // the source; the span takes both (and the source between them).
      if (after >= 1 && after < 4 && !this.quoted(comma - 1) && wordsIn(this.doc.tokens, start, comma - 1) + after >= 4) {
        this.emit(a, this.charSpan(start, this.clauseEnd(from, s)), 4)
        return
      }
      if (after >= 4) {
        this.emit(a, this.charSpan(from, this.clauseEnd(from, s)), 4)
        return
      }
    }
    if (this.quoted(comma - 1) || this.t(comma - 1)?.type === 'quote') return
    // The words before must be a clause ("At the harbour fair in May, she said:" is not).
    let verb = false
    for (let j = start; j < comma && !verb; j++)
      verb = this.isWord(j) && !this.t(j)!.cap && isFiniteVerb(this.lower(j)) && this.lower(j) !== '’s' && this.lower(j) !== "'s"
    if (!verb) return
    this.emit(
      {
        source,
        implicitSource: null,
        stance: cue.stance === 'belief' ? 'belief' : cue.stance,
        rule: 'reported-inverted',
        confidence: 0.7,
        sentence: s.index,
        at: this.t(cueIdx)!.start,
        quote: false,
      },
      this.charSpan(start, comma),
      4,
    )
  }

  // "X was accused (by Y) of …", "X has been criticised for …", "employees were told to …".
  // The "for" / "over" that names a penalty's or a suit's charge, within the object and its
  // amount ("fined Acme 1.2 billion euros on Monday for …"), or -1.
  private chargeFor(k: number, s: Sentence): number {
    for (let j = k; j <= s.last && j - k < 14; j++) {
      const t = this.t(j)!
      if ((t.lower === 'for' || t.lower === 'over') && this.isWord(j + 1)) return j
      if (STOP_PUNCT.has(t.text) || t.type === 'quote' || t.lower === 'that' || (t.type === 'word' && !t.cap && isFiniteVerb(t.lower))) return -1
    }
    return -1
  }

  private passive(i: number, cue: Cue, s: Sentence): void {
    let k = i + 1
    let agent: Range | null = null
    const base = { implicitSource: null as string | null, stance: cue.stance, sentence: s.index, at: this.t(i)!.start, quote: false }
    for (let hop = 0; hop < 3 && k <= s.last; hop++) {
      // ("is expected to announce it on Monday": an infinitive, not an adverbial "to Monday".)
      if (this.lower(k) === 'to' && this.isWord(k + 1)) break
      const next = this.skipAdverbials(k, s)
      if (this.lower(next) === 'by' && this.isWord(next + 1)) {
        agent = { first: next + 1, last: this.npRightEnd(next + 1, s) }
        k = agent.last + 1
        continue
      }
      k = next
      break
    }
    // "In a company email sent by chairman Marcelo Claure, employees were told that …"
    if (!agent) {
      for (let b = s.first; b < i - 1; b++) {
        if (this.lower(b) === 'by' && this.t(b + 1)?.type === 'word') {
          const last = this.npRightEnd(b + 1, s)
          if (last < i && last >= b + 1 && this.speakerLike({ first: b + 1, last })) agent = { first: b + 1, last }
        }
      }
    }
    const word = this.lower(k)
    const implicit = agent ? null : cue.stance === 'accusation' || cue.stance === 'denial' ? 'unnamed critics' : 'unnamed sources'
    // "was fined 1.2 billion euros by the regulator for …": the charge, credited to the agent.
    if (cue.frames.has('obj-for')) {
      const at = this.chargeFor(i + 1, s)
      if (at >= 0) {
        let by = i + 1
        while (by < at && this.lower(by) !== 'by') by++
        const agentHere = by < at - 1 && this.isWord(by + 1) ? { first: by + 1, last: Math.min(at - 1, this.npRightEnd(by + 1, s)) } : null
        const source = agent ?? (agentHere && this.speakerLike(agentHere) ? agentHere : null)
        this.emit(
          { ...base, source, implicitSource: source ? null : 'unnamed critics', rule: 'passive-charge', confidence: 0.7 },
          this.charSpan(at + 1, this.clauseEnd(at + 1, s)),
          2,
        )
      }
      return
    }
    if (
      (cue.base === 'accuse' && word === 'of') ||
      ((cue.base === 'criticize' ||
        cue.base === 'criticise' ||
        cue.base === 'blame' ||
        cue.base === 'condemn' ||
        cue.base === 'attack' ||
        cue.base === 'slam' ||
        cue.base === 'blast') &&
        word === 'for')
    ) {
      this.emit(
        { ...base, source: agent, implicitSource: implicit, rule: 'passive-charge', confidence: 0.7 },
        this.charSpan(k + 1, this.clauseEnd(k + 1, s)),
        2,
      )
      return
    }
    if (word === 'to' && (cue.frames.has('obj-to') || cue.frames.has('to')) && this.isWord(k + 1)) {
      this.emit({ ...base, source: agent, implicitSource: implicit, rule: 'passive-to', confidence: 0.55 }, this.charSpan(k, this.clauseEnd(k + 1, s)), 3)
      return
    }
    // "Her advisers are not convinced that …", "investors were worried that …": a state of mind,
    // the subject's own.
    if (word === 'that' && !agent && HELD_BY_SUBJECT.test(this.lower(i))) {
      const holder = this.sourceLeft(i, this.clauseStart(s))
      if (holder && this.clause({ ...base, source: holder, stance: 'belief', rule: 'belief', confidence: 0.6 }, k + 1, s)) return
    }
    if ((word === 'that' && cue.frames.has('clause')) || (word === 'that' && cue.frames.has('obj-clause'))) {
      this.clause({ ...base, source: agent, implicitSource: implicit, rule: 'passive-that', confidence: agent ? 0.65 : 0.5 }, k + 1, s)
      return
    }
    // "She was asked (by the host) whether …", "was asked about her plans": the question.
    if (cue.base === 'ask' && QUESTION_OPENERS.test(word) && this.isWord(k + 1)) {
      const from = word === 'about' ? k + 1 : k
      this.emit(
        { ...base, source: agent, implicitSource: agent ? null : implicit, rule: 'passive-asked', confidence: 0.55 },
        this.charSpan(from, this.clauseEnd(k + 1, s)),
        2,
      )
      return
    }
    // "The plan is widely seen as a gamble (by economists)", "was described as a moderate": how
    // someone sees or describes the subject.
    if (word === 'as' && cue.frames.has('obj-as') && this.isWord(k + 1)) {
      let end = this.clauseEnd(k + 1, s)
      let by = k + 1
      while (by < end && this.lower(by) !== 'by') by++
      if (!agent && by < end - 1 && this.isWord(by + 1)) {
        const last = this.npRightEnd(by + 1, s)
        if (this.speakerLike({ first: by + 1, last })) {
          agent = { first: by + 1, last }
          end = by
        }
      }
      this.emit({ ...base, source: agent, implicitSource: agent ? null : implicit, rule: 'passive-as', confidence: 0.5 }, this.charSpan(k + 1, end), 2)
    }
  }

  // A reported clause from k, and a second one joined by "and that" with the same source.
  private clause(a: Omit<Attribution, 'start' | 'end'>, k: number, s: Sentence, anySpeaker = false): boolean {
    const end = this.clauseEnd(k, s)
    // After "said that" anything may be the speaker; a bare clause needs one that can speak.
    const ok = this.emit(a, this.charSpan(k, end), 3, !anySpeaker && this.lower(k - 1) !== 'that')
    if (ok && this.lower(end) === 'and' && this.lower(end + 1) === 'that') this.emit(a, this.charSpan(end + 2, this.clauseEnd(end + 2, s)), 3)
    else if (ok && this.t(end)?.text === ',' && this.lower(end + 1) === 'and' && this.lower(end + 2) === 'that')
      this.emit(a, this.charSpan(end + 3, this.clauseEnd(end + 3, s)), 3)
    return ok
  }
}
