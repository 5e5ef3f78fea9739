// Bylines: the names of the people who wrote an article, from whatever the page or the text
// gives ("By JANE DOE and John Smith | Reuters", "Reporting by Bill Rigby; Editing by …",
// JSON-LD author objects). Names only, de-duplicated, in the order given.

// Credits that name someone who did not write the piece.
const NOT_AUTHORS =
  /^(?:(?:copy[ -]?)?edit(?:ed|ing)(?: by)?|compiled by|photo(?:graph)?s?(?: by)?|pictures? by|images? by|illustrations?(?: by)?|graphics?(?: by)?|video(?: by)?|fact[ -]?checked by|reviewed by|medically reviewed by|translated by|produced by|design(?:ed)? by|sources?:|credit:?)\b/i

// "Par" and "Por" are the French, Spanish and Portuguese "By".
const CREDIT_PREFIX =
  /^(?:this (?:post|article|story|piece|guide|blog post) was (?:written|authored) by|(?:additional |further )?reporting by|(?:written|writing|words|story|text|posted|published|article|report|contributed|compiled) by|by:?|par:?|por:?|author:?|authors:?|written by:?|from)\s+/i

// "By clicking Submit, you agree…", "By signing up…": a sentence, not a credit. A name after
// "By" starts with a capital letter or a particle ("by de Souza").
const BY_SENTENCE = /^(?:[Bb]y|[Pp]ar|[Pp]or)\s+(?!(?:de|da|di|du|del|della|van|von|der|den|le|la|al|el|bin|ibn|ben)\s)\p{Ll}/u

// Letters after a name ("Paul Deer, CFP®", "Brenda Goodman, MA", "Jane Doe, Ph.D."): degrees
// and professional titles, written as their holders write them. Case matters: "Rui Ma" is a name.
const CREDENTIALS = new Set([
  'BA',
  'BS',
  'BSc',
  'BEng',
  'BSN',
  'MA',
  'MS',
  'MSc',
  'MEng',
  'MEd',
  'MBA',
  'MPH',
  'MPA',
  'MFA',
  'MSW',
  'MSN',
  'MD',
  'DO',
  'PhD',
  'DPhil',
  'EdD',
  'PsyD',
  'PharmD',
  'DNP',
  'DPT',
  'DDS',
  'DMD',
  'DVM',
  'JD',
  'LLB',
  'LLM',
  'Esq',
  'RN',
  'APRN',
  'NP',
  'FNP',
  'PA',
  'PA-C',
  'RD',
  'RDN',
  'LD',
  'CDE',
  'CDCES',
  'LCSW',
  'LMFT',
  'LPC',
  'IBCLC',
  'CSCS',
  'BCBA',
  'CFP',
  'CFA',
  'CPA',
  'ChFC',
  'CLU',
  'RICP',
  'CPWA',
  'CEPA',
  'AIF',
  'EA',
  'CMT',
  'CAIA',
  'FRM',
  'CRPC',
  'CRPS',
  'CMA',
  'ACCA',
  'CIMA',
  'CISSP',
  'PMP',
  'CIPP',
  'PE',
  'AIA',
  'FACP',
  'FACC',
  'FAAP',
  'FRCS',
  'MRCP',
  'Jr',
  'Sr',
  'II',
  'III',
  'IV',
])

function isCredentials(piece: string): boolean {
  const words = piece.split(/[\s,/]+/).filter(Boolean)
  return words.length > 0 && words.every((word) => /[®™]/.test(word) || CREDENTIALS.has(word.replace(/[.®™]/g, '')))
}

// Words that make a comma-separated piece a job title or an outlet, not a name.
const ROLE_WORDS =
  /\b(?:staff|writer|writers|reporter|reporters|correspondent|editor|editors|contributor|contributing|columnist|journalist|producer|analyst|expert|intern|fellow|author|senior|chief|bureau|desk|team|news|newsroom|press|associated|wire|service|services|special to|for the|at the|of the|professor|md|phd|ceo|founder|director|manager|officer|president|lead|head|specialist|strategist|consultant|coach|guest|executive|engineer|developer|designer|advisor|adviser|associate|assistant|coordinator|representative|attorney|lawyer|researcher|scientist|reuters|afp|ap|upi|dpa|xinhua|bloomberg|efe|ansa|pa media)\b/i

const NOISE = /\b(?:updated|published|posted|last modified|modified|read time|min read|minutes? read|comments?|share|follow|email|ago)\b/i
const NOT_NAMES = new Set([
  'by',
  'admin',
  'administrator',
  'author',
  'authors',
  'guest',
  'anonymous',
  'unknown',
  'null',
  'undefined',
  'home',
  'about',
  'contact',
  'menu',
  'more',
  'read more',
  'view all posts',
  'all posts',
  'posts',
  'profile',
])
// Dates and labels that sit next to names in byline markup.
const NOT_NAME_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday|last|category|categories|tags?|learn more|read more|share)\.?$/i
// A CMS account, not a person: "NOC Admin", "Site Administrator", "Blog Webmaster".
const ACCOUNT = /\b(?:admin|administrator|webmaster|sysop)\b/i
const HONORIFIC = /^(?:dr|prof|mr|mrs|ms|mx|sir|rev)\.?\s+/i
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/g
const HANDLE = /(?:^|\s)@\w+/g
const URL = /\bhttps?:\/\/\S+/g

// `credited`: the text comes from a field that says it names the author (JSON-LD author, a
// meta author tag), so a desk ("Workzone Team") counts as it would after an explicit "By".
export function parseByline(raw: string, { credited = false }: { credited?: boolean } = {}): string[] {
  const names: string[] = []
  for (const segment of segments(raw)) {
    if (NOT_AUTHORS.test(segment)) continue
    for (const name of namesIn(segment, credited)) names.push(name)
  }
  return dedupe(names)
}

// An author field's value (JSON-LD author, a meta author tag): a byline as it would read after
// an explicit "By", else the CMS login it often holds ("sara.r.peter", "Staff"), which is still
// the site's own credit. Not a URL, a handle or an installation's default account.
export function parseCredit(raw: string): string[] {
  const names = parseByline(raw, { credited: true })
  if (names.length > 0) return names
  const login = raw.normalize('NFKC').trim()
  return LOGIN.test(login) && !DEFAULT_ACCOUNTS.has(login.toLowerCase()) ? [login] : []
}

const LOGIN = /^\p{L}[\p{L}\p{N}._-]{1,39}$/u
const DEFAULT_ACCOUNTS = new Set(['admin', 'administrator', 'root', 'user', 'webmaster', 'wordpress', 'null', 'undefined', 'none', 'unknown', 'author'])

// JSON-LD `author`: a string, a Person or Organization, or an array of them. Organisations
// count only when no person is credited, since "Reuters" is not a byline next to a reporter's name.
export function bylinesFromJsonLd(author: unknown): string[] {
  const { people, organisations } = jsonLdAuthors(author)
  return people.length > 0 ? people : organisations
}

export function jsonLdAuthors(author: unknown): { people: string[]; organisations: string[] } {
  const people: string[] = []
  const organisations: string[] = []
  for (const item of Array.isArray(author) ? author : [author]) {
    if (typeof item === 'string') people.push(...parseCredit(item))
    if (!isRecord(item)) continue
    const name = jsonLdName(item)
    if (!name) continue
    if (typesOf(item).some((t) => /organi[sz]ation|corporation|brand|website/i.test(t))) organisations.push(name)
    else people.push(...parseCredit(name))
  }
  return { people: dedupe(people), organisations: dedupe(organisations) }
}

function jsonLdName(item: Record<string, unknown>): string | null {
  const name = item.name
  if (typeof name === 'string' && name.trim()) return clean(name)
  if (Array.isArray(name) && typeof name[0] === 'string') return clean(name[0])
  const given = item.givenName
  const family = item.familyName
  if (typeof given === 'string' && typeof family === 'string') return clean(`${given} ${family}`)
  return null
}

function typesOf(item: Record<string, unknown>): string[] {
  const type = item['@type']
  if (typeof type === 'string') return [type]
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : []
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function clean(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim()
}

// Credits are separated by semicolons, pipes, bullets and line breaks: "Reporting by X; Editing by Y".
function segments(raw: string): string[] {
  const text = clean(
    raw
      .replace(/[\r\n]+/g, ';')
      .replace(EMAIL, ' ')
      .replace(URL, ' ')
      .replace(HANDLE, ' '),
  )
    // "By | Jane Doe": a credit word split from its name by markup.
    .replace(/\b(by|authors?:?)\s*[|;•·:]\s*/gi, '$1 ')
  return text
    .split(/\s*(?:[;|•·]|\s[-–—]\s)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

function namesIn(segment: string, alwaysCredited: boolean): string[] {
  if (BY_SENTENCE.test(segment)) return []
  const credited = alwaysCredited || CREDIT_PREFIX.test(segment)
  const text = stripTrailingNoise(segment.replace(CREDIT_PREFIX, '').replace(/^by\s+/i, ''))
  const parts = text.split(/\s*,\s*/).filter((part, i) => !isTitleOrOutlet(part, i) && !(i > 0 && isCredentials(part)))
  const pieces = parts.flatMap((part) => part.split(/\s*(?:\band\b|&|\+)\s*/i))
  const people = pieces.map(cleanName).filter((name): name is string => name !== null)
  if (people.length > 0 || !credited) return people
  return pieces.map(groupName).filter((name): name is string => name !== null)
}

// "Jane Doe, Head of Marketing and Community Development", "Jane Doe, The Commercial Appeal":
// a part that opens with a job title word is all job title, "and" included; a person's name does
// not open with "The", so after a comma that is the outlet.
function isTitleOrOutlet(part: string, index: number): boolean {
  const opening = part.split(/\s+(?:and|&)\s+/i)[0] ?? ''
  return ROLE_OPENING.test(opening) || (index > 0 && /^the\s/i.test(part))
}

const ROLE_OPENING = new RegExp(`^${ROLE_WORDS.source}`, 'i')

// "By Workzone Team", "By The Currency editors": a desk credited as the author. Only after an
// explicit "By" that names no person: "Jane Doe, Bloomberg Staff" credits Jane Doe.
const GROUP = /^(?:the\s+)?(?:\p{Lu}[\p{L}\p{N}&'’.-]*\s+){1,3}(?:team|staff|editors|editorial(?: team| staff| board)?|desk|newsroom)$/iu

function groupName(piece: string): string | null {
  const name = piece.replace(/^[\s"'“”‘’:,.-]+|[\s"'“”‘’:,-]+$/g, '').trim()
  if (!GROUP.test(name) || !/^\p{Lu}/u.test(name)) return null
  return isShouting(name) ? titleCase(name) : name
}

// "Jane Doe on June 6, 2013", "Jane Doe Updated 3 hours ago", "Jane Doe (Reuters)".
// A parenthesis between two words of a name is part of it: "Paramita (Guha) Ghosh".
function stripTrailingNoise(text: string): string {
  return text
    .replace(/\s+(?:on|at)\s+\w+\.?\s+\d.*$/i, '')
    .replace(/\s+(?:updated|published|posted|last modified)\b.*$/i, '')
    .replace(/\s*\([^)]*\)(?!\s+\p{Lu}\p{Ll})/gu, ' ')
    .replace(/\s+\d.*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function cleanName(piece: string): string | null {
  // A full stop after a name ends the sentence ("Alon Zakai."), not an initial ("Jr.", "J.").
  const name = piece
    .replace(HONORIFIC, '')
    .replace(/^[\s"'“”‘’:,.-]+|[\s"'“”‘’:,-]+$/g, '')
    .replace(/(\p{L}{3,})\.$/u, '$1')
    .trim()
  if (!looksLikeName(name)) return null
  return isShouting(name) ? titleCase(name) : name
}

function looksLikeName(text: string): boolean {
  if (text.length < 2 || text.length > 60 || NOT_NAMES.has(text.toLowerCase()) || NOT_NAME_WORDS.test(text)) return false
  // "Written by" with its name elsewhere; "Paperium.net".
  if (/\bby$/i.test(text) || /\.(?:com|net|org|io|co)$/i.test(text)) return false
  if (/\d/.test(text) || ROLE_WORDS.test(text) || NOISE.test(text) || ACCOUNT.test(text)) return false
  const words = text.split(' ')
  if (words.length > 6) return false
  // A name starts with a capital letter; particles ("van", "de", "bin") may be lower case.
  return /^\p{Lu}/u.test(text) && words.filter((w) => /^\p{Ll}/u.test(w)).length <= 2
}

function isShouting(name: string): boolean {
  return name === name.toUpperCase() && /\p{Lu}{2}/u.test(name)
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>()
  return names.filter((name) => {
    const key = name.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

// Names as a byline reads: "Jane Doe", "Jane Doe and John Smith", "A, B and C".
export function formatByline(names: readonly string[]): string | null {
  if (names.length === 0) return null
  if (names.length === 1) return names[0] ?? null
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
