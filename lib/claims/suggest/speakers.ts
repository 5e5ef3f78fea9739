// Who said it and whom it concerns: names found in the text, matched to known entities (with
// their aliases) or proposed as new ones; pronouns and descriptions ("He", "the company",
// "company lawyer Brad Smith", "the Post") resolved against what the article said before.
import { AGENCY_WORDS, COMPANY_NOUNS, COMPANY_SUFFIXES, CORPORATE_ROLES, OUTLET_WORDS, ROLE_NOUNS, SOURCE_NOUNS } from './lexicon'
import { lastWord, normalizeName } from './names'
import { tagsOf, tagsOfName, type Sentence } from './sentences'
import type { EntityKind, KnownEntity } from './types'

export type Entity = { name: string; kind: EntityKind; id?: string; aliases: string[]; affiliation?: string; known: boolean }
type Mention = { entity: Entity; start: number; end: number; sentence: Sentence }

export type Speaker = { name: string; entity?: Entity; role: 'self' | 'press' | 'source' | 'other' }

const wordSet = (words: readonly string[]) => new Set(words)
const COMPANY_NOUN = wordSet(COMPANY_NOUNS)
const ROLE_NOUN = wordSet(ROLE_NOUNS)
const SOURCE_NOUN = wordSet(SOURCE_NOUNS)
const OUTLET_WORD = wordSet(OUTLET_WORDS)
const AGENCY_WORD = wordSet(AGENCY_WORDS)
const SUFFIX_WORD = wordSet(COMPANY_SUFFIXES)
const CORPORATE_ROLE = wordSet(CORPORATE_ROLES)
// First words too generic to stand for a company on their own ("General" for General Motors).
const GENERIC_FIRST = wordSet(['general', 'national', 'european', 'united', 'american', 'international', 'first', 'new', 'global', 'royal', 'federal', 'china', 'british', 'deutsche'])
// A dateline ("SEATTLE (Reuters) -") names a place, not a speaker.
const DATELINE = /^[A-Z][A-Z .,'’-]+(?=\s*(?:\([^)]*\)\s*)?[-–—])/
// Capitalised words that open sentences or titles without naming anyone.
const NOT_NAMES = wordSet([
  'the', 'a', 'an', 'in', 'on', 'at', 'he', 'she', 'it', 'we', 'they', 'i', 'but', 'and', 'so', 'if', 'as', 'last', 'this',
  'that', 'these', 'those', 'our', 'his', 'her', 'its', 'their', 'mr', 'mrs', 'ms', 'dr', 'after', 'before', 'while', 'when',
  'for', 'with', 'by', 'from', 'to', 'of', 'attorney', 'general', 'president', 'chief', 'executive', 'senator', 'judge',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'according', 'however', 'meanwhile', 'also',
  'reporting', 'editing', 'additional', 'u.s', 'us', 'government', 'constitution', 'internet', 'there', 'what', 'some',
])
const NAME_RUN = /[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|de|del|van|von|der|&)\s+)?[A-Z][\w&'’.-]*)*/g

function classify(run: string, sentence: Sentence, at: number): EntityKind | null {
  const words = normalizeName(run).split(' ')
  const last = words[words.length - 1] ?? ''
  if (/\b(?:corp|corporation|inc|ltd|plc|llc|co|ag|gmbh)\.?$/i.test(run.trim())) return 'company'
  if (words.some((w) => AGENCY_WORD.has(w)) || /^[A-Z]{2,5}$/.test(run) && AGENCY_WORD.has(run.toLowerCase())) return 'agency'
  if (OUTLET_WORD.has(last) || /\((?:reuters|ap|afp|bloomberg)\)/i.test(`(${run})`)) return 'outlet'
  // The name alone first (cheap, cached); the whole sentence only when that says nothing.
  let tags = tagsOfName(run)
  if (!tags.some((t) => t.has('Person') || t.has('Organization'))) {
    tags = tagsOf(sentence).filter((w) => w.start >= at && w.end <= at + run.length).map((w) => w.tags)
  }
  if (tags.some((t) => t.has('Person')) && !tags.some((t) => t.has('Organization'))) return 'person'
  if (tags.some((t) => t.has('Organization'))) return 'company'
  if (words.length >= 2 && tags.every((t) => t.has('ProperNoun'))) return 'person'
  return null
}

function stripLeading(run: string, offset: number): [string, number] {
  let text = run
  let at = offset
  for (;;) {
    const first = /^([\w&'’.-]+)\s*/.exec(text)
    if (!first || !NOT_NAMES.has(first[1]!.toLowerCase().replace(/\.$/, ''))) return [text, at]
    text = text.slice(first[0].length)
    at += first[0].length
  }
}

// A name already known needs no tagging.
function entityLookupKind(index: EntityIndex, name: string): EntityKind | null {
  return index.lookup(name)?.kind ?? null
}

// Entities as the article names them, in order, merged with the known ones.
export class EntityIndex {
  readonly entities: Entity[] = []
  readonly mentions: Mention[] = []
  private readonly byName = new Map<string, Entity>()

  constructor(known: readonly KnownEntity[], sentences: readonly Sentence[]) {
    for (const k of known) this.add({ name: k.name, kind: k.kind, id: k.id, aliases: k.aliases, affiliation: k.affiliation, known: true })
    for (const sentence of sentences) this.scan(sentence)
    // Affiliations once every name is known: "John Doe, a spokesman for Acme Corp" may come
    // before the article first names Acme Corp.
    for (const m of this.mentions) {
      if (m.entity.kind === 'person' && !m.entity.affiliation) m.entity.affiliation = this.affiliationAround(m.sentence, m.start, m.end)
    }
  }

  private add(entity: Entity): Entity {
    this.entities.push(entity)
    for (const n of [entity.name, ...entity.aliases]) if (!this.byName.has(normalizeName(n))) this.byName.set(normalizeName(n), entity)
    return entity
  }

  // An exact name or alias, or a short form of a name seen earlier ("Smith", "the Post").
  lookup(name: string, kind?: EntityKind): Entity | undefined {
    const key = normalizeName(name)
    if (!key) return undefined
    const exact = this.byName.get(key)
    if (exact && (!kind || exact.kind === kind)) return exact
    if (key.includes(' ')) return undefined
    // A person by the last name, a company or outlet by its first word ("Harlow" for Harlow Motors).
    const short = (e: Entity) =>
      e.name.includes(' ') &&
      (e.kind === 'person' || e.kind === 'outlet' || e.kind === 'agency' ? lastWord(e.name) === key : normalizeName(e.name).split(' ')[0] === key && !GENERIC_FIRST.has(key))
    return this.entities.find((e) => (!kind || e.kind === kind) && short(e))
  }

  private scan(sentence: Sentence): void {
    const dateline = DATELINE.exec(sentence.text)?.[0].length ?? 0
    for (const match of sentence.text.matchAll(NAME_RUN)) {
      if (match.index < dateline) continue
      const [run, at] = stripLeading(match[0].replace(/[.,]+$/, ''), sentence.start + match.index)
      if (!run || run.length < 2) continue
      const name = run.replace(/['’]s$/, '')
      const kind = entityLookupKind(this, name) ?? classify(run, sentence, at)
      let entity = this.lookup(name)
      if (!entity && kind) entity = this.add({ name: name.replace(new RegExp(`\\s+(?:${[...SUFFIX_WORD].join('|')})\\.?$`, 'i'), ''), kind, aliases: [name], known: false })
      if (!entity) continue
      this.mentions.push({ entity, start: at, end: at + run.length, sentence })
    }
  }

  // "company lawyer Brad Smith", "Acme spokesman John Doe", "John Doe, a spokesman for Acme".
  private affiliationAround(sentence: Sentence, start: number, end: number): string | undefined {
    const before = sentence.text.slice(Math.max(0, start - sentence.start - 40), start - sentence.start)
    const after = sentence.text.slice(end - sentence.start, end - sentence.start + 60)
    const pre = /(?:^|\s)([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*?)(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}([a-z]+),?\s*$/.exec(before)
    if (pre && ROLE_NOUN.has(pre[2]!)) {
      const org = this.lookup(pre[1]!)
      if (org && org.kind !== 'person') return org.name
    }
    const words = before.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean).slice(-2)
    if (words.some((w) => CORPORATE_ROLE.has(w)) || (words.some((w) => ROLE_NOUN.has(w)) && words.some((w) => COMPANY_NOUN.has(w)))) {
      return this.salientCompany(start)?.name
    }
    const post = /^,\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?(?:for|at|of)\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)/.exec(after)
    if (post) return this.lookup(post[1]!)?.name
    const described = /^,\s+(?:(?:the|a|an)\s+)?((?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=,|\.|$)/.exec(after)
    const role = described?.[1]!.toLowerCase().split(/\s+/) ?? []
    if (role.some((w) => CORPORATE_ROLE.has(w)) && role.some((w) => /^(?:company|firm|group)['’]s$/.test(w))) return this.salientCompany(start)?.name
    const possessive = /^,\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s\s+/.exec(after)
    if (possessive) return this.lookup(possessive[1]!)?.name
    return undefined
  }

  // The company the article is about: the one named most, the earliest on a tie.
  salientCompany(before = Infinity): Entity | undefined {
    const counts = new Map<Entity, number>()
    for (const m of this.mentions) if (m.entity.kind === 'company') counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1)
    let best: Entity | undefined
    let most = 0
    for (const [entity, count] of counts) if (count > most) [best, most] = [entity, count]
    if (best || before === Infinity) return best ?? this.entities.find((e) => e.kind === 'company')
    return this.mentions.find((m) => m.start < before && m.entity.kind === 'company')?.entity
  }

  lastPerson(before: number): Mention | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!
      if (m.start < before && m.entity.kind === 'person') return m
    }
    return undefined
  }

  // A speaker that is a person, or a role speaking for an organisation ("a spokesman").
  static isHuman(text: string, speaker: Speaker): boolean {
    return speaker.entity?.kind === 'person' || text.toLowerCase().split(/\W+/).some((w) => ROLE_NOUN.has(w))
  }

  mentionsIn(start: number, end: number): Entity[] {
    return this.mentions.filter((m) => m.start >= start && m.end <= end).map((m) => m.entity)
  }
}

const PRONOUN_PERSON = /^(?:he|she)$/i
const COMPANY_DESCRIPTION = new RegExp(`^(?:the|it|its)\\b.*\\b(?:${COMPANY_NOUNS.join('|')})$|^it$`, 'i')

// Speaker words as a rule found them → a name, an entity when there is one, and the role that
// decides the claim's kind: the company speaking for itself, the press, an unnamed source or
// document, or someone else.
export type LastSpeaker = { speaker: Speaker; at: number }

export function resolveSpeaker(raw: string | null, at: number, index: EntityIndex, lastSpeaker?: LastSpeaker): Speaker | null {
  if (!raw) return null
  const text = raw.replace(/\s+/g, ' ').replace(/^[,\s]+|[,\s]+$/g, '').replace(/^(?:also|then)\s+/i, '')
  if (!text) return null
  const lower = text.toLowerCase()
  // "He said …": the person last quoted or described as speaking ("a Brightwave spokesman"),
  // unless a person was named after that.
  if (PRONOUN_PERSON.test(text)) {
    const person = index.lastPerson(at)
    if (lastSpeaker && (!person || lastSpeaker.at >= person.start)) return lastSpeaker.speaker
    return person ? withRole(person.entity.name, person.entity, index) : null
  }
  if (COMPANY_DESCRIPTION.test(lower)) {
    const company = index.salientCompany()
    return company ? withRole(company.name, company, index) : null
  }
  const [name, apposition] = text.split(/,\s+/, 2) as [string, string | undefined]
  const words = lower.split(/\s+/)
  // A document or unnamed source: keep the phrase ("leaked documents provided by Edward
  // Snowden"), attach the entity named in it, if any.
  if (SOURCE_NOUN.has(words[0]!) || SOURCE_NOUN.has(words[1] ?? '') || /^(?:people|sources|a person|a source)\b/.test(lower)) {
    const named = /\b(?:by|from)\s+(.+)$/.exec(text)
    const entity = named ? index.lookup(named[1]!) : undefined
    return { name: text, entity, role: 'source' }
  }
  // "a spokeswoman for Acme", "Acme spokesman", "company lawyer Brad Smith": prefer a person's name.
  const runs = [...text.matchAll(NAME_RUN)].map((m) => stripLeading(m[0], 0)[0]).filter((r) => r.length > 1)
  for (const run of [...runs].reverse()) {
    const entity = index.lookup(run)
    if (entity?.kind === 'person') return withRole(entity.name, entity, index)
  }
  const forOrg = /\b(?:for|at|of)\s+(.+)$/.exec(name) ?? (apposition ? /\b(?:for|at|of)\s+(.+)$/.exec(apposition) : null)
  if (forOrg && words.some((w) => ROLE_NOUN.has(w))) {
    const org = index.lookup(forOrg[1]!)
    if (org) return withRole(org.name, org, index)
  }
  // The head of a noun phrase comes last ("Britain's communications regulator Ofcom"); a
  // possessive name before it is a modifier.
  const heads = runs.filter((r) => !/['’]s$/.test(r))
  for (const run of [...(heads.length > 0 ? heads : runs)].reverse()) {
    const entity = index.lookup(run)
    if (entity) return withRole(entity.name, entity, index)
  }
  if (heads.length > 0) return { name: heads[heads.length - 1]!, role: 'other' }
  if (words.some((w) => COMPANY_NOUN.has(w))) {
    const company = index.salientCompany()
    if (company) return withRole(company.name, company, index)
  }
  if (runs[0]) return { name: runs[runs.length - 1]!, role: 'other' }
  return { name: text, role: 'other' }
}

// A company speaks for itself, and so do its people; what an outlet says is the press's account.
function withRole(name: string, entity: Entity, index: EntityIndex): Speaker {
  if (entity.kind === 'outlet') return { name, entity, role: 'press' }
  if (entity.kind === 'company') return { name, entity, role: 'self' }
  const affiliation = entity.affiliation ? index.lookup(entity.affiliation) : undefined
  if (entity.kind === 'person' && affiliation?.kind === 'company') return { name, entity, role: 'self' }
  return { name, entity, role: 'other' }
}

// The company a speaker speaks for: itself, or the company a person works for.
export function speakerCompany(speaker: Speaker | null, index: EntityIndex): Entity | undefined {
  const entity = speaker?.entity
  if (!entity) return undefined
  if (entity.kind === 'company') return entity
  return entity.affiliation ? index.lookup(entity.affiliation) : undefined
}
