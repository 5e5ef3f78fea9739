// Which token is a cue verb here: the lexicon's cue unless the word is used otherwise, and the
// two-word cues ("ruled out", "declined to comment").
import {
  ADVERBIAL_NOUNS,
  ADVERBS,
  BETWEEN_SUBJECT_AND_CUE,
  cueOf,
  isFiniteVerb,
  SPEAKER_HEADS,
  STATEMENT_NOUNS,
  type Cue,
  type Frame,
  type Stance,
} from '../lexicon'
import type { Sentence } from '../text'
import { Reader } from './reader'
import { DOUBLE_CLOSING, AUXILIARY, REFLEXIVE_OR_OBJECT, DETERMINERS, PRONOUNS, PREPOSITIONS, BE, MODALS_AND_TO } from './words'

const PLURAL_S = /[^s']s$/
const RULE_FORMS = /^(?:rule|rules|ruled|ruling)$/
const POINT_FORMS = /^(?:point|points|pointed|pointing)$/
const CRY_FORMS = /^(?:cry|cries|cried|crying)$/
const GO_FORMS = /^(?:go|goes|went|going)$/
const CONTINUE_FORMS = /^(?:continue|continues|continued|proceeded)$/
const NEGATIVE = /^(?:not|never)$|n['’]t$/
const NEGATION_WORDS =
  /^(?:not|never|immediately|yet|did|does|do|has|have|had|would|could|didn['’]t|doesn['’]t|don['’]t|hasn['’]t|haven['’]t|hadn['’]t|wouldn['’]t|couldn['’]t)$/
const ANSWER_FORMS = /^(?:respond|reply|return)$/
const REQUESTS = /^(?:requests?|inquiry|inquiries|queries|messages?|calls?|e-?mails?|questions)$/
const DECLINE_FORMS = /^(?:declin|refus)(?:e|es|ed|ing)$/
const PARTICIPLES_ONLY = /^(?:seen|known|written)$/
const PLURAL_SUBJECTS = new Set([
  'they',
  'we',
  'i',
  'you',
  'also',
  'often',
  'still',
  'now',
  'both',
  'all',
  'people',
  'police',
  'officials',
  'critics',
  'experts',
  'analysts',
  'sources',
  'polls',
  'data',
  'documents',
  'records',
  'democrats',
  'republicans',
  'investors',
  'residents',
  'scientists',
  'researchers',
  'economists',
  'observers',
  'supporters',
  'opponents',
  'activists',
  'lawmakers',
  'members',
  'others',
  'many',
  'some',
  'who',
  // Polls: "42% say", "six in 10 say", "those surveyed say".
  '%',
  'percent',
  'surveyed',
  'polled',
  'questioned',
  'interviewed',
])
const AMBIGUOUS_S = new Set([
  'claims',
  'reports',
  'calls',
  'charges',
  'questions',
  'attacks',
  'posts',
  'tweets',
  'notes',
  'shows',
  'fears',
  'hopes',
  'doubts',
  'demands',
  'estimates',
  'promises',
  'pledges',
  'views',
  'finds',
  'comments',
  'counters',
  'states',
  'sees',
  'concerns',
  'debates',
  'worries',
  'forecasts',
  'projects',
  'cites',
  'signals',
  'remarks',
  'reveals',
  'responds',
  'replies',
  'alleges',
  'mocks',
  'slams',
  'blasts',
  'praises',
  'defends',
  'blames',
  'welcomes',
  'disputes',
  'rejects',
  'questions',
  'labels',
  'brands',
  'discusses',
  'recalls',
  'warns',
])
const PARTICIPLE_BEFORE = new Set([
  'and',
  'after',
  'before',
  'by',
  'while',
  'when',
  'in',
  'without',
  'for',
  'since',
  'also',
  'then',
  'again',
  'repeatedly',
  'even',
  'publicly',
  'privately',
  'not',
  'but',
  'or',
  'of',
  'instead',
  'besides',
  'despite',
  'as',
])
const cue = (base: string, frames: string, stance: Stance): Cue => ({ base, stance, frames: new Set(frames.split(' ') as Frame[]), form: 'ed' })
const PHRASAL = {
  ruleOut: cue('rule out', 'np', 'denial'),
  pointOut: cue('point out', 'clause quote', 'speech'),
  cryFoul: cue('cry foul', 'bare', 'accusation'),
  noComment: cue('decline to comment', 'bare', 'comment'),
  voiced: cue('voice concern', 'noun-that', 'belief'),
}

export abstract class CueReader extends Reader {
  // The cue at token i, unless the word is used otherwise: a base form after "to" or a modal
  // ("what companies can say"), a participle after a determiner ("the reported figures"), a
  // plural noun ("claims made in a post").
  protected cueAt(i: number, s: Sentence): Cue | undefined {
    const t = this.t(i)
    if (!t || t.type !== 'word' || this.quoted(i)) return undefined
    const cue = this.phrasalCue(i) ?? cueOf(t.lower)
    if (!cue) return undefined
    if (t.cap && i !== s.first && !this.headline(s)) return undefined
    const p = i > s.first ? this.t(i - 1) : undefined
    const prev = p?.lower ?? ''
    // "seen", "known", "written" are cues only in a passive ("is widely seen as"): "a program
    // known as PRISM" names the program, no one's view of it.
    if (PARTICIPLES_ONLY.test(t.lower)) {
      let b = i - 1
      while (b > s.first && (ADVERBS.has(this.lower(b)) || /ly$/.test(this.lower(b)))) b--
      if (!BE.has(this.lower(b))) return undefined
    }
    // "the reported figures", "its claims", "by proposed legislation": not a verb here.
    // ("a blog post that said …", "the group that claims …": "that" as a relative pronoun after
    // a noun, before a verb.)
    const relativeThat =
      prev === 'that' && (cue.form === 'ed' || cue.form === 's') && this.isWord(i - 2) && !this.t(i - 2)!.cap && !isFiniteVerb(this.lower(i - 2))
    if ((DETERMINERS.has(prev) && !relativeThat) || prev === '’s' || prev === "'s") return undefined
    if (cue.form === 'ed' && PREPOSITIONS.has(prev) && prev !== 'last' && prev !== 'earlier' && prev !== 'later') return undefined
    if (cue.form === 'base') {
      // Base forms after a plural or pronoun subject ("they say", "officials say", "Democrats in
      // five states say they …"), never after "to", a modal or "did" ("what companies can say").
      if (!p || p.type !== 'word' || prev.endsWith("n't") || prev.endsWith('n’t')) return undefined
      // ("He went on to say", "she continued to write": the saying goes on, past tense.)
      if (MODALS_AND_TO.has(prev)) return this.goesOnTo(i) ? { ...cue, form: 'ed' } : undefined
      // ("the final say" is a noun; "the candidates say" a verb after a plural subject.)
      if (
        !PLURAL_SUBJECTS.has(prev) &&
        !PLURAL_S.test(prev) &&
        (DETERMINERS.has(this.lower(i - 2)) || this.lower(i - 2) === '’s' || this.lower(i - 2) === "'s")
      )
        return undefined
      const plural = PLURAL_SUBJECTS.has(prev) || (PLURAL_S.test(prev) && !isFiniteVerb(prev))
      const next = this.t(i + 1)
      const clauseNext = next && (next.lower === 'that' || PRONOUNS.has(next.lower) || next.type === 'quote' || next.text === ':' || next.text === ',')
      if (!plural && !(clauseNext && !isFiniteVerb(prev) && !DETERMINERS.has(prev) && !PREPOSITIONS.has(prev))) return undefined
    }
    if (cue.form === 's' && AMBIGUOUS_S.has(t.lower)) {
      // "claims", "reports", "calls": a verb after a name, a pronoun or a plural subject ("the
      // company reports"), a noun after an adjective or a determiner ("new claims").
      if (!p) return undefined
      // ("… and calls him a fraud": a second verb of the subject when a pronoun object follows.)
      const secondVerb = (prev === 'and' || prev === 'but') && REFLEXIVE_OR_OBJECT.test(this.lower(i + 1)) && this.lower(i + 1) !== 'it'
      // (After "which" or "who" it is the relative clause's verb: "the department, which claims …".)
      const relative = prev === 'which' || prev === 'who'
      if (p.type === 'word' && !p.cap && !PRONOUNS.has(prev) && !BETWEEN_SUBJECT_AND_CUE.has(prev) && !SPEAKER_HEADS.has(prev) && !secondVerb && !relative)
        return undefined
      if (p.type === 'quote' && !DOUBLE_CLOSING.test(p.text)) return undefined
      if (p.type === 'punct' && p.text !== ',') return undefined
      if (
        p.text === ',' &&
        !this.t(i + 1)?.cap &&
        !PRONOUNS.has(this.lower(i + 1)) &&
        this.lower(i + 1) !== 'that' &&
        this.t(i + 1)?.text !== '.' &&
        this.t(i + 1)?.text !== ','
      )
        return undefined
    }
    if (cue.form === 's' && this.isWord(i + 1) && !this.t(i + 1)!.cap && AUXILIARY.test(this.lower(i + 1))) return undefined
    if (cue.form === 'ing' && (!p || i === s.first || (p.type === 'quote' && i === s.first + 1))) return undefined
    if (cue.form === 'ing') {
      // A participle after a comma, "and", a preposition, "is", a name or a statement ("…, adding
      // that", "after accusing", "are alleging", "posted on Twitter accusing", "a statement
      // warning"); after another noun it describes that noun ("a ruling declaring …").
      if (
        p &&
        p.type === 'word' &&
        !p.cap &&
        !PARTICIPLE_BEFORE.has(prev) &&
        !BE.has(prev) &&
        !BETWEEN_SUBJECT_AND_CUE.has(prev) &&
        !STATEMENT_NOUNS.has(prev) &&
        !ADVERBIAL_NOUNS.has(prev)
      )
        return undefined
      if (cue.stance === 'belief' && !BE.has(prev)) return undefined
    }
    return cue
  }

  // "went on to say", "goes on to write", "continued to argue": the cue at i goes on from
  // the subject's words before.
  protected goesOnTo(i: number): boolean {
    if (this.lower(i - 1) !== 'to') return false
    const w = this.lower(i - 2)
    return (w === 'on' && GO_FORMS.test(this.lower(i - 3))) || CONTINUE_FORMS.test(w)
  }

  // Two-word cues: "ruled out", "pointed out", "cried foul", "declined to comment".
  // Where "did not (immediately)", "has not", "didn't" before the cue at i begins, or i.
  protected negationBefore(i: number): number {
    let j = i
    while (j > 0 && i - j < 4 && this.isWord(j - 1) && NEGATION_WORDS.test(this.lower(j - 1))) j--
    for (let k = j; k < i; k++) if (NEGATIVE.test(this.lower(k))) return j
    return i
  }

  private unanswered(i: number): boolean {
    if (!ANSWER_FORMS.test(this.lower(i))) return false
    const before = [this.lower(i - 1), this.lower(i - 2)]
    if (!before.some((w) => NEGATIVE.test(w))) return false
    // The object: "to" (after "respond" or "reply") and up to two words before the requests.
    let k = i + 1
    if (this.lower(k) === 'to') k++
    for (let n = 0; n < 3 && this.isWord(k + n); n++) if (REQUESTS.test(this.lower(k + n))) return true
    return false
  }

  private phrasalCue(i: number): Cue | undefined {
    const w = this.lower(i)
    const n = this.lower(i + 1)
    if (n === 'out' && RULE_FORMS.test(w)) return PHRASAL.ruleOut
    if (n === 'out' && POINT_FORMS.test(w)) return PHRASAL.pointOut
    if (n === 'foul' && CRY_FORMS.test(w)) return PHRASAL.cryFoul
    if (
      n === 'to' &&
      DECLINE_FORMS.test(w) &&
      /^(?:comment|say|discuss|elaborate|answer|respond|confirm|disclose|provide|specify|name|identify|address|speculate|reveal|give)$/.test(this.lower(i + 2))
    )
      return PHRASAL.noComment
    // "did not (immediately) respond to a request for comment", "has not returned calls".
    if (this.unanswered(i)) return PHRASAL.noComment
    if (
      /^(?:voice|voices|voiced|voicing|express|expresses|expressed|expressing|raise|raises|raised|raising)$/.test(w) &&
      /^(?:concerns?|fears?|doubts?|worries|worry|frustration|anger|alarm|hope|hopes|confidence|optimism|skepticism|scepticism|support|opposition|questions)$/.test(
        this.lower(n === 'their' || n === 'his' || n === 'her' || n === 'its' || n === 'some' || n === 'serious' ? i + 2 : i + 1),
      )
    )
      return PHRASAL.voiced
    return undefined
  }
}
