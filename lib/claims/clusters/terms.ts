// A claim's words as the matcher compares them: content words stemmed (so "denied" meets
// "denies"), names with their acronyms ("National Security Agency" = "NSA"), "U.S." as "us",
// figures as values ("$5m" = "5 million"); which words a negation governs, and whether the
// speaker condemns or praises what the claim is about. Function words, attribution frames
// ("said", "reported"), calendar words and the company the claim is about are left out: two
// claims about one company share its name whether or not they say the same thing. Pure and
// linear in the quote.
import { stemmer } from 'stemmer'

export type Terms = {
  // term → weight: 1 for a word; one-word names and figures 2 (see NAME_WEIGHT).
  weights: Map<string, number>
  // Terms a negation governs ("does not PROVIDE direct ACCESS", "denied it was PART of…"): the
  // same words negated in one claim and not in the other say opposite things.
  negated: Set<string>
  // Terms a negation would govern if punctuation before its first word did not end its reach:
  // outlets transcribe one quote with a comma or a dash where another has none ("nothing we can
  // change, friends" / "nothing we can change friends"; "nobody - better prepared" / "nobody
  // better prepared"), and a term negated in one copy is only loosely so in the other.
  looselyNegated: Set<string>
  // What the claim's speaker does with the rest: condemns it, or praises it. "Condemned the
  // proposal to ban X" is not "proposed to ban X", however many words they share.
  stance: Stance
  // Figures as values ("1,200" → "1200", "$5m" → "5000000"): claims with different figures differ.
  numbers: Set<string>
  // Names as written, lower-cased and unstemmed, for spotting a misspelt name (PRISM / PEISM).
  names: Set<string>
  // The things the claim names, each the words of one name: "State Department" is one thing,
  // "Outlook" and "Skype" two.
  things: string[][]
  // The acronym of each name of two words or more, with the weight of the name's words: "NSA"
  // in one claim meets "National Security Agency" in the other. An alias, not more weight: a
  // name both claims spell out counts its words once.
  acronyms: Map<string, number>
  // Weight of the terms beyond the stock words of non-answers ("declined to comment", "denied
  // wrongdoing", "did not respond to a request for comment"): two such claims in two articles are
  // two non-answers, not one claim.
  substance: number
}

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves
  said says say saying told tell tells reported reports report reportedly according claimed claims alleged allegedly stated statement added asked noted wrote writes written per via one ones two mr mrs ms dr`.split(
    /\s+/,
  ),
)

export type Stance = 'against' | 'for' | null

// Negators, and verbs that negate what follows ("denied it was part of", "refused to say").
const NEGATORS = new Set(['not', 'no', 'never', 'nor', 'neither', 'without', 'cannot', 'nobody', 'none', 'nothing'])
const NEGATING_STEMS = new Set(['deni', 'refus', 'declin', 'reject', 'disput'])
// How many content words a negation reaches: "does not provide any government with direct
// access" negates provide, government, direct; not the rest of a long sentence. Punctuation and
// a new clause end it sooner ("No, I meant…", "without proof that the mayor knew…").
const NEGATION_REACH = 3
// A negation followed straight by a subject pronoun negates nothing that follows: an ellipsis
// ("if she doesn't, she should resign"), an interjection ("No, I meant…"), an inverted question
// ("doesn't he know…?", which asserts).
const ELLIPTICAL = new Set(['he', 'she', 'they', 'we', 'i', 'you'])
const CLAUSE_STARTS = new Set(['that', 'but', 'because', 'if', 'when', 'which', 'who', 'while', 'although', 'though', 'whether', 'so'])

// Stems of verbs by which a speaker takes a side on what follows. Words that are mostly nouns
// in news ("attack", "support", "protest", "back") are left out.
const AGAINST = new Set(['condemn', 'denounc', 'decri', 'bash', 'slam', 'lambast', 'deplor', 'rebuk', 'assail', 'castig', 'mock'])
const FOR = new Set(['prais', 'applaud', 'commend', 'endors', 'vouch', 'welcom', 'hail', 'champion'])

// Stems of the stock phrases every outlet uses for a non-answer or a bare denial.
const STOCK = new Set([
  'declin',
  'deni',
  'refus',
  'comment',
  'respond',
  'respons',
  'request',
  'immedi',
  'wrongdo',
  'alleg',
  'accus',
  'claim',
  'matter',
  'repli',
])

// Not terms when capitalised: outlets date one event differently ("on Thursday", "on June 6").
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
)

// A one-word name ("Neumann", "PRISM", "NSA") counts double, being what tells stories apart. A
// longer name counts its words once each: "South Carolina" shared is 2, not the 6 of two double
// words and an acronym, which let a place alone make two claims one.
const NAME_WEIGHT = 2

// Within a run of capitalised words these do not break the name ("Bank of America").
const NAME_JOINERS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'la', '&'])

// A comma inside a figure keeps it whole ("30,000").
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.&-]|,(?=\p{N}{3}))*/gu

const SCALES = new Map<string, number>([
  ['k', 1e3],
  ['thousand', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['million', 1e6],
  ['b', 1e9],
  ['bn', 1e9],
  ['billion', 1e9],
  ['tn', 1e12],
  ['trillion', 1e12],
])

// A figure as one value however it is written: "30,000" = "30000", "$5m" = "5 million" =
// "5,000,000", "1.6bn" = "1.6 billion". null for words with digits that are not figures ("S-1",
// "9mm", "3-2-1"). usesNext: the next word was its scale.
export function figure(raw: string, next?: string): { value: string; usesNext: boolean } | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(\p{L}{1,3})?$/u.exec(raw)
  if (!m) return null
  const suffix = m[3]?.toLowerCase()
  let scale = 1
  let usesNext = false
  if (suffix) {
    const s = SCALES.get(suffix)
    if (s === undefined) return null
    scale = s
  } else if (next && next.length > 3 && SCALES.has(next.toLowerCase())) {
    scale = SCALES.get(next.toLowerCase()) ?? 1
    usesNext = true
  }
  const value = Number(`${m[1]!.replace(/,/g, '')}.${m[2] ?? '0'}`) * scale
  return { value: String(Number(value.toPrecision(12))), usesNext }
}

function fold(text: string): string {
  return text.normalize('NFKC').replace(/[‘’]/g, "'")
}

// "directly" → "direct": Porter keeps adverbs apart from their adjectives, which paraphrases
// swap freely.
function stem(word: string): string {
  const base = word.length > 6 && word.endsWith('ly') ? word.slice(0, -2) : word
  return stemmer(base)
}

function normaliseToken(raw: string): string {
  // "U.S." → "us", "Co." → "co", possessives dropped.
  return raw
    .replace(/['’]s$/i, '')
    .replace(/\./g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
}

const isCapitalised = (raw: string) => /^\p{Lu}/u.test(raw)
// "don't", "isn't", "won't" as the tokenizer leaves them; "has yet to endorse"; not the "not"
// of "whether or not".
function isNegator(tokens: readonly Token[], i: number): boolean {
  const { token, raw } = tokens[i]!
  if (token === 'not' && tokens[i - 1]?.token === 'or') return false
  return NEGATORS.has(token) || /n['’]t$/i.test(raw) || (token === 'yet' && tokens[i + 1]?.token === 'to')
}
const isCalendar = (token: string, raw: string) => CALENDAR.has(token) && isCapitalised(raw)
const isAcronym = (raw: string) => /^(?:\p{Lu}\.?){2,}$/u.test(raw.replace(/&/g, ''))

type Token = { raw: string; token: string; name: boolean; acronym: boolean; joined: boolean }

// A capital after a sentence's end or an opening quotation mark starts the sentence: not a name.
// A full stop after "U.S" or "Gov" ends an abbreviation, not a sentence.
function startsSentence(text: string, previous: RegExpMatchArray | undefined, at: number): boolean {
  if (!previous) return true
  const end = (previous.index ?? 0) + previous[0].length
  if (/[!?:;“"‘(\n]/.test(text.slice(end, at))) return true
  const word = previous[0]
  if (!word.endsWith('.')) return false
  const bare = word.replace(/\.+$/, '')
  return !(bare.includes('.') || (bare.length <= 3 && isCapitalised(bare)))
}

// joined: nothing but white space since the previous word, so a name may run on through it.
function tokenize(text: string, subjectWords: ReadonlySet<string>): Token[] {
  const matches = [...text.matchAll(WORD)]
  return matches.map((m, i) => {
    const raw = m[0].replace(/[.'’-]+$/, '')
    const token = normaliseToken(raw)
    const previous = matches[i - 1]
    const acronym = isAcronym(raw)
    const capitalName = isCapitalised(raw) && !startsSentence(text, previous, m.index ?? 0)
    const name = !STOPWORDS.has(token) && !isCalendar(token, raw) && (capitalName || acronym) && !subjectWords.has(token)
    const joined = !!previous && /^\s*$/.test(text.slice((previous.index ?? 0) + previous[0].length, m.index ?? 0)) && !/[.,]$/.test(previous[0])
    return { raw, token, name, acronym, joined }
  })
}

export function claimTerms(quote: string, subjectNames: readonly string[] = []): Terms {
  const subjectWords = new Set(subjectNames.flatMap((name) => [...fold(name).matchAll(WORD)].map((m) => normaliseToken(m[0]))))
  const weights = new Map<string, number>()
  const numbers = new Set<string>()
  const names = new Set<string>()
  const negated = new Set<string>()
  const acronyms = new Map<string, number>()
  const things: string[][] = []
  const affirmed = new Set<string>()
  const looselyNegated = new Set<string>()
  let negationLeft = 0
  let looseLeft = 0
  let against = false
  let favour = false
  const add = (term: string, weight: number) => {
    if (term.length < 2 || STOPWORDS.has(term) || subjectWords.has(term)) return
    weights.set(term, Math.max(weights.get(term) ?? 0, weight))
  }
  const tokens = tokenize(fold(quote), subjectWords)
  // Each run of name words ("Dana Whitfield Moreno", "Bank of America") is one name: alone it
  // counts double, in a name of several words each counts once and the name also answers to its
  // acronym. An acronym is a name of its own, and punctuation ends a name ("National Security
  // Agency (NSA)", "U.S. Internet companies").
  const nameWeight = new Map<number, number>()
  const continues = (k: number) => {
    const t = tokens[k]
    if (!t?.joined || t.acronym) return false
    if (t.name) return true
    const next = tokens[k + 1]
    return NAME_JOINERS.has(t.token) && !!next?.name && next.joined && !next.acronym
  }
  for (let i = 0; i < tokens.length;) {
    if (!tokens[i]!.name) {
      i++
      continue
    }
    const run: number[] = [i]
    let j = i + 1
    if (!tokens[i]!.acronym) {
      while (j < tokens.length && continues(j)) {
        if (tokens[j]!.name) run.push(j)
        j++
      }
    }
    if (run.length === 1) nameWeight.set(i, NAME_WEIGHT)
    else acronyms.set(run.map((k) => tokens[k]!.token[0]).join(''), run.length)
    const words = run.map((k) => tokens[k]!.token)
    if (words.some((w) => w.length >= 3)) things.push(words)
    i = j
  }
  let skip = -1
  tokens.forEach(({ raw, token, name }, i) => {
    if (!token || i === skip) return
    if (!tokens[i]!.joined || CLAUSE_STARTS.has(token)) negationLeft = 0
    // A break ends a negation that has governed a word already ("declined to comment, it
    // provides…"), not one still looking for its first ("nothing we can change, friends").
    if ((!tokens[i]!.joined && looseLeft < NEGATION_REACH) || CLAUSE_STARTS.has(token)) looseLeft = 0
    if (isNegator(tokens, i)) {
      negationLeft = ELLIPTICAL.has(tokens[i + 1]?.token ?? '') ? 0 : NEGATION_REACH
      looseLeft = NEGATION_REACH
      return
    }
    const inNegation = negationLeft > 0 && !STOPWORDS.has(token)
    if (inNegation) negationLeft--
    const inLooseNegation = looseLeft > 0 && !STOPWORDS.has(token)
    if (inLooseNegation) looseLeft--
    if (/\d/.test(token)) {
      const f = figure(raw, tokens[i + 1]?.raw)
      if (f) {
        numbers.add(f.value)
        if (f.usesNext) skip = i + 1
      }
      add(f?.value ?? token, 2)
      return
    }
    // The company's own name is left out as written, before stemming ("Acme" is not "acm").
    if (STOPWORDS.has(token) || isCalendar(token, raw) || subjectWords.has(token)) return
    if (name && token.length >= 3) names.add(token)
    const term = isAcronym(raw) ? token : stem(token)
    if (inNegation) negated.add(term)
    else affirmed.add(term)
    if (inLooseNegation) looselyNegated.add(term)
    if (NEGATING_STEMS.has(term)) negationLeft = looseLeft = NEGATION_REACH
    if (AGAINST.has(term)) against = true
    if (FOR.has(term)) favour = true
    add(term, nameWeight.get(i) ?? 1)
  })
  // Both at once ("praised X but condemned Y") take no side as a whole.
  const stance: Stance = against === favour ? null : against ? 'against' : 'for'
  let substance = 0
  for (const [term, weight] of weights) if (!STOCK.has(term)) substance += weight
  // A word the claim says both ways ("build the bridge… not going to get a bridge") is not negated.
  for (const term of affirmed) negated.delete(term)
  for (const acronym of acronyms.keys()) if (subjectWords.has(acronym)) acronyms.delete(acronym)
  return { weights, numbers, names, things, acronyms, negated, looselyNegated, stance, substance }
}

// Two spellings of one name: one letter changed, added or dropped, in a name of five letters
// or more ("PEISM" for "PRISM"). Shorter names differ too easily by one letter.
export function nearlySameName(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  let j = 0
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++
  return a.length - i - j <= 1 && b.length - i - j <= 1
}

// A place and its people, as outlets swap them: "Israel" / "Israelis", "Syria" / "Syrian",
// "Mexico" / "Mexican", "China" / "Chinese", "Palestine" / "Palestinians". Lower-cased names.
const PEOPLE_SUFFIXES = ['n', 'an', 'ian', 'i', 'ese', 'ean']
export function placeAndPeople(a: string, b: string): boolean {
  const [place, people] = a.length <= b.length ? [a, b] : [b, a]
  if (place.length < 4 || place === people) return false
  const person = people.endsWith('s') ? people.slice(0, -1) : people
  const stems = /[aeio]$/.test(place) ? [place, place.slice(0, -1)] : [place]
  return stems.some((s) => person.startsWith(s) && PEOPLE_SUFFIXES.includes(person.slice(s.length)))
}
