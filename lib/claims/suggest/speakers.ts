// Who a source is: a named person (with the organisation they speak for), an organisation, the
// press, an unnamed source, or someone else; pronouns and descriptions ("he", "they", "the
// company", "the utility", "a spokeswoman", "the company's lawyer", "officials") resolved against
// what the article said before.
import type { Entity, EntityIndex, Mention } from './entities'
import { COMPANY_NOUNS, MEMBER_ROLES, NAMED_BODY_NOUNS, OUTLET_NOUNS, OUTSIDE_ROLES, PUBLIC_BODY_NOUNS, SOURCE_NOUNS } from './lexicon'
import type { Doc } from './text'

export type Speaker = {
  name: string
  entity?: Entity
  // The organisation whose words these are: itself, or the one a person speaks for.
  org?: Entity
  role: 'person' | 'org' | 'press' | 'source' | 'other'
}

export type SpeakerMemory = { person?: Speaker; org?: Speaker; plural?: Speaker; last?: Speaker }

const GENERIC_PUBLIC = new Set([
  'officials',
  'official',
  'authorities',
  'government',
  'police',
  'military',
  'administration',
  'ministry',
  'department',
  'agency',
  'spokesman',
  'spokeswoman',
  'spokesperson',
])
const TRIM = /^(?:also|then|both|and|but|however|meanwhile)\s+/i

const POSSESSIVE_AS_SUBJECT: Record<string, string> = { his: 'he', her: 'she', their: 'they', its: 'it', our: 'we', my: 'i' }

export function resolveSource(doc: Doc, index: EntityIndex, first: number, last: number, memory: SpeakerMemory): Speaker | null {
  const tokens = doc.tokens
  const text = doc.text
    .slice(tokens[first]!.start, tokens[last]!.end)
    .replace(TRIM, '')
    .replace(/[\s,]+$/, '')
  if (!text) return null
  // A possessive ("her claim that …", "their support for …") resolves as its subject pronoun.
  const lower = POSSESSIVE_AS_SUBJECT[text.toLowerCase()] ?? text.toLowerCase()
  const at = tokens[first]!.start
  if (lower === 'he' || lower === 'she') {
    const gender = lower === 'he' ? 'm' : 'f'
    const remembered = memory.person
    const fits = remembered?.entity && (!remembered.entity.gender || remembered.entity.gender === gender)
    const person = index.subjectPerson(at, gender)
    // The person quoted last, unless someone else of that gender was named since.
    if (fits && (!person || person === remembered.entity || mentionedAfter(index, remembered.entity!, person, at))) return remembered
    return person ? personSpeaker(person) : fits ? remembered : null
  }
  if (lower === 'they' || lower === 'it') {
    if (lower === 'they') {
      const people = index.peopleBefore(at)
      if (people.length >= 2) return speakerOf(people.map((p) => p.name).join(' and '), 'other')
    }
    if (lower === 'they' && memory.plural) return memory.plural
    if (memory.org) return memory.org
    const org = index.recentOrg(at)
    return org ? orgSpeaker(org) : null
  }
  if (lower === 'we' || lower === 'i' || lower === 'you') return memory.last ?? null
  // "the statement said", "The post added": the source of the statement mentioned before. (A
  // report, a letter, a filing or a lawsuit is most often someone else's: "The lawsuit alleges".)
  if (/^(?:the|that|this|its|his|her|their) (?:statement|post|email|e-mail|memo|tweet|release|message|note|blog)$/.test(lower)) {
    // (Issued by the person or organisation who spoke last, not by a document quoted since.)
    const issuer = memory.last && (memory.last.role === 'person' || memory.last.role === 'org' || memory.last.role === 'press') ? memory.last : memory.org
    if (issuer) return issuer
  }

  // Names inside the source: a person heads it unless only named as a modifier.
  const mentions: Mention[] = []
  for (let i = first; i <= last; i++) {
    const m = index.mentionAt(i)
    if (m && (mentions.length === 0 || mentions[mentions.length - 1] !== m)) mentions.push(m)
  }
  const words = lower.split(/[^\p{L}\p{N}&'’-]+/u).filter(Boolean)
  const hasRole = words.some((w) => MEMBER_ROLES.has(w.replace(/['’]s$/, '')))
  // ("Former employees", "an ex-director": who left no longer speaks for the company.)
  const former = words.some((w) => w === 'former' || w.startsWith('ex-'))
  // ("State attorneys general", "the attorney general": a public office, not a company's lawyer.)
  const publicOffice = words.some((w, i) => /^attorneys?$/.test(w) && words[i + 1] === 'general')
  const outside = former || publicOffice || words.some((w) => OUTSIDE_ROLES.has(w) && !MEMBER_ROLES.has(w))
  const head = headWord(words)
  const described = ownOrgHead(words)
  // "leaked documents provided by Jane Roe", "people close to Smith": the source is the
  // documents or the people, not the person named in their description.
  if (SOURCE_NOUNS.has(head) && !tokens[first]!.cap)
    return speakerOf(text, 'source', undefined, mentions.find((m) => m.entity.kind !== 'person' && m.entity.kind !== 'place')?.entity)
  // The first person named heads the source ("Dana Whitfield, a onetime Hale volunteer"), unless
  // the name only modifies a noun after it: "Clinton spokesman Josh Schwerin" is Schwerin, "one
  // Clinton aide" and "Trump supporters" are no Clinton or Trump.
  const modifies = (m: Mention) => {
    const next = tokens[m.last + 1]
    return m.last < last && next !== undefined && next.type === 'word' && !next.cap && !/^(?:and|or|but|of|who|which|that)$/.test(next.lower)
  }
  const named = mentions.filter((m) => m.entity.kind === 'person' && !m.possessive && !modifies(m))
  // "Senators Richard Blumenthal and Marsha Blackburn": both, together.
  if (named.length >= 2 && /^\s*(?:and|&)\s*$/.test(doc.text.slice(named[0]!.end, named[1]!.start)))
    return speakerOf(named.map((m) => m.entity.name).join(' and '), 'other')
  const person = named[0]
  if (person) {
    const s = personSpeaker(person.entity)
    if (!s.org && hasRole && !outside) {
      const org =
        mentions.find((m) => m.entity.kind !== 'person' && m.entity.kind !== 'place' && m.entity.kind !== 'outlet')?.entity ??
        index.apposition(person.last + 1) ??
        // ("Charles Scharf, the bank's chief executive": the organisation the description points to.)
        (described ? recentOrgFitting(index, described, at) : undefined)
      if (org) s.org = org
    }
    return s
  }
  const orgs = mentions.filter((m) => m.entity.kind !== 'person' && m.entity.kind !== 'place')
  if (hasRole && !outside) {
    // "a spokeswoman for Acme", "Acme spokesman", "the company's lawyer", "chairman", "China's
    // ambassador to Britain": the possessive or the "for / of / at" organisation, not "to".
    const before = (m: Mention) => doc.text.slice(Math.max(0, m.start - 6), m.start)
    const own =
      orgs.find((m) => m.possessive) ?? orgs.find((m) => /\b(?:for|of|at|with)\s*$/i.test(before(m))) ?? orgs.find((m) => !/\bto\s*$/i.test(before(m)))
    // Staff with no organisation named ("Some scientists", "Employees") speak for themselves:
    // only a spokesperson, an executive or a lawyer is the company's voice unnamed.
    const staffOnly = words.every((w) => !MEMBER_ROLES.has(w.replace(/['’]s$/, '')) || STAFF.has(w))
    const org =
      own?.entity ??
      (words.some((w) => /^(?:company|firm)(?:['’]s)?$/.test(w)) ? index.recentOrg(at, ['company']) : staffOnly && !described ? undefined : index.recentOrg(at))
    return speakerOf(text, org?.kind === 'outlet' ? 'press' : 'person', undefined, org)
  }
  if (hasRole && former) return speakerOf(text, 'person')
  if (orgs.length > 0 && !SOURCE_NOUNS.has(head)) {
    const org = (orgs.find((m) => !m.possessive) ?? orgs[orgs.length - 1]!).entity
    return orgSpeaker(org)
  }
  if (SOURCE_NOUNS.has(head) || words.some((w) => w === 'familiar' || w === 'anonymity')) {
    return speakerOf(text, 'source', undefined, orgs[0]?.entity)
  }
  // "both companies", "the companies": the organisations at hand, together.
  // ("Consumer groups" are other groups.)
  if (/^(?:companies|firms|groups)$/.test(head) && (words.length === 1 || /^(?:the|both|all|two)$/.test(words[0] ?? ''))) {
    const org = index.recentOrg(at)
    return speakerOf(text, 'org', undefined, org)
  }
  // "the company", "the tech giant", "the newspaper", "the label".
  if (/^(?:the|its|this)$/.test(words[0] ?? '') && COMPANY_NOUNS.has(head)) {
    const bound = index.described(head, at)
    if (bound) return orgSpeaker(bound)
    const org = recentOrgFitting(index, head, at)
    if (org) return orgSpeaker(org)
  }
  // "officials", "police", "the government" speak for a public body the article is about.
  if (GENERIC_PUBLIC.has(head)) {
    // "police" after "Hong Kong police" was named: that force.
    const named = index.lookup(head)
    if (named && named.kind === 'agency') return orgSpeaker(named)
    const focal = index.focal()
    const fits = focal && (focal.kind === 'agency' || normalizedWords(focal.name).includes(head))
    return speakerOf(text, fits ? 'person' : 'other', undefined, fits ? focal : undefined)
  }
  return speakerOf(text, 'other')
}

const normalizedWords = (name: string) => name.toLowerCase().split(/\s+/)

const STAFF = new Set([
  'scientist',
  'scientists',
  'engineer',
  'engineers',
  'employee',
  'employees',
  'worker',
  'workers',
  'staff',
  'staffers',
  'researcher',
  'researchers',
  'manager',
  'managers',
  'doctors',
  'nurses',
  'pilots',
  'drivers',
])

// "the bank's", "the company's", "its": the kind of organisation a role's description points to.
function ownOrgHead(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w === 'its') return 'company'
    const base = w.replace(/['’]s$/, '')
    if (base !== w && words[i - 1] === 'the' && COMPANY_NOUNS.has(base)) return base
  }
  return undefined
}

// A description names a kind of body: "the newspaper" is an outlet, "the regulator" a public
// body, "the union" or "the university" one named so ("the Teamsters union" is not the company
// the article is about); "the company", "the group", "the party" any organisation.
function recentOrgFitting(index: EntityIndex, head: string, at: number): Entity | undefined {
  if (OUTLET_NOUNS.has(head)) return index.recentOrg(at, ['outlet'])
  if (PUBLIC_BODY_NOUNS.has(head)) return index.recentOrg(at, ['agency'])
  const org = index.recentOrg(at)
  return org && NAMED_BODY_NOUNS.has(head) && !normalizedWords(org.name).includes(head) ? undefined : org
}

// The head of a noun phrase: its last word before a preposition or a participle phrase.
function headWord(words: readonly string[]): string {
  let end = words.length
  for (let i = 1; i < words.length; i++) {
    if (
      /^(?:of|for|at|with|from|in|familiar|close|who|that|on|by|including|such|seen|given|written|shown|taken)$/.test(words[i]!) ||
      /(?:ed|ing)$/.test(words[i]!)
    ) {
      end = i
      break
    }
  }
  return (words[end - 1] ?? '').replace(/['’]s$/, '')
}

// Whether `a` was named more recently than `b` before an offset (within the last mentions).
function mentionedAfter(index: EntityIndex, a: Entity, b: Entity, before: number): boolean {
  for (const m of index.mentionsBefore(before, 200)) {
    if (m.entity === a) return true
    if (m.entity === b) return false
  }
  return false
}

// Every speaker has every field: one object shape for the rules that read them.
export function speakerOf(name: string, role: Speaker['role'], entity?: Entity, org?: Entity): Speaker {
  return { name, entity, org, role }
}

export function personSpeaker(person: Entity): Speaker {
  return speakerOf(person.name, 'person', person, person.affiliation)
}

export function orgSpeaker(org: Entity): Speaker {
  return speakerOf(org.name, org.kind === 'outlet' ? 'press' : 'org', org, org)
}
