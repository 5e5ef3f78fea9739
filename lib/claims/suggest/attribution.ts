// Who is credited with which words: direct quotations with their frames, reported speech after a
// cue verb, inverted attributions ("…, the company said."), "according to", hearsay adverbs,
// passive charges ("X was accused of …"), cues with a noun-phrase object ("denied any
// wrongdoing"), and charges named by a noun ("drew criticism", "denied accusations of …"). Works on tokens (text.ts) with the cue lexicon (lexicon.ts); each rule looks at a
// bounded window around one cue, so the whole pass is linear in the text.
import {
  ADVERBIAL_NOUNS,
  ADVERBIAL_PREPOSITIONS,
  ADVERBS,
  BETWEEN_SUBJECT_AND_CUE,
  cueOf,
  HEARSAY_ADVERBS,
  FINITE_AUXILIARIES,
  hasPastForm,
  isFiniteVerb,
  isPastTense,
  isSpeakerHead,
  LISTENERS,
  MEMBER_ROLES,
  PERSON_TITLES,
  SPEAKER_HEADS,
  STATEMENT_NOUNS,
  type Cue,
  type Frame,
  type Stance,
} from './lexicon'
import { findQuotes, quoteIndexByToken, type Quote } from './quotes'
import type { Doc, Sentence, Token } from './text'

// Patterns the per-token rules test, compiled once: a literal in a function body is a new
// RegExp object each time it is evaluated.
const PLURAL_S = /[^s']s$/
const HELD_BY_SUBJECT = /^(?:convinced|persuaded|worried)$/
const TAIL_PREPOSITIONS = /^(?:in|at|from|on|during|via|through|with|before|after|over|under)$/
const APPROXIMATELY = new Set(['about', 'around', 'over', 'under', 'nearly', 'almost', 'roughly', 'some', 'just', 'only'])
const NUMBER =
  /^(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|half|a)$/
const DOUBLE_CLOSING = /["”]/
const AUXILIARY = /^(?:are|were|is|was|have|had|has|will|would|can|could|may|might|should|must|do|did)$/
const RULE_FORMS = /^(?:rule|rules|ruled|ruling)$/
const POINT_FORMS = /^(?:point|points|pointed|pointing)$/
const CRY_FORMS = /^(?:cry|cries|cried|crying)$/
const REFLEXIVE_OR_OBJECT = /^(?:him|her|them|it|us|me|himself|herself|themselves|itself)$/
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
const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling'])
const PARTICIPLES_AFTER_POLL = new Set(['released', 'conducted', 'published', 'taken', 'done', 'commissioned', 'sponsored'])
const GO_FORMS = /^(?:go|goes|went|going)$/
const CONTINUE_FORMS = /^(?:continue|continues|continued|proceeded)$/
const NOT_SOURCES = /^(?:plan|plans|schedule|script|tradition|custom|design|expectations?|form)$/
const DECLINE_FORMS = /^(?:declin|refus)(?:e|es|ed|ing)$/
const SUBJECT_PRONOUN = /^(?:he|she|they|we|i|it|there)$/
const PRONOUN_CONTRACTION = /^(?:he|she|they|we|i|it|there|you)['’](?:d|ll|re|ve|m)$/
const FULL_STOP = /^[.!?]$/
const NOT_INFINITIVE = /^(?:more|less|most|the|a|an|his|her|their|its|our|my|your|this|these|those|some|any|all|each|every|\d.*)$/
const PARTICIPLES_ONLY = /^(?:seen|known|written)$/
const TOPIC_PREPOSITIONS = /^(?:about|on|of|over|regarding)$/
const SIDE_PREPOSITIONS = /^(?:for|against)$/
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
      ['criticism criticisms condemnation denunciation defense defence rejection dismissal endorsement praise', /^of$/],
      ['attack attacks assault', /^on$/],
      ['comments remarks views thoughts stance position', /^(?:on|about)$/],
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
const CAPITAL_FIRST = /^\p{Lu}/u
const SUBORDINATOR = /^(?:which|who|whom|whose|as|when|while|because|after|before|if|since|until|although|though)$/
const QUESTION_OPENERS = /^(?:if|whether|about|what|why|how|who|whom|which|when|where)$/
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/
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

type Range = { first: number; last: number }

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

const BOUNDARY_WORDS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'after',
  'before',
  'while',
  'when',
  'because',
  'since',
  'if',
  'although',
  'though',
  'where',
  'so',
  'than',
  'until',
  'once',
  'amid',
  'despite',
  'unless',
  'whereas',
  'but',
  'or',
  'nor',
  'yet',
  'as',
  'whether',
  'how',
  'why',
  'what',
])
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'some',
  'any',
  'no',
  'every',
  'each',
])
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you'])
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'it', 'you'])
const PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'for',
  'with',
  'by',
  'from',
  'to',
  'of',
  'about',
  'under',
  'over',
  'into',
  'through',
  'via',
  'despite',
  'amid',
  'last',
  'earlier',
  'later',
  'this',
])
const BE = new Set(['is', 'was', 'were', 'are', 'been', 'being', 'be', 'am', "'s", '’s', 'get', 'got', 'gets', 'getting'])
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
const DASHES = new Set(['—', '–', '-'])
const NON_SPEAKERS = new Set([
  'there',
  'here',
  'this',
  'that',
  'these',
  'those',
  'what',
  'a',
  'an',
  'the',
  'some',
  'many',
  'most',
  'few',
  'also',
  'but',
  'and',
  'so',
  'if',
  'as',
  'when',
  'while',
  'after',
  'before',
  'since',
  'because',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'of',
  'to',
  'one',
  'another',
  'such',
  'more',
  'less',
  'other',
  'both',
  'all',
  'each',
  'every',
  'any',
  'no',
  'not',
  'however',
  'meanwhile',
  'still',
  'yet',
  'then',
  'now',
  'today',
  'instead',
])
const CONNECTOR_WORDS = new Set(['of', 'for', '&', 'and', 'de', 'van', 'von', 'der', 'al', 'bin', 'the'])
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
const MODALS_AND_TO = new Set([
  'to',
  'can',
  'could',
  'would',
  'will',
  'should',
  'may',
  'might',
  'must',
  'did',
  'does',
  'do',
  'not',
  'cannot',
  'let',
  'make',
  'help',
  'never',
  'what',
  'shall',
  'i',
  'you',
  'we',
])
const TITLE_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gov',
  'sen',
  'rep',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'prof',
  'rev',
  'adm',
  'cmdr',
  'maj',
  'supt',
  'det',
  'insp',
  'atty',
  'pres',
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
// Records that speak for themselves after "according to".
const RECORD_NOUNS = new Set([
  'poll',
  'polls',
  'polling',
  'survey',
  'surveys',
  'results',
  'data',
  'figures',
  'statistics',
  'estimates',
  'estimate',
  'index',
  'study',
  'studies',
  'records',
  'documents',
  'analysis',
  'census',
  'tally',
  'count',
  'average',
  'filings',
  'projections',
  'research',
  'ratings',
])
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
const STOP_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '.', '!', '?', '—', '–', '…'])

const wordsIn = (tokens: readonly Token[], first: number, last: number) => {
  let n = 0
  for (let i = first; i <= last; i++) if (tokens[i]!.type === 'word') n++
  return n
}

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
function hasWords(text: string, start: number, end: number, min: number): boolean {
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

export class AttributionFinder {
  readonly quotes: Quote[]
  private readonly inQuote: Int32Array
  private readonly sentenceOf: Int32Array
  // Per sentence: 1 a title-case headline, -1 not, 0 not yet known.
  private readonly headlines: Int8Array
  readonly found: Attribution[] = []
  // Offsets of cues already used by a quotation's frame: not reported speech again.
  private readonly usedCues = new Set<number>()
  // The last source credited in each sentence: the subject of a participle after it.
  private readonly lastSource = new Map<number, Range>()

  constructor(private readonly doc: Doc) {
    this.quotes = findQuotes(doc)
    this.inQuote = quoteIndexByToken(doc, this.quotes)
    this.sentenceOf = new Int32Array(doc.tokens.length)
    this.headlines = new Int8Array(doc.sentences.length)
    for (const s of doc.sentences) for (let i = s.first; i <= s.last; i++) this.sentenceOf[i] = s.index
  }

  run(): Attribution[] {
    this.quoteAttributions()
    for (const s of this.doc.sentences) this.sentenceAttributions(s)
    return this.found
  }

  private t(i: number): Token | undefined {
    return this.doc.tokens[i]
  }
  private lower(i: number): string {
    return this.doc.tokens[i]?.lower ?? ''
  }
  private isWord(i: number): boolean {
    return this.doc.tokens[i]?.type === 'word'
  }
  private quoted(i: number): boolean {
    return (this.inQuote[i] ?? -1) >= 0
  }

  // A headline in title case ("Jane Roe Says The Levy Will Pass"): its verbs are capitalised too.
  // Most of its longer words after the first are, and there are a few of them.
  private headline(s: Sentence): boolean {
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

  // --- cues -----------------------------------------------------------------------------------

  // The cue at token i, unless the word is used otherwise: a base form after "to" or a modal
  // ("what companies can say"), a participle after a determiner ("the reported figures"), a
  // plural noun ("claims made in a post").
  private cueAt(i: number, s: Sentence): Cue | undefined {
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
    if (DETERMINERS.has(prev) || prev === '’s' || prev === "'s") return undefined
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
      if (p.type === 'word' && !p.cap && !PRONOUNS.has(prev) && !BETWEEN_SUBJECT_AND_CUE.has(prev) && !SPEAKER_HEADS.has(prev) && !secondVerb) return undefined
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

  // "went on to say", "goes on to write", "continued to argue": the cue at i goes on from
  // the subject's words before.
  private goesOnTo(i: number): boolean {
    if (this.lower(i - 1) !== 'to') return false
    const w = this.lower(i - 2)
    return (w === 'on' && GO_FORMS.test(this.lower(i - 3))) || CONTINUE_FORMS.test(w)
  }

  // Two-word cues: "ruled out", "pointed out", "cried foul", "declined to comment".
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
    if (
      /^(?:voice|voices|voiced|voicing|express|expresses|expressed|expressing|raise|raises|raised|raising)$/.test(w) &&
      /^(?:concerns?|fears?|doubts?|worries|worry|frustration|anger|alarm|hope|hopes|confidence|optimism|skepticism|scepticism|support|opposition|questions)$/.test(
        this.lower(n === 'their' || n === 'his' || n === 'her' || n === 'its' || n === 'some' || n === 'serious' ? i + 2 : i + 1),
      )
    )
      return PHRASAL.voiced
    return undefined
  }

  // --- sources --------------------------------------------------------------------------------

  // The noun phrase that ends at token j, scanning left to a clause boundary.
  private npLeft(j: number, floor: number): Range | null {
    if (j >= floor && PRONOUNS.has(this.lower(j)) && !this.t(j)!.cap) return { first: j, last: j }
    if (j >= floor && PRONOUNS.has(this.lower(j)) && j === floor) return { first: j, last: j }
    let i = j
    let n = 0
    while (i >= floor && n < 14) {
      const t = this.t(i)!
      // "Mr. Pell", "Gov. Noem": a title's full stop is inside the name.
      if (t.text === '.' && n > 0 && i > floor && TITLE_ABBREVIATIONS.has(this.lower(i - 1)) && this.t(i - 1)!.end === t.start) {
        i--
        n++
        continue
      }
      if (t.type === 'quote' || STOP_PUNCT.has(t.text) || this.quoted(i)) break
      if (BOUNDARY_WORDS.has(t.lower) && !t.cap) break
      if (t.lower === 'and' && !(this.t(i - 1)?.cap && this.t(i + 1)?.cap)) break
      // "leaked documents", "the embattled company": a participle before its noun, not a verb.
      const attributive =
        /ed$/.test(t.lower) &&
        (i === floor ||
          DETERMINERS.has(this.lower(i - 1)) ||
          BOUNDARY_WORDS.has(this.lower(i - 1)) ||
          PREPOSITIONS.has(this.lower(i - 1)) ||
          STOP_PUNCT.has(this.t(i - 1)?.text ?? ''))
      if (n > 0 && !t.cap && isFiniteVerb(t.lower) && !attributive && !DETERMINERS.has(t.lower) && t.lower !== '’s' && t.lower !== "'s") break
      if (n > 0 && PRONOUNS.has(t.lower)) break
      if (n > 0 && cueOf(t.lower) && !t.cap && !/^(?:report|statement|post)/.test(t.lower)) break
      i--
      n++
    }
    let first = i + 1
    // "On Monday the company", "In a statement the firm": an opening phrase is not the subject
    // ("About four in 10 voters", "over 60 percent" count a subject).
    if (first <= j && PREPOSITIONS.has(this.lower(first)) && !(APPROXIMATELY.has(this.lower(first)) && NUMBER.test(this.lower(first + 1)))) {
      let k = first
      while (k <= j && !DETERMINERS.has(this.lower(k)) && !(this.t(k)!.cap && k > first && !WEEKDAY.test(this.lower(k)))) k++
      first = k
    }
    while (first <= j && (this.lower(first) === 'and' || this.lower(first) === 'also')) first++
    if (first > j) return null
    return { first, last: j }
  }

  // "The company on Monday denied …", "Acme last week rejected …": where the words at j end a
  // time phrase between subject and cue, the token before it.
  private beforeWhen(j: number, floor: number): number {
    const w = this.lower(j)
    if (j - 1 >= floor && WEEKDAY.test(w)) return this.lower(j - 1) === 'on' || this.lower(j - 1) === 'late' || this.lower(j - 1) === 'early' ? j - 2 : j - 1
    if (j - 1 >= floor && /^(?:week|month|year|weekend)$/.test(w) && /^(?:last|this|earlier|later)$/.test(this.lower(j - 1))) return j - 2
    if (j - 1 >= floor && /^(?:yesterday|today|tonight)$/.test(w)) return j - 1
    return j
  }

  // "(did not) respond to requests for comment": whoever was asked is the source, and the
  // unanswered requests are what the corpus credits to them.
  private answeredRequest(i: number): boolean {
    return this.lower(i - 1) === 'to' && /^request/.test(this.lower(i)) && /^(?:respond|reply|replie|return)(?:s|ed|ing)?$|^replied$/.test(this.lower(i - 2))
  }

  // The subject of a cue at token `cue`: skips auxiliaries and adverbs ("has long argued"), a
  // parenthesis, and an apposition ("Jane Roe, a spokeswoman for Acme, said").
  private sourceLeft(cue: number, floor: number): Range | null {
    let j = cue - 1
    if (this.goesOnTo(cue)) j -= this.lower(cue - 2) === 'on' ? 3 : 2
    else if (this.answeredRequest(cue)) j -= 2
    while (j >= floor && BETWEEN_SUBJECT_AND_CUE.has(this.lower(j)) && !this.t(j)!.cap) j--
    j = this.beforeWhen(j, floor)
    while (j >= floor && BETWEEN_SUBJECT_AND_CUE.has(this.lower(j)) && !this.t(j)!.cap) j--
    if (j < floor) return null
    if (this.t(j)!.text === ')') {
      let k = j - 1
      while (k >= floor && this.t(k)!.text !== '(' && j - k < 12) k--
      if (k >= floor && this.t(k)!.text === '(') j = k - 1
    }
    if (j < floor) return null
    // "The Afghan Taliban, however, claimed …": past a parenthetical adverb.
    if (this.t(j)?.text === ',' && ADVERBS.has(this.lower(j - 1)) && this.t(j - 2)?.text === ',') j -= 3
    if (j < floor) return null
    const t = this.t(j)!
    if (t.text === ',' || DASHES.has(t.text)) return this.apposition(j, floor)
    // A relative clause: "a blog post that said …" — the antecedent speaks.
    if (!t.cap && (t.lower === 'that' || t.lower === 'which' || t.lower === 'who')) return this.npLeft(j - 1, floor)
    const np = this.npLeft(j, floor)
    return this.relativeHead(j, floor) ?? np
  }

  // "Groups that campaign for cleaner rivers objected", "people who live nearby
  // said": the words before the cue end a relative clause, and the noun before "that" / "who"
  // speaks.
  private relativeHead(last: number, floor: number): Range | null {
    for (let w = last - 1; w >= floor && last - w <= 8; w--) {
      const t = this.t(w)!
      if (t.type !== 'word' || t.cap) return null
      if (t.lower !== 'that' && t.lower !== 'who') continue
      const head = this.npLeft(w - 1, floor)
      if (!head || !this.speakerLike(head)) return null
      return { first: head.first, last }
    }
    return null
  }

  // "Name, description, said": the name (with its description) when there is one; two
  // descriptions may stand in a row ("…, the CEO of X, X's parent, said").
  private apposition(comma: number, floor: number): Range | null {
    let end = comma
    for (let hop = 0; hop < 3; hop++) {
      let k = end - 1
      while (k >= floor && k > end - 25 && this.t(k)!.text !== ',' && !DASHES.has(this.t(k)!.text) && this.t(k)!.type !== 'quote' && !this.quoted(k)) k--
      if (k < floor || k <= end - 25 || (this.t(k)!.text !== ',' && !DASHES.has(this.t(k)!.text))) return null
      // "The group that owns her music, Big Machine, says": the name between the commas.
      if (hop === 0 && this.t(k + 1)?.cap && this.isNameRun(k + 1, end - 1)) return { first: k + 1, last: end - 1 }
      const np = this.npLeft(k - 1, floor)
      if (!np) return null
      // A name, a pronoun or an unnamed source heads the subject; a description may need one more
      // hop. (A relative clause is no part of the name: "A party aide, who asked not to be
      // named, said".)
      const head = this.t(np.first)!
      const relative = !this.t(k + 1)!.cap && (this.lower(k + 1) === 'who' || this.lower(k + 1) === 'which')
      if (head.cap || PRONOUNS.has(head.lower) || hop === 2) return { first: np.first, last: relative ? k - 1 : end - 1 }
      end = k
    }
    return null
  }

  private isNameRun(first: number, last: number): boolean {
    if (last < first || last - first > 5) return false
    if (MEMBER_ROLES.has(this.lower(first)) || PERSON_TITLES.has(this.lower(first))) return false
    for (let i = first; i <= last; i++) if (!(this.t(i)!.cap || CONNECTOR_WORDS.has(this.lower(i)))) return false
    return true
  }

  // The subject after an inverted cue: "said Jane Roe, a spokeswoman for Acme".
  private sourceRight(k: number, s: Sentence): Range | null {
    // A name or a noun phrase, never an adverbial ("said on Sept. 30 …").
    if (PREPOSITIONS.has(this.lower(k)) || ADVERBS.has(this.lower(k)) || BOUNDARY_WORDS.has(this.lower(k))) return null
    let i = k
    const stops = new Set([
      'in',
      'on',
      'during',
      'after',
      'before',
      'when',
      'while',
      'via',
      'as',
      'to',
      'told',
      'adding',
      'who',
      'that',
      'last',
      'earlier',
      'this',
      'from',
      'at',
    ])
    while (i <= s.last && i - k < 8) {
      const t = this.t(i)!
      // "said Ms. Roe", "said Rep. Jane Roe": a title's full stop is inside the name.
      if (t.text === '.' && i > k && TITLE_ABBREVIATIONS.has(this.lower(i - 1)) && this.t(i - 1)!.end === t.start && this.t(i + 1)?.cap) {
        i++
        continue
      }
      if (t.type === 'quote' || STOP_PUNCT.has(t.text)) break
      if (i > k && stops.has(t.lower) && !t.cap) break
      // A verb: what follows is a clause, not a name ("says Libya is …").
      if (!t.cap && t.type === 'word' && isFiniteVerb(t.lower) && !DETERMINERS.has(t.lower)) return null
      i++
    }
    if (i === k || (i - k >= 8 && i <= s.last && !STOP_PUNCT.has(this.t(i)!.text))) return null
    const first = this.t(k)!
    let named = false
    for (let n = k; n < i; n++) if (this.t(n)!.cap) named = true
    if (!first.cap && !DETERMINERS.has(first.lower) && !PRONOUNS.has(first.lower) && !named && !isSpeakerHead(first.lower)) return null
    let last = i - 1
    // ", a spokeswoman for Acme" / ", the company's chief executive"
    if (this.t(i)?.text === ',' && i + 1 <= s.last) {
      let j = i + 1
      while (j <= s.last && j - i < 14 && !STOP_PUNCT.has(this.t(j)!.text) && this.t(j)!.type !== 'quote') j++
      const next = this.t(i + 1)!
      if (j > i + 1 && (DETERMINERS.has(next.lower) || !cueOf(next.lower)) && !BOUNDARY_WORDS.has(next.lower) && !PREPOSITIONS.has(next.lower)) last = j - 1
    }
    return { first: k, last }
  }

  // The sentence's own subject: the words before its first verb (after a dateline or an
  // opening phrase). Used for participles ("…, adding that …") and coordinated cues.
  // "The campaign launched …", "Sanders’ campaign said …": a word after a determiner or a
  // possessive is a noun, whatever else it can be.
  private afterDeterminer(i: number): boolean {
    const prev = this.t(i - 1)
    if (!prev) return false
    return DETERMINERS.has(prev.lower) || prev.lower === '’s' || prev.lower === "'s" || (prev.type === 'punct' && (prev.text === '’' || prev.text === "'"))
  }

  private sentenceSubject(s: Sentence): Range | null {
    const start = this.clauseStart(s)
    // "Peng Mei — project manager … — responded …": the name before an apposition.
    let n = start
    if (NON_SPEAKERS.has(this.lower(n)) || PREPOSITIONS.has(this.lower(n)) || ADVERBS.has(this.lower(n))) {
      // "Then, last week, Taylor Swift posted …": past opening phrases.
      for (let hop = 0; hop < 3; hop++) {
        let c = n
        while (c <= s.last && c - n < 8 && this.t(c)!.text !== ',') c++
        if (
          this.t(c)?.text !== ',' ||
          !(NON_SPEAKERS.has(this.lower(n)) || PREPOSITIONS.has(this.lower(n)) || ADVERBS.has(this.lower(n)) || ADVERBIAL_NOUNS.has(this.lower(n)))
        )
          break
        n = c + 1
      }
    }
    const named = n
    while (n <= s.last && n - named < 5 && this.t(n)!.type === 'word' && this.t(n)!.cap) n++
    if (
      n > named &&
      (this.t(n)?.text === ',' || DASHES.has(this.t(n)?.text ?? '')) &&
      !NON_SPEAKERS.has(this.lower(named)) &&
      !PREPOSITIONS.has(this.lower(named)) &&
      !BOUNDARY_WORDS.has(this.lower(named))
    )
      return { first: named, last: n - 1 }
    if (named > start) {
      for (let i = named; i <= s.last && i - named < 25; i++) {
        const t = this.t(i)!
        if (t.type !== 'word' || t.cap || this.afterDeterminer(i)) continue
        if (isFiniteVerb(t.lower) || cueOf(t.lower)) {
          let j = i - 1
          while (j >= named && BETWEEN_SUBJECT_AND_CUE.has(this.lower(j)) && !this.t(j)!.cap) j--
          return j < named ? null : this.npLeft(j, named)
        }
      }
    }
    for (let i = start; i <= s.last && i - start < 25; i++) {
      const t = this.t(i)!
      if (t.type !== 'word' || t.cap || this.afterDeterminer(i)) continue
      if (isFiniteVerb(t.lower) || cueOf(t.lower)) {
        let j = i - 1
        while (j >= start && BETWEEN_SUBJECT_AND_CUE.has(this.lower(j)) && !this.t(j)!.cap) j--
        if (j < start) return null
        if (this.t(j)!.text === ',') return this.apposition(j, start)
        return this.npLeft(j, start)
      }
    }
    return null
  }

  // Where a sentence's own words start: after a dateline ("LONDON (AP) — ") or a label.
  private clauseStart(s: Sentence): number {
    for (let i = s.first; i <= s.last && i - s.first < 10; i++) {
      const t = this.t(i)!
      if (DASHES.has(t.text) && i > s.first) {
        const head = this.doc.text.slice(s.start, t.start)
        if (/^[\p{Lu}\s.,'’()-]+(?:\([^)]*\))?\s*$/u.test(head) || /\((?:AP|Reuters|AFP|Bloomberg)\)\s*$/i.test(head)) return i + 1
      }
    }
    return s.first
  }

  // "…, Hollande said Tuesday in Paris.", "…, she said from her home in Ohio.": a short
  // place or medium phrase ends the sentence after the cue, with no verb of its own.
  private placeTail(k: number, s: Sentence): boolean {
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

  // --- content --------------------------------------------------------------------------------

  // Past "on Thursday", "in a statement", "late Tuesday", "in an interview with the BBC".
  private skipAdverbials(k: number, s: Sentence): number {
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
  private saysClause(cue: Cue, k: number, s: Sentence): boolean {
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

  private startsClause(k: number, s: Sentence): boolean {
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
  private clauseEnd(k: number, s: Sentence): number {
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
  private hasOwnCue(k: number, s: Sentence, within = 4): boolean {
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

  // The attributed words between token first and the end token (exclusive), as characters,
  // without the punctuation that closes the sentence (a closing quotation mark stays when its
  // opening one is inside).
  private charSpan(first: number, endToken: number): [number, number] | null {
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
  private speakerLike(r: Range): boolean {
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

  private emit(a: Omit<Attribution, 'start' | 'end'>, span: [number, number] | null, minWords: number, checkSpeaker = true): boolean {
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

  // --- quotations -----------------------------------------------------------------------------

  private tokenAt(offset: number): number {
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

  private quoteAttributions(): void {
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

  // "told a school board meeting in Port Ellery on Thursday that …", "told the cheering crowd that …":
  // a listener of any length, with where and when, up to the "that" that opens what was said.
  private thatAfterListener(k: number, s: Sentence): number | null {
    for (let j = k + 1; j <= s.last && j - k < 18; j++) {
      const t = this.t(j)!
      if (t.lower === 'that' && !t.cap) return j
      if (t.type === 'quote' || (t.type === 'punct' && t.text !== ',' && !(t.text === '.' && TITLE_ABBREVIATIONS.has(this.lower(j - 1))))) return null
      if (t.type === 'word' && !t.cap && (isFiniteVerb(t.lower) || cueOf(t.lower)) && !DETERMINERS.has(this.lower(j - 1))) return null
    }
    return null
  }

  // "told reporters", "told the BBC", "warned investors", "assured the public".
  private skipListener(k: number, s: Sentence): number {
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

  private mainSubject(cue: number, s: Sentence): Range | null {
    // The subject of the last attribution in this sentence before the cue, else the sentence's.
    const last = this.lastSource.get(s.index)
    if (last && last.last < cue) return last
    return this.sentenceSubject(s)
  }

  // --- sentences ------------------------------------------------------------------------------

  private sentenceAttributions(s: Sentence): void {
    this.speakerLabel(s)
    this.accordingTo(s)
    this.inPoll(s)
    this.referringTo(s)
    for (let i = s.first; i <= s.last; i++) {
      const cue = this.cueAt(i, s)
      if (!cue || this.usedCues.has(i)) continue
      this.fromCue(i, cue, s)
    }
    this.hearsay(s)
    this.nominalCharges(s)
    this.nounThat(s)
    this.adjectiveStance(s)
    this.stanceNouns(s)
    this.phrasalTopics(s)
  }

  // A speaker's name as a label, as transcripts and headlines credit words: 'Clinton: I support
  // statehood.', 'NORA VANCE: The mayor posted a letter …'. The label opens the sentence,
  // is one to four capitalised words and is no label of the page ("Update:", "Photo:").
  private speakerLabel(s: Sentence): void {
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

  private fromCue(i: number, cue: Cue, s: Sentence): void {
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
      (cue.form === 'ing' && !progressive) || (i > s.first && (prev === 'and' || prev === 'but'))
        ? this.mainSubject(i, s)
        : (this.sourceLeft(i, this.clauseStart(s)) ?? this.mainSubject(i, s))
    let k = i + 1
    // "declined to comment (on …)", "cried foul": the words are the cue itself.
    if (cue.frames.has('bare')) {
      this.emit(
        { ...base, source: subject(), rule: cue.stance === 'comment' ? 'no-comment' : 'cue-bare', confidence: 0.7 },
        this.charSpan(i, this.clauseEnd(i + 1, s)),
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
        (!wh || /^(?:ask|wonder|question|explain|know|disclose|reveal|discuss|address|debate|tell)$/.test(cue.base))
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

  private deniedCharge(from: number, end: number, s: Sentence): void {
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
  private nominalCharges(s: Sentence): void {
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
  private adjectiveStance(s: Sentence): void {
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
  private phrasalTopics(s: Sentence): void {
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
  private stanceNouns(s: Sentence): void {
    for (let i = s.first + 1; i < s.last; i++) {
      const noun = this.lower(i)
      const k = i + 1
      if (this.quoted(i) || this.t(i)!.cap || !this.isWord(k + 1)) continue
      let source: Range | null = null
      const act = STANCE_NOUNS.get(noun)
      if (act && act.test(this.lower(k))) source = this.possessor(i, s)
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
  private nounThat(s: Sentence): void {
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

  private npRightEnd(k: number, s: Sentence): number {
    let i = k
    while (i <= s.last && i - k < 8 && this.isWord(i) && !['of', 'for', 'to', 'that', 'on', 'in', 'at'].includes(this.lower(i))) i++
    return i - 1
  }

  // "According to X, …" / "…, according to X." / "As X reported, …" / "That's according to X."
  // A source that is a record: its head word (before "of", "for", "by", …) is a poll, a count,
  // a set of results ("partial results of the county canvass", "a Harbor Tribune survey in June").
  private namesRecord(r: Range): boolean {
    for (let i = r.first; i <= r.last; i++) {
      if (RECORD_NOUNS.has(this.lower(i))) return true
      if (i > r.first && /^(?:of|for|by|from|in|on|at|conducted|released|published)$/.test(this.lower(i))) return false
    }
    return false
  }

  private accordingTo(s: Sentence): void {
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
  private referringTo(s: Sentence): void {
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
  private inPoll(s: Sentence): void {
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
  private hearsay(s: Sentence): void {
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
