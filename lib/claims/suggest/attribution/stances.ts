// Stances named by a word other than a cue verb: adjectives ("critical of"), phrasal verbs
// ("lashed out at"), nouns ("her support for", "the claim that"), and charges ("drew criticism",
// "denied accusations of …").
import { ADVERBS, cueOf, isFiniteVerb } from '../lexicon'
import type { Sentence } from '../text'
import { QuotationFrames } from './quotations'
import type { Range } from './reader'
import { AUXILIARY, DETERMINERS, BE } from './words'

// Adjectives of stance and what may follow them: "critical of", "eager to", "confident that".
const STANCE_ADJECTIVES = new Map<string, RegExp>(
  (
    [
      ['critical skeptical sceptical wary dismissive supportive contemptuous scornful suspicious fond proud mindful respectful tolerant', /^(?:of|about)$/],
      // ("poised to", "ready to" are the writer's forecast more often than a stance.)
      ['eager keen determined reluctant unwilling loath hesitant quick inclined desperate anxious', /^to$/],
      ['confident certain convinced sure adamant hopeful optimistic pessimistic aware unaware clear insistent positive', /^(?:that|about)$/],
      [
        'worried concerned fearful afraid nervous upset angry furious frustrated disappointed pleased happy unhappy excited troubled alarmed',
        /^(?:that|about|over|with|by)$/,
      ],
      ['opposed committed open resistant averse', /^to$/],
    ] as const
  ).flatMap(([words, next]) => words.split(' ').map((w) => [w, next] as const)),
)
// Phrasal verbs of taking a position, by verb form: the word after it (or nothing: ^$) and the
// preposition before the object.
const PHRASAL_TOPICS = new Map<string, readonly [RegExp, RegExp]>(
  (
    [
      ['lash lashes lashed lashing', /^out$/, /^(?:at|against)$/],
      ['hit hits hitting', /^back$/, /^(?:at|against)$/],
      ['weigh weighs weighed weighing', /^in$/, /^(?:on|about)$/],
      ['speak speaks spoke spoken speaking', /^out$/, /^(?:against|on|about|for)$/],
      ['come comes came coming', /^out$/, /^(?:against|for)$/],
      ['take takes took taken taking', /^aim$/, /^at$/],
      ['double doubles doubled doubling', /^down$/, /^on$/],
      ['push pushes pushed pushing', /^back$/, /^(?:on|against)$/],
      ['open opens opened opening', /^up$/, /^about$/],
      ['sound sounds sounded sounding', /^off$/, /^(?:on|about)$/],
      ['point points pointed pointing', /^$/, /^to$/],
      ['rail rails railed railing', /^$/, /^against$/],
      ['go goes went going', /^$/, /^after$/],
      ['call calls called calling', /^out$/, /^$/],
    ] as const
  ).flatMap(([forms, next, particle]) => forms.split(' ').map((w) => [w, [next, particle]] as const)),
)
// Nouns of a stance taken and the preposition their object follows: "(her) support for …".
const STANCE_NOUNS = new Map<string, RegExp>(
  (
    [
      ['support backing endorsement praise call calls push', /^for$/],
      ['opposition objection objections resistance', /^to$/],
      ['criticism criticisms condemnation denunciation defense defence rejection dismissal endorsement praise view views assessment acknowledgement', /^of$/],
      ['attack attacks assault', /^on$/],
      ['comments remarks views thoughts stance position', /^(?:on|about)$/],
      ['concerns doubts worries fears', /^(?:about|over)$/],
    ] as const
  ).flatMap(([words, next]) => words.split(' ').map((w) => [w, next] as const)),
)
const HOLDER_NOUNS =
  /^(?:critic|critics|supporter|supporters|opponent|opponents|proponent|proponents|advocate|advocates|champion|defender|defenders|skeptic|sceptic|skeptics|detractor|detractors|fan|fans|backer|backers)$/
const INFINITIVE_ADJECTIVES = /^(?:eager|keen|determined|reluctant|unwilling|loath|hesitant|quick|inclined|desperate|anxious)$/
// Nouns of saying and thinking that take a "that" clause: "the claim that …", "her view that …".
const THAT_NOUNS = new Set(
  (
    'claim claims assertion assertions suggestion argument arguments belief beliefs view views idea notion hope hopes fear fears ' +
    'concern concerns worry worries assumption premise promise promises pledge vow warning warnings insistence contention ' +
    'statement remark remarks acknowledgment acknowledgement admission announcement prediction predictions expectation ' +
    'expectations perception impression sense consensus conviction feeling realization recognition understanding message ' +
    'theory speculation rumor rumors rumour rumours report reports news word indication indications signal signals ' +
    'confirmation denial demand demands reminder threat complaint complaints thesis narrative explanation assurance ' +
    'assurances guarantee proposal recommendation finding findings conclusion ruling estimate argument doubt doubts suspicion ' +
    'insinuation implication charge allegation allegations accusation accusations'
  ).split(' '),
)
// Nouns that name a charge, and verbs by which something draws one.
const CHARGE_NOUNS = new Set([
  'accusations',
  'accusation',
  'allegations',
  'allegation',
  'claims',
  'charges',
  'criticism',
  'criticisms',
  'suggestions',
  'ridicule',
  'backlash',
  'outrage',
  'condemnation',
  'complaints',
  'ire',
  'anger',
  'scrutiny',
  'fury',
  'derision',
])
const DRAW_VERBS = new Set([
  'drew',
  'draws',
  'drawn',
  'faced',
  'faces',
  'facing',
  'sparked',
  'sparks',
  'attracted',
  'attracts',
  'triggered',
  'provoked',
  'prompted',
  'received',
  'earned',
  'garnered',
])

export abstract class StanceFrames extends QuotationFrames {
  protected deniedCharge(from: number, end: number, s: Sentence): void {
    let k = from
    while (
      k < end &&
      k - from < 3 &&
      (DETERMINERS.has(this.lower(k)) ||
        (this.t(k)!.type === 'word' && !CHARGE_NOUNS.has(this.lower(k)) && !cueOf(this.lower(k))) ||
        this.t(k)!.type === 'quote')
    )
      k++
    if (!CHARGE_NOUNS.has(this.lower(k)) || !/^(?:of|that|about)$/.test(this.lower(k + 1))) return
    this.emit(
      {
        source: null,
        implicitSource: 'unnamed critics',
        stance: 'accusation',
        rule: 'denied-charge',
        confidence: 0.6,
        sentence: s.index,
        at: this.t(k)!.start,
        quote: false,
        nested: true,
      },
      this.charSpan(k, end),
      3,
      false,
    )
  }

  // "faced criticism from rivals", "drew fire for the move from two senators": who made the charge.
  private chargedBy(k: number, s: Sentence): Range | null {
    for (let j = k; j <= s.last && j - k <= 8; j++) {
      const t = this.t(j)!
      if (t.type !== 'word' || t.lower === 'that') return null
      if (t.lower !== 'from') continue
      const last = this.npRightEnd(j + 1, s)
      const source = last > j ? { first: j + 1, last } : null
      return source && this.speakerLike(source) ? source : null
    }
    return null
  }

  // "The tagline drew a mix of criticism and ridicule", "has attracted much of the ire over …",
  // "faced accusations that …": a charge with no one named as making it.
  protected nominalCharges(s: Sentence): void {
    for (let i = s.first; i <= s.last; i++) {
      if (!DRAW_VERBS.has(this.lower(i)) || this.quoted(i)) continue
      let k = i + 1
      while (k <= s.last && k - i <= 5 && !CHARGE_NOUNS.has(this.lower(k)) && this.t(k)!.type === 'word' && !cueOf(this.lower(k))) k++
      const noun = this.lower(k)
      if (!CHARGE_NOUNS.has(noun) || noun === 'claims' || noun === 'suggestions' || (noun === 'charges' && !/^fac/.test(this.lower(i)))) continue
      const start = /^(?:has|have|had)$/.test(this.lower(i - 1)) ? i - 1 : i
      const critics = this.chargedBy(k + 1, s)
      this.emit(
        {
          source: critics,
          implicitSource: critics ? null : 'unnamed critics',
          stance: 'accusation',
          rule: 'drew-charge',
          confidence: 0.55,
          sentence: s.index,
          at: this.t(i)!.start,
          quote: false,
        },
        this.charSpan(start, this.clauseEnd(i + 1, s)),
        4,
        false,
      )
    }
  }

  // "The senator has been critical of the plan", "the mayor is eager to cut taxes", "they are
  // confident that …", "she made clear that …": a stance told by an adjective after "be" (or
  // "made"), and what it is about.
  protected adjectiveStance(s: Sentence): void {
    for (let i = s.first + 1; i < s.last; i++) {
      const adjective = this.lower(i)
      const takes = STANCE_ADJECTIVES.get(adjective)
      if (!takes || this.quoted(i)) continue
      let verb = i - 1
      while (verb > s.first && ADVERBS.has(this.lower(verb))) verb--
      const linking =
        BE.has(this.lower(verb)) || /^(?:remains?|remained|seems?|seemed|appears?|appeared|made|makes|make|making|sounded|sounds?)$/.test(this.lower(verb))
      if (!linking || this.lower(verb) === 'get' || this.lower(verb) === 'got') continue
      const k = i + 1
      if (!takes.test(this.lower(k)) || !this.isWord(k + 1)) continue
      let first = verb
      while (first > s.first && (AUXILIARY.test(this.lower(first - 1)) || BE.has(this.lower(first - 1)) || ADVERBS.has(this.lower(first - 1)))) first--
      const source = this.sourceLeft(first, this.clauseStart(s))
      if (!source) continue
      this.emit(
        { source, implicitSource: null, stance: 'belief', rule: 'adjective-stance', confidence: 0.55, sentence: s.index, at: this.t(i)!.start, quote: false },
        // "eager to cut taxes" keeps its "to"; "critical of the plan", "open to offers" do not.
        this.charSpan(this.lower(k) === 'to' && INFINITIVE_ADJECTIVES.test(adjective) ? k : k + 1, this.clauseEnd(k + 1, s)),
        2,
      )
    }
  }

  // Phrasal verbs of speaking out or taking aim: "lashed out at X", "weighed in on X", "took aim
  // at X", "came out against X", "doubled down on X", "pointed to X": the object is what the
  // subject said something about.
  protected phrasalTopics(s: Sentence): void {
    for (let i = s.first; i < s.last - 1; i++) {
      const [verb, particle] = PHRASAL_TOPICS.get(this.lower(i)) ?? []
      if (!verb || !particle || this.quoted(i) || (this.t(i)!.cap && i !== s.first && !this.headline(s))) continue
      let k = i + 1
      if (verb.test(this.lower(k))) k++
      else if (verb.source !== '^$') continue
      // No preposition ("called out his rival for …"): the object follows the particle.
      if (particle.source === '^$') k--
      else if (!particle.test(this.lower(k))) continue
      if (!this.isWord(k + 1)) continue
      const progressive = /ing$/.test(this.lower(i))
      const source = progressive ? this.mainSubject(i, s) : (this.sourceLeft(i, this.clauseStart(s)) ?? null)
      if (!source) continue
      this.emit(
        { source, implicitSource: null, stance: 'speech', rule: 'phrasal-topic', confidence: 0.55, sentence: s.index, at: this.t(i)!.start, quote: false },
        this.charSpan(k + 1, this.clauseEnd(k + 1, s)),
        2,
      )
    }
  }

  // "her support for the bill", "the mayor's criticism of the plan": a possessed noun of
  // stance and its object. "Jane Roe, a fierce critic of the plan," / "she is a supporter of
  // the plan": a holder of a stance and its object.
  protected stanceNouns(s: Sentence): void {
    for (let i = s.first + 1; i < s.last; i++) {
      const noun = this.lower(i)
      const k = i + 1
      if (this.quoted(i) || this.t(i)!.cap || !this.isWord(k + 1)) continue
      let source: Range | null = null
      const act = STANCE_NOUNS.get(noun)
      // ("her criticism of X"; "the senator avoided direct criticism of X": the verb's subject.)
      if (act && act.test(this.lower(k))) source = this.possessor(i, s) ?? this.objectOwner(i, s)
      else if (HOLDER_NOUNS.test(noun) && /^(?:of|for)$/.test(this.lower(k))) source = this.holder(i, s)
      if (!source) continue
      // The object is a noun phrase: it ends at a comma or at the sentence's next verb.
      const end = this.clauseEnd(k + 1, s)
      let last = k + 1
      while (
        last < end &&
        this.t(last)!.text !== ',' &&
        this.t(last)!.text !== ';' &&
        !(last > k + 1 && this.isWord(last) && !this.t(last)!.cap && isFiniteVerb(this.lower(last)))
      )
        last++
      this.emit(
        { source, implicitSource: null, stance: 'belief', rule: 'stance-noun', confidence: 0.5, sentence: s.index, at: this.t(i)!.start, quote: false },
        this.charSpan(k + 1, last),
        2,
        // (A possessive pronoun, "her support for", is checked where it resolves.)
        false,
      )
    }
  }

  // Who holds the stance a noun at i names: "Jane Roe, a (longtime) critic of" (the name before
  // the comma) or "she is / has been a critic of" (the subject of "be").
  private holder(i: number, s: Sentence): Range | null {
    let j = i - 1
    while (j > s.first && this.isWord(j) && !DETERMINERS.has(this.lower(j)) && i - j <= 3) j--
    if (!/^(?:a|an|the)$/.test(this.lower(j))) return null
    const before = j - 1
    if (this.t(before)?.text === ',') {
      const np = this.npLeft(before - 1, s.first)
      return np && this.speakerLike(np) ? np : null
    }
    if (BE.has(this.lower(before)) && this.lower(before) !== 'get' && this.lower(before) !== 'got') {
      let first = before
      while (first > s.first && (AUXILIARY.test(this.lower(first - 1)) || ADVERBS.has(this.lower(first - 1)))) first--
      return this.sourceLeft(first, this.clauseStart(s))
    }
    return null
  }

  // "her claim that the vote was rigged", "the party's view that taxes are too high", "the
  // hope is that rates will fall": a noun of saying or thinking and its "that" clause. Whose it
  // is, when the sentence says, is the possessor before the noun; otherwise no one is named.
  protected nounThat(s: Sentence): void {
    for (let i = s.first + 1; i < s.last; i++) {
      if (!THAT_NOUNS.has(this.lower(i)) || this.quoted(i) || this.t(i)!.cap) continue
      let k = i + 1
      // "The hope is that …", "the view was that …".
      if (/^(?:is|was)$/.test(this.lower(k)) && i > s.first) k++
      if (this.lower(k) !== 'that' || !this.startsClause(k + 1, s)) continue
      // "that" opens a relative clause when a verb follows at once ("the claim that was made").
      const next = this.lower(k + 1)
      if (AUXILIARY.test(next) || /^(?:\w+ed|also|never|not)$/.test(next)) continue
      const object = this.objectOwner(i, s)
      const subjectPosition = !object && !this.verbBetween(s.first, i)
      // Past the sentence's verb, a noun no one owns is most often its subject's ("Roe has made
      // several statements, including the claim that …").
      const fallback = subjectPosition ? null : (this.lastSource.get(s.index) ?? this.subjectOfFirstVerb(i, s))
      const owner = this.possessor(i, s) ?? object ?? (fallback && this.speakerLike(fallback) ? fallback : null)
      // A noun before the sentence's verb is its subject: the clause ends where the main verb
      // comes back ("the view that wages are too low is widely shared").
      let end = this.clauseEnd(k + 1, s)
      if (subjectPosition) end = Math.min(end, this.mainVerbAfter(k + 1, end))
      this.emit(
        {
          source: owner,
          implicitSource: null,
          stance: 'speech',
          rule: 'noun-that',
          confidence: 0.55,
          sentence: s.index,
          at: this.t(i)!.start,
          quote: false,
        },
        this.charSpan(k + 1, end),
        3,
        false,
      )
    }
  }

  // The noun phrase before the sentence's first verb, when that verb comes before token i.
  private subjectOfFirstVerb(i: number, s: Sentence): Range | null {
    for (let j = s.first + 1; j < i; j++) {
      const w = this.lower(j)
      if (this.isWord(j) && !this.t(j)!.cap && isFiniteVerb(w) && w !== "'s" && w !== '’s') return this.sourceLeft(j, s.first)
    }
    return null
  }

  private verbBetween(first: number, last: number): boolean {
    for (let j = first; j < last; j++) {
      const w = this.lower(j)
      if (this.isWord(j) && !this.t(j)!.cap && isFiniteVerb(w) && w !== "'s" && w !== '’s') return true
    }
    return false
  }

  // The second verb group after k (the first is the clause's own), or end when there is none.
  private mainVerbAfter(k: number, end: number): number {
    let groups = 0
    // (The clause's first word is its subject, whatever else it could be: "rates", "plans".)
    for (let j = k + 1; j < end; j++) {
      const verb = this.isWord(j) && !this.t(j)!.cap && isFiniteVerb(this.lower(j))
      const continues = j > k && (AUXILIARY.test(this.lower(j - 1)) || ADVERBS.has(this.lower(j - 1)) || this.lower(j - 1) === 'to')
      if (verb && !continues && ++groups === 2) return j
    }
    return end
  }

  // Whose noun the one at i is: "her (claim)", "Jane Roe's (long-held view)", past up to two
  // modifiers.
  private possessor(i: number, s: Sentence): Range | null {
    for (let j = i - 1; j >= s.first && i - j <= 3; j--) {
      const w = this.lower(j)
      if (/^(?:his|her|their|its|our|my)$/.test(w)) return { first: j, last: j }
      if (w === "'s" || w === '’s') {
        const np = this.npLeft(j - 1, s.first)
        return np && this.speakerLike(np) ? np : null
      }
      if (!this.isWord(j) || DETERMINERS.has(w)) return null
    }
    return null
  }

  // "Jane Roe repeated the claim that …", "the mayor rejected the idea that …": a noun that is
  // the object of the sentence's verb is its subject's.
  private objectOwner(i: number, s: Sentence): Range | null {
    for (let j = i - 1; j >= s.first && i - j <= 3; j--) {
      const t = this.t(j)!
      if (t.type !== 'word' || t.lower === "'s" || t.lower === '’s') return null
      if (!t.cap && (isFiniteVerb(t.lower) || /ed$/.test(t.lower))) {
        const subject = this.sourceLeft(j, s.first)
        return subject && this.speakerLike(subject) ? subject : null
      }
    }
    return null
  }
}
