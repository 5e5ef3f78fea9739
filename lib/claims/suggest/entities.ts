// The people and organisations an article names, in order: name runs classified by their shape
// and the lexicon, merged with their variants ("Walt Disney Co." = "Disney", "PG&E" = "Pacific
// Gas & Electric", "Iger" = "Bob Iger"), people's affiliations from role words and appositions
// ("Disney CEO Bob Iger", "Kevin Mayer, head of Disney's streaming unit", "a spokeswoman for
// X"), and the article's focal organisation. Linear: one pass over the tokens, lookups by key.
import {
  AGENCY_WORDS,
  COMPANY_NOUNS,
  COMPANY_SUFFIXES,
  GENERIC_FIRST,
  hasTag,
  isFemaleName,
  isFirstName,
  isKnownOrganization,
  isMaleName,
  isPlace,
  MEMBER_ROLES,
  NOT_NAMES,
  ORG_HEADS,
  OUTLET_WORDS,
  OUTSIDE_ROLES,
  PERSON_TITLES,
  SPEECH_VERB_FORMS,
} from './lexicon'
import { acronymKey, initialsOf, normalizeName } from './names'
import type { Doc } from './text'
import type { EntityKind, KnownEntity } from './types'

// Patterns the per-token rules test, compiled once: a literal in a function body is a new
// RegExp object each time it is evaluated.
const ALL_CAPITALS = /^\p{Lu}{2,}$/u
const DASH = /^[—–-]$/
const FINAL_STOP = /\.$/
const HAS_DIGIT = /\d/
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u
export type Entity = {
  name: string
  kind: EntityKind | 'place'
  id?: string
  keys: Set<string>
  initials: Set<string>
  affiliation?: Entity
  gender?: 'm' | 'f'
  mentions: number
  weight: number
  known: boolean
}
export type Mention = { entity: Entity; first: number; last: number; start: number; end: number; sentence: number; possessive: boolean }

const GOVERNMENT_TITLES = new Set(['gov', 'governor', 'mayor', 'president', 'premier', 'minister', 'secretary', 'chancellor', 'commissioner'])
const PUBLIC_BODIES = new Set([
  'military',
  'police',
  'government',
  'army',
  'navy',
  'administration',
  'authorities',
  'ministry',
  'parliament',
  'regime',
  'embassy',
  'coast',
  'forces',
  'troops',
  'officials',
])
// Nouns only a person is described by ("X, an activist"), beside the member and outside roles.
const PERSON_ROLES = new Set([
  'activist',
  'resident',
  'author',
  'writer',
  'doctor',
  'nurse',
  'teacher',
  'worker',
  'veteran',
  'mother',
  'father',
  'widow',
  'campaigner',
  'whistleblower',
])
const CONNECTORS = new Set(['of', 'for', '&', 'de', 'van', 'von', 'der', 'al', 'bin', 'la', 'le', 'du', 'da', 'di', 'del', 'dos', 'y'])
const COMMON_ACRONYMS = new Set([
  'ceo',
  'cfo',
  'coo',
  'cto',
  'ipo',
  'vr',
  'ar',
  'pr',
  'tv',
  'gdp',
  'ai',
  'it',
  'hr',
  'lgbt',
  'asap',
  'am',
  'pm',
  'dc',
  'vp',
  'svp',
  'evp',
  'ok',
  'us',
  'uk',
  'eu',
  'un',
  'usa',
  'nyc',
  'ny',
  'la',
  'sd',
  'nd',
  'gop',
  'mp',
  'mps',
  'q',
  'ap',
  'i',
  'ii',
  'iii',
  'iv',
  'pc',
  'os',
  'id',
  'faq',
  'ufo',
  'dna',
  'covid',
  'aids',
  'hiv',
  'sars',
  'nba',
  'nfl',
  'cbd',
  'suv',
  'api',
  'ui',
  'wifi',
  'gps',
  'pdf',
  'url',
  'ads',
  'ad',
])
const SUFFIXES = new Set(COMPANY_SUFFIXES)
const HONORIFIC = /^(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|sgt|capt|adm|prof|rev)$/

export class EntityIndex {
  readonly entities: Entity[] = []
  readonly mentions: Mention[] = []
  private readonly byKey = new Map<string, Entity>()
  private readonly byShort = new Map<string, Entity>()
  private readonly byInitials = new Map<string, Entity>()
  private readonly byToken: Int32Array
  private focalCache: Entity | null | undefined
  private readonly midCaps = new Set<string>()
  private readonly capCounts = new Map<string, number>()

  constructor(
    private readonly doc: Doc,
    known: readonly KnownEntity[] = [],
  ) {
    this.byToken = new Int32Array(doc.tokens.length).fill(-1)
    for (const k of known) {
      const e = this.add(k.name, k.kind, true, k.id)
      for (const alias of k.aliases) this.addKey(e, alias)
    }
    for (const k of known) {
      if (!k.affiliation) continue
      const e = this.lookup(k.name)
      const org = this.lookup(k.affiliation)
      if (e && org) e.affiliation = org
    }
    this.scan()
    this.affiliations()
    this.genders()
    this.bindDescriptions()
  }

  private addKey(e: Entity, name: string): void {
    const key = normalizeName(name)
    if (key && !this.byKey.has(key)) this.byKey.set(key, e)
    const words = key.split(' ')
    if (words.length >= 2) {
      const first = words[0]!
      const last = words[words.length - 1]!
      // Short forms, the latest entity winning: a person or an outlet by the last word ("Smith",
      // "the Post"), an organisation by a distinctive first word ("Harlow" for Harlow Motors) or
      // by its last one after a first name ("Disney" for Walt Disney Co.).
      if (e.kind === 'person' || e.kind === 'outlet') this.byShort.set(`${e.kind}:${last}`, e)
      if (e.kind !== 'person' && e.kind !== 'place') {
        if (!GENERIC_FIRST.has(first)) this.byShort.set(`org:${first}`, e)
        if (isFirstName(first) && !ORG_HEADS.has(last)) this.byShort.set(`org:${last}`, e)
      }
    }
    if (e.kind !== 'person' && e.kind !== 'place') for (const i of initialsOf(name)) this.byInitials.set(i, e)
    // "the military", "the police" after "the US military", "Hong Kong police".
    const last = words[words.length - 1]!
    if (e.kind === 'agency' && words.length >= 2 && PUBLIC_BODIES.has(last)) this.byShort.set(`org:${last}`, e)
  }

  private add(name: string, kind: Entity['kind'], known = false, id?: string): Entity {
    // Every field from the start (affiliation and gender are learnt later): one object shape, so
    // that the compiled rules reading entities are not thrown back on a new one.
    const e: Entity = { name, kind, id, keys: new Set(), initials: new Set(), affiliation: undefined, gender: undefined, mentions: 0, weight: 0, known }
    this.entities.push(e)
    this.addKey(e, name)
    return e
  }

  // An exact name or alias; a person by the last name; an organisation by its distinctive first
  // or last word or by its initials ("Neumann", "Disney", "PG&E"). Constant time: keyed maps.
  lookup(name: string, kind?: Entity['kind']): Entity | undefined {
    const key = normalizeName(name)
    if (!key) return undefined
    const exact = this.byKey.get(key)
    if (exact && (!kind || exact.kind === kind)) return exact
    if (key.includes(' ')) return undefined
    const fits = (e: Entity | undefined) => (e && (!kind || e.kind === kind) ? e : undefined)
    const acronym = acronymKey(name.replace(/['’]s$/, ''))
    return (
      fits(this.byShort.get(`person:${key}`)) ??
      fits(this.byShort.get(`outlet:${key}`)) ??
      fits(this.byShort.get(`org:${key}`)) ??
      (acronym ? fits(this.byInitials.get(acronym)) : undefined)
    )
  }

  // --- scanning -------------------------------------------------------------------------------

  private scan(): void {
    const { tokens } = this.doc
    const sentenceOf = new Int32Array(tokens.length)
    const firstOfSentence = new Uint8Array(tokens.length)
    for (const s of this.doc.sentences) {
      for (let i = s.first; i <= s.last; i++) sentenceOf[i] = s.index
      // The first word after an opening quotation mark opens the sentence too.
      let f = s.first
      while (f <= s.last && tokens[f]!.type !== 'word') f++
      if (f <= s.last) firstOfSentence[f] = 1
    }
    const firstParagraphEnd = this.doc.paragraphs[Math.min(1, this.doc.paragraphs.length - 1)]?.last ?? 0
    // Capitalised words seen inside sentences: a sentence's first word is a name only if it is
    // one of these (or the lexicon knows it as a name).
    for (let k = 0; k < tokens.length; k++) {
      if (!tokens[k]!.cap || tokens[k]!.type !== 'word') continue
      if (!firstOfSentence[k]) this.midCaps.add(tokens[k]!.lower)
      this.capCounts.set(tokens[k]!.lower, (this.capCounts.get(tokens[k]!.lower) ?? 0) + 1)
    }
    let i = 0
    while (i < tokens.length) {
      const t = tokens[i]!
      if (t.type !== 'word' || !t.cap) {
        i++
        continue
      }
      // A dateline ("LONDON (AP) —", "SEATTLE (Reuters) -") names a place, not a speaker.
      if (firstOfSentence[i] && ALL_CAPITALS.test(t.text) && (tokens[i + 1]?.text === '(' || DASH.test(tokens[i + 1]?.text ?? ''))) {
        i++
        continue
      }
      // A run of capitalised words, with connectors inside ("Bank of America", "PG&E").
      let j = i
      while (j + 1 < tokens.length) {
        const n = tokens[j + 1]!
        if (n.start - tokens[j]!.end > 1 || n.newline) break
        // A title-case headline ("Jane Roe Says The …"): the verb ends the name.
        if (n.type === 'word' && n.cap && SPEECH_VERB_FORMS.has(n.lower)) break
        if (n.type === 'word' && n.cap) j++
        // "South Dakota Gov. Kristi Noem": a title's full stop inside the run.
        else if (
          n.text === '.' &&
          PERSON_TITLES.has(tokens[j]!.lower) &&
          tokens[j + 2]?.cap &&
          tokens[j + 2]!.type === 'word' &&
          tokens[j + 2]!.start - n.end <= 1
        )
          j += 2
        else if (n.lower === 'and' && tokens[j + 2]?.cap && tokens[j + 2]!.type === 'word' && this.orgAhead(j + 2)) j += 2
        else if ((CONNECTORS.has(n.lower) || n.text === '&') && tokens[j + 2]?.cap && tokens[j + 2]!.type === 'word' && tokens[j + 2]!.start - n.end <= 1)
          j += 2
        else if (n.lower === 'of' && tokens[j + 2]?.lower === 'the' && tokens[j + 3]?.cap && ORG_HEADS.has(tokens[j]!.lower)) j += 3
        else break
      }
      // "the US military", "Hong Kong police", "the Afghan government": a public body named by a
      // place or a people and a common noun.
      const body = tokens[j + 1]
      if (body && body.type === 'word' && PUBLIC_BODIES.has(body.lower) && body.start - tokens[j]!.end === 1 && j - i < 3 && this.placeLike(i, j)) {
        this.record(i, j + 1, sentenceOf[i]!, i <= firstParagraphEnd, 'agency')
        i = j + 2
        continue
      }
      this.run(i, j, firstOfSentence[i] === 1, sentenceOf[i]!, i <= firstParagraphEnd)
      i = j + 1
    }
  }

  private placeLike(first: number, last: number): boolean {
    const { tokens } = this.doc
    const words: string[] = []
    for (let k = first; k <= last; k++) if (tokens[k]!.type === 'word') words.push(tokens[k]!.lower.replace(FINAL_STOP, ''))
    const name = words.join(' ')
    return isPlace(name) || acronymKey(tokens[first]!.text) !== null || words.every((w) => isPlace(w) || /^(?:us|u\.s|uk|u\.k|eu|un)$/.test(w))
  }

  // Raises an organisation's standing as the article's subject (a denial marks the accused).
  boost(e: Entity, amount: number): void {
    e.weight += amount
    this.focalCache = undefined
  }

  // "The group, WeWorkers Coalition, formed …" / "WeWorkers Coalition, a group of employees":
  // the description "the group" names that organisation from then on.
  private readonly bindings: { head: string; entity: Entity; at: number }[] = []
  private readonly bindingsByHead = new Map<string, { entity: Entity; at: number }[]>()
  private bindDescriptions(): void {
    const { tokens } = this.doc
    for (const m of this.mentions) {
      if (m.entity.kind === 'person' || m.entity.kind === 'place') continue
      if (tokens[m.first - 1]?.text === ',' && tokens[m.last + 1]?.text === ',') {
        const head = tokens[m.first - 2]
        if (head && COMPANY_NOUNS.has(head.lower) && (tokens[m.first - 3]?.lower === 'the' || tokens[m.first - 3]?.lower === 'its'))
          this.bindings.push({ head: head.lower, entity: m.entity, at: m.start })
      }
      if (tokens[m.last + 1]?.text === ',' && /^(?:a|an|the)$/.test(tokens[m.last + 2]?.lower ?? '')) {
        for (let i = m.last + 3; i < tokens.length && i - m.last < 8 && tokens[i]!.type === 'word'; i++) {
          if (COMPANY_NOUNS.has(tokens[i]!.lower)) {
            this.bindings.push({ head: tokens[i]!.lower, entity: m.entity, at: m.start })
            break
          }
        }
      }
    }
    // Per head, in text order (bounded lists: one binding per mention at most).
    for (const b of this.bindings) {
      const list = this.bindingsByHead.get(b.head) ?? []
      if (list.length < 64) list.push({ entity: b.entity, at: b.at })
      this.bindingsByHead.set(b.head, list)
    }
  }

  // Organisations a span refers to by description ("the company", "the firm"): the one named
  // last before each description.
  referencesIn(start: number, end: number): Entity[] {
    const out: Entity[] = []
    const tokens = this.doc.tokens
    let lo = 0
    let hi = tokens.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tokens[mid]!.start < start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo + 1; i < tokens.length && tokens[i]!.end <= end; i++) {
      if (
        tokens[i - 1]!.lower !== 'the' ||
        !/^(?:company|firm|group|giant|retailer|utility|label|lender|bank|airline|automaker|carrier|insurer|agency|department|party|campaign|government|administration)$/.test(
          tokens[i]!.lower,
        )
      )
        continue
      const org = this.described(tokens[i]!.lower, tokens[i]!.start) ?? this.recentOrg(tokens[i - 1]!.start)
      if (org) out.push(org)
    }
    return out
  }

  described(head: string, at: number): Entity | undefined {
    const list = this.bindingsByHead.get(head)
    if (!list) return undefined
    let found: Entity | undefined
    for (const b of list) {
      if (b.at >= at) break
      found = b.entity
    }
    return found
  }

  // A person's gender, where the lexicon does not know the first name, from the pronouns that
  // follow a mention before anyone else is named ("Braun has worked with … He has denied …").
  private genders(): void {
    const { tokens } = this.doc
    const votes = new Map<Entity, number>()
    let m = 0
    let previousFirst: Entity | undefined
    for (const s of this.doc.sentences) {
      let first: Entity | undefined
      let only: Entity | undefined
      let people = 0
      while (m < this.mentions.length && this.mentions[m]!.first <= s.last) {
        const e = this.mentions[m]!.entity
        if (e.kind === 'person') {
          first ??= e
          if (only !== e) people++
          only = e
        }
        m++
      }
      // "He …" opening a sentence is the previous sentence's first person; "his"/"her" in a
      // sentence that names one person only is that person's.
      let k = s.first
      while (k <= s.last && tokens[k]!.type !== 'word') k++
      const opener = tokens[k]?.lower
      if ((opener === 'he' || opener === 'she') && previousFirst) votes.set(previousFirst, (votes.get(previousFirst) ?? 0) + (opener === 'she' ? -1 : 1))
      if (people === 1 && only) {
        for (let i = s.first; i <= s.last; i++) {
          const w = tokens[i]!.lower
          if (w === 'his' || w === 'him') votes.set(only, (votes.get(only) ?? 0) + 1)
          if (w === 'her' || w === 'hers') votes.set(only, (votes.get(only) ?? 0) - 1)
        }
      }
      previousFirst = first ?? previousFirst
    }
    for (const [e, v] of votes) if (!e.gender && v !== 0) e.gender = v > 0 ? 'm' : 'f'
  }

  // "They" after a sentence that names two or more people: those people.
  peopleBefore(offset: number): Entity[] {
    const i = this.lastMentionBefore(offset)
    if (i < 0) return []
    const sentence = this.mentions[i]!.sentence
    const out: Entity[] = []
    for (let j = i; j >= 0 && this.mentions[j]!.sentence === sentence; j--) {
      const e = this.mentions[j]!.entity
      if (e.kind === 'person' && !out.includes(e)) out.unshift(e)
    }
    return out
  }

  // The person a sentence-opening "he"/"she" at `offset` stands for: in the nearest sentence
  // before that names a person of that gender, the first one named (the likely subject).
  subjectPerson(offset: number, gender: 'm' | 'f'): Entity | undefined {
    const i = this.lastMentionBefore(offset)
    if (i < 0) return undefined
    const here = this.mentions[i]!.sentence
    for (let sentence = here; sentence >= 0 && here - sentence <= 3; sentence--) {
      let pick: Entity | undefined
      for (let j = i; j >= 0 && this.mentions[j]!.sentence >= sentence; j--) {
        const mm = this.mentions[j]!
        if (mm.sentence !== sentence || mm.entity.kind !== 'person') continue
        if (mm.entity.gender && mm.entity.gender !== gender) continue
        pick = mm.entity
      }
      if (pick) return pick
    }
    return undefined
  }

  // "Securities and Exchange Commission": "and" joins two halves of one organisation's name when
  // an organisation's head word ends the run after it.
  private orgAhead(k: number): boolean {
    const { tokens } = this.doc
    let j = k
    while (j + 1 < tokens.length && tokens[j + 1]!.type === 'word' && tokens[j + 1]!.cap && j - k < 4) j++
    return ORG_HEADS.has(tokens[j]!.lower) && j > k - 1 && AGENCY_WORDS.has(tokens[j]!.lower)
  }

  // One run of capitalised words: strip what opens a sentence or titles a name, split a role
  // prefix from a person's name ("Disney CEO Bob Iger"), classify, merge, record.
  private run(first: number, last: number, opensSentence: boolean, sentence: number, early: boolean): void {
    const { tokens } = this.doc
    let f = first
    let titled = false
    const orgEnding = last - first >= 2 && (ORG_HEADS.has(tokens[last]!.lower) || SUFFIXES.has(tokens[last]!.lower.replace(FINAL_STOP, '')))
    while (
      f <= last &&
      ((NOT_NAMES.has(tokens[f]!.lower) && !(orgEnding && f > first && /^(?:we|it|i|you|us|one|first|new|all)$/.test(tokens[f]!.lower))) ||
        (f === first &&
          opensSentence &&
          !isFirstName(tokens[f]!.lower) &&
          !tokens[f + 1]?.cap &&
          this.lookupToken(f) === undefined &&
          !acronymKey(tokens[f]!.text) &&
          this.looksCommon(f)))
    )
      f++
    // ("Justice Department", "Senate Committee": a title word naming a body, not a person.)
    while (f <= last && PERSON_TITLES.has(tokens[f]!.lower.replace(FINAL_STOP, '')) && !ORG_HEADS.has(tokens[last]!.lower)) {
      titled = true
      f++
    }
    // "Rep. Jane Roe": a title's full stop is its own token, never the start of the name.
    while (f <= last && tokens[f]!.type !== 'word') f++
    if (f > last) return
    // "Disney CEO Bob Iger": a first name inside the run starts the person's name.
    for (let p = f + 1; p <= last; p++) {
      if (
        isFirstName(tokens[p]!.lower) &&
        p < last &&
        (PERSON_TITLES.has(tokens[p - 1]!.lower) || acronymKey(tokens[p - 1]!.text) !== null || MEMBER_ROLES.has(tokens[p - 1]!.lower))
      ) {
        let orgLast = p - 1
        while (
          orgLast >= f &&
          (PERSON_TITLES.has(tokens[orgLast]!.lower) ||
            MEMBER_ROLES.has(tokens[orgLast]!.lower) ||
            COMMON_ACRONYMS.has(tokens[orgLast]!.lower) ||
            /^(?:press|foreign|home|state|general|deputy|senior|vice)$/.test(tokens[orgLast]!.lower))
        )
          orgLast--
        const titleWords = []
        for (let k = orgLast + 1; k < p; k++) titleWords.push(tokens[k]!.lower.replace(FINAL_STOP, ''))
        const governs = titleWords.some((w) => GOVERNMENT_TITLES.has(w))
        let kind = orgLast >= f ? this.classify(f, orgLast, false) : null
        // "South Dakota Gov. Kristi Noem": the state's government speaks through its governor.
        if (kind === 'place' && governs) kind = 'agency'
        const org = orgLast >= f ? this.record(f, orgLast, sentence, early, kind) : undefined
        if (org && kind === 'agency' && org.kind === 'place') org.kind = 'agency'
        const person = this.record(p, last, sentence, early, 'person')
        // "White House Press Secretary Stephanie Grisham", "Disney CEO Bob Iger".
        if (person && org && org.kind !== 'person' && org.kind !== 'place' && !person.affiliation) person.affiliation = org
        return
      }
    }
    const possessive = tokens[last + 1]?.lower === '’s' || tokens[last + 1]?.lower === "'s"
    if (
      f === last &&
      f === first &&
      opensSentence &&
      !this.midCaps.has(tokens[f]!.lower) &&
      !titled &&
      !isKnownOrganization(tokens[f]!.lower) &&
      !acronymKey(tokens[f]!.text) &&
      !this.lookupToken(f)
    )
      return
    this.record(f, last, sentence, early, this.classify(f, last, titled), possessive)
  }

  // A sentence's first word that the lexicon knows as an ordinary word ("Teens love …").
  private looksCommon(i: number): boolean {
    const lower = this.doc.tokens[i]!.lower
    return !isKnownOrganization(lower) && !isPlace(lower) && /^[a-z]+$/.test(lower) && (cueLike(lower) || lower.length <= 3 || commonWord(lower))
  }

  private lookupToken(i: number): Entity | undefined {
    return this.lookup(this.doc.tokens[i]!.text)
  }

  private classify(first: number, last: number, titled: boolean): Entity['kind'] | null {
    const { tokens } = this.doc
    const words = []
    for (let i = first; i <= last; i++) if (tokens[i]!.type === 'word') words.push(tokens[i]!)
    const lowers = words.map((w) => w.lower.replace(FINAL_STOP, ''))
    const lastWord = lowers[lowers.length - 1] ?? ''
    const name = this.doc.text.slice(tokens[first]!.start, tokens[last]!.end)
    const known = this.lookup(name)
    if (known) return known.kind
    if (titled || HONORIFIC.test(lowers[0] ?? '')) return 'person'
    if (lowers.some((w) => OUTLET_WORDS.has(w)) && !SUFFIXES.has(lastWord) && (OUTLET_WORDS.has(lastWord) || lowers.length <= 3)) return 'outlet'
    if (lowers.some((w) => AGENCY_WORDS.has(w))) return 'agency'
    if (SUFFIXES.has(lastWord) || ORG_HEADS.has(lastWord)) return 'company'
    if (words.length === 1 && HAS_DIGIT.test(words[0]!.text)) return null
    const acronym = words.length === 1 ? acronymKey(words[0]!.text) : null
    if (acronym) return COMMON_ACRONYMS.has(acronym) ? null : 'company'
    if (
      isPlace(lowers.join(' ')) ||
      (lowers.length >= 2 && isPlace(lowers.slice(0, -1).join(' ')) && /^(?:city|state|county|province|region)$/.test(lastWord) && !lowers.includes('attorney'))
    )
      return 'place'
    if (lowers.some((w) => isKnownOrganization(w)) || isKnownOrganization(lowers.join(' '))) return 'company'
    if (isPlace(lowers.join(' ')) || (words.length === 1 && isPlace(lastWord))) return 'place'
    if (words.length >= 2 && isFirstName(lowers[0]!)) return 'person'
    // "He said …" after it, a comma and an age, … are settled later; a two- or three-word name
    // of words the lexicon does not know is most often a person's.
    if (words.length >= 2 && words.length <= 3 && lowers.every((w) => !commonWord(w) && !isPlace(w))) return 'person'
    // A single word the lexicon does not know is an organisation's name when it looks like one
    // ("WeWork", "SoftBank") or recurs ("Alibaba … Alibaba"); a first name alone is a person's.
    if (words.length === 1 && isFirstName(lastWord)) return this.lookup(words[0]!.text, 'person') ? 'person' : null
    if (words.length === 1 && !commonWord(lastWord) && (INNER_CAPITAL.test(words[0]!.text) || (this.capCounts.get(lastWord) ?? 0) >= 2)) return 'company'
    // "Max Schrems, an Austrian lawyer": a name a person's role describes.
    if (words.length >= 2 && words.length <= 3 && this.roleAfter(last)) return 'person'
    if (words.length >= 2) return 'company'
    return null
  }

  // Whether ", a / an / the …" after token `last` names a person's role within a few words.
  private roleAfter(last: number): boolean {
    const { tokens } = this.doc
    if (tokens[last + 1]?.text !== ',' || !/^(?:a|an|the)$/.test(tokens[last + 2]?.lower ?? '')) return false
    for (let i = last + 3; i <= last + 6 && i < tokens.length; i++) {
      const w = tokens[i]!
      if (w.type !== 'word') return false
      if (PERSON_ROLES.has(w.lower) || ((MEMBER_ROLES.has(w.lower) || OUTSIDE_ROLES.has(w.lower)) && !/s$/.test(w.lower))) return true
    }
    return false
  }

  private record(first: number, last: number, sentence: number, early: boolean, kind: Entity['kind'] | null, possessive = false): Entity | undefined {
    if (!kind) return undefined
    const { tokens } = this.doc
    const name = this.doc.text.slice(tokens[first]!.start, tokens[last]!.end)
    let entity = this.lookup(name)
    // "the Afghan Taliban" is the Taliban: a place or a people before a name already known.
    if (!entity && last > first && (isPlace(tokens[first]!.lower) || /^(?:us|u\.s|uk|u\.k)$/.test(tokens[first]!.lower))) {
      const rest = this.lookup(this.doc.text.slice(tokens[first + 1]!.start, tokens[last]!.end))
      if (rest && rest.kind !== 'person' && rest.kind !== 'place') entity = rest
    }
    if (entity && entity.kind !== kind && kind === 'person' && entity.kind !== 'person') entity = undefined
    if (!entity) {
      entity = this.add(name.replace(FINAL_STOP, '').replace(/,?\s+(?:Inc|Corp|Co|Ltd|plc|LLC)\.?$/i, ''), kind)
      this.addKey(entity, name)
      if (kind === 'person') {
        const firstName = tokens[first]!.lower
        entity.gender = isFemaleName(firstName) ? 'f' : isMaleName(firstName) ? 'm' : undefined
      }
    }
    entity.mentions++
    entity.weight += early ? 2 : 1
    const m: Mention = { entity, first, last, start: tokens[first]!.start, end: tokens[last]!.end, sentence, possessive }
    this.mentions.push(m)
    for (let i = first; i <= last; i++) this.byToken[i] = this.mentions.length - 1
    return entity
  }

  // --- affiliations ---------------------------------------------------------------------------

  // "SoftBank CEO Masayoshi Son", "Taliban spokesman Zabihullah Mujahid", "chairman Marcelo
  // Claure" (the company then at hand), "Jack Buser, director for games at Google", "Kevin Mayer,
  // head of Disney's streaming unit", "Michael Reed, the CEO of New Media Investment Group".
  private affiliations(): void {
    const { tokens } = this.doc
    for (let n = 0; n < this.mentions.length; n++) {
      const m = this.mentions[n]!
      if (m.entity.kind !== 'person' || m.entity.affiliation) continue
      // Before: up to four role words, maybe after an organisation's name.
      let i = m.first - 1
      const roles: string[] = []
      while (
        i >= 0 &&
        m.first - i <= 5 &&
        tokens[i]!.type === 'word' &&
        (!tokens[i]!.cap || MEMBER_ROLES.has(tokens[i]!.lower) || PERSON_TITLES.has(tokens[i]!.lower) || COMMON_ACRONYMS.has(tokens[i]!.lower))
      ) {
        if (this.byToken[i]! >= 0) break
        roles.push(tokens[i]!.lower)
        i--
      }
      const before = i >= 0 && this.byToken[i]! >= 0 ? this.mentions[this.byToken[i]!]! : undefined
      if (roles.length > 0 && roles.some((r) => MEMBER_ROLES.has(r)) && !roles.some((r) => OUTSIDE_ROLES.has(r))) {
        if (before && before.entity.kind !== 'person' && before.entity.kind !== 'place') m.entity.affiliation = before.entity
        else if (
          roles.some(
            (r) => r === 'company' || r === 'firm' || /^(?:spokes|chairman|chairwoman|ceo|cfo|coo|cto|founder|co-founder|executive|counsel|lawyer)/.test(r),
          )
        )
          m.entity.affiliation = this.recentOrg(m.start, ['company'])
        if (m.entity.affiliation) continue
      }
      // After: ", a/the … ROLE … of/at/for ORG" or ", ORG's ROLE".
      const after = this.apposition(m.last + 1)
      if (after) m.entity.affiliation = after
    }
  }

  // The organisation an apposition at token k attributes someone to, if it names a member role.
  apposition(k: number): Entity | undefined {
    const { tokens } = this.doc
    if (tokens[k]?.text !== ',') return undefined
    let hasRole = false
    let outside = false
    let org: Entity | undefined
    let companyWord = false
    for (let i = k + 1; i < tokens.length && i - k < 16; i++) {
      const t = tokens[i]!
      if (t.text === ',' && hasRole && org) break
      if (t.text === '.' || t.text === ';' || t.type === 'quote' || t.newline) break
      if (t.text === ',' && !hasRole) break
      if (MEMBER_ROLES.has(t.lower)) hasRole = true
      if (OUTSIDE_ROLES.has(t.lower) && !MEMBER_ROLES.has(t.lower)) outside = true
      if (/^(?:company|firm|group)(?:['’]s)?$/.test(t.lower) || t.lower === 'giant') companyWord = true
      // Of several organisations ("… of Advanced Development Programs at Blue Origin", "… in
      // NASA's Science Mission Directorate"), the one the article names most.
      const mi = this.byToken[i]!
      const candidate = mi >= 0 ? this.mentions[mi]!.entity : t.cap ? this.lookup(t.text) : undefined
      if (candidate && candidate.kind !== 'person' && candidate.kind !== 'place' && (!org || candidate.weight > org.weight)) org = candidate
    }
    if (!hasRole || outside) return undefined
    if (org) return org
    // "Chris Tang, Hong Kong's new police commissioner": the force named by place and noun.
    for (let i = k + 1; i < tokens.length && i - k < 16 && tokens[i]!.text !== '.'; i++) {
      if (!PUBLIC_BODIES.has(tokens[i]!.lower)) continue
      const body = this.lookup(tokens[i]!.lower)
      if (body) return body
    }
    return companyWord ? this.recentOrg(tokens[k]!.start, ['company']) : undefined
  }

  // --- queries --------------------------------------------------------------------------------

  // The last `limit` mentions before an offset, most recent first.
  *mentionsBefore(offset: number, limit: number): Generator<Mention> {
    for (let i = this.lastMentionBefore(offset), n = 0; i >= 0 && n < limit; i--, n++) yield this.mentions[i]!
  }

  mentionAt(token: number): Mention | undefined {
    const i = this.byToken[token]
    return i !== undefined && i >= 0 ? this.mentions[i] : undefined
  }

  mentionsIn(start: number, end: number): Mention[] {
    // Mentions are in text order: binary search for the first at or after start.
    let lo = 0
    let hi = this.mentions.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.mentions[mid]!.start < start) lo = mid + 1
      else hi = mid
    }
    const out: Mention[] = []
    for (let i = lo; i < this.mentions.length && this.mentions[i]!.start < end; i++) if (this.mentions[i]!.end <= end) out.push(this.mentions[i]!)
    return out
  }

  // The organisation "the company" or "it" most likely means at `offset`: of those named in the
  // last few sentences (of the given kinds), the one the article names most; else the focal one.
  recentOrg(offset: number, kinds: readonly string[] = ['company', 'agency']): Entity | undefined {
    const i = this.lastMentionBefore(offset)
    let best: Entity | undefined
    const here = i >= 0 ? this.mentions[i]!.sentence : 0
    for (let j = i; j >= 0; j--) {
      const m = this.mentions[j]!
      if (here - m.sentence > 2) break
      if (kinds.includes(m.entity.kind) && (!best || m.entity.weight > best.weight)) best = m.entity
    }
    const focal = this.focal()
    if (best && focal && best !== focal && best.weight <= focal.weight && kinds.includes(focal.kind)) {
      // The article's own company, when it is among those just named.
      for (let j = i; j >= 0 && here - this.mentions[j]!.sentence <= 2; j--) if (this.mentions[j]!.entity === focal) return focal
    }
    if (best) return best
    return focal && kinds.includes(focal.kind) ? focal : kinds.includes('company') ? (focal ?? undefined) : undefined
  }

  recentPerson(offset: number, gender?: 'm' | 'f'): Entity | undefined {
    for (let i = this.lastMentionBefore(offset); i >= 0; i--) {
      const m = this.mentions[i]!
      if (offset - m.start > 3000) break
      if (m.entity.kind === 'person' && (!gender || !m.entity.gender || m.entity.gender === gender)) return m.entity
    }
    return undefined
  }

  private lastMentionBefore(offset: number): number {
    let lo = 0
    let hi = this.mentions.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.mentions[mid]!.start < offset) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }

  // The organisation the article is about: the one named most (early mentions count double),
  // the first named on a tie. Outlets are the press, not the subject.
  focal(): Entity | null {
    if (this.focalCache !== undefined) return this.focalCache
    let best: Entity | null = null
    for (const e of this.entities) {
      if (e.kind !== 'company' && e.kind !== 'agency' && e.kind !== 'programme') continue
      if (e.weight > (best?.weight ?? 0)) best = e
    }
    this.focalCache = best
    return best
  }
}

function commonWord(lower: string): boolean {
  return hasTag(lower, 'common')
}
function cueLike(lower: string): boolean {
  return hasTag(lower, 'cueLike')
}
