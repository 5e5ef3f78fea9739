// The one date parser for the ingest path: HTML metadata, visible page dates, plain-text
// datelines and URLs all go through here, so a format learnt once works everywhere.
//
// A parsed date keeps the wall-clock time and the offset the source gave; it is never
// converted to UTC, because the calendar day an outlet printed is the day we want to show.
// A time given without a zone is returned as a local ISO time with no offset
// ("2013-06-06T20:43:00", hasZone false): inventing an offset would put a wrong instant in the
// database. `toPublishedIso` turns that into the day alone, as the PublishedDate contract asks.

export type ParsedDate = {
  iso: string // "2013-06-06", "2013-06-06T20:43:00", "2013-06-06T20:43:00-04:00", "2013-06-06T00:43:00Z"
  hasTime: boolean
  hasZone: boolean
}

type Parts = { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; offset?: number | null }

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

// Offsets in minutes. Ambiguous abbreviations take their most common reading in English-language
// news: IST is India (not Irish or Israel), CST is US Central (not China).
const ZONES: Record<string, number> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  WET: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  BST: 60,
  WEST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  HKT: 480,
  SGT: 480,
  PHT: 480,
  AWST: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
}

// "ET", "CT", "PT": US zones whose offset depends on daylight saving time on that day.
const US_GENERIC_ZONES: Record<string, number> = { ET: -300, CT: -360, MT: -420, PT: -480 }

const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const ORDINAL = '(?:st|nd|rd|th)?'

const ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i
const COMPACT_ISO = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/i
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'i')
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i')
const YEAR_MONTH_DAY_NAMED = new RegExp(`\\b(\\d{4})\\s+${MONTH_NAME}\\s+(\\d{1,2})\\b`, 'i')
const YEAR_SLASH = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/
const DOTTED = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/
const SLASHED = /\b(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})\b/
// "20:43", "8:43pm", "8 p.m.", and the British "18.27" (a dot, but not a dotted date like 06.06.2013).
const TIME = /\b(\d{1,2})(?::(\d{2})|\.(\d{2})(?![.\d]))(?::(\d{2}))?\s*([ap])?\.?\s?(m\b\.?)?|\b(\d{1,2})\s*([ap])\.?\s?m\b\.?/i
// "GMT+8" and "UTC-05:00" may be short; a bare offset must have four digits ("-0400", "+05:30").
const NUMERIC_ZONE = /\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b|(?:^|[\s(])([+-])(\d{2}):?(\d{2})\b/
const ZONE_WORD = /\b([A-Z]{1,5})\b/g
const UNIX = /^\d{9,13}$/

// How to read a numeric date whose first two numbers could each be the month ("06/07/2013").
// Month first is US usage and the default; most of the world writes the day first, so a page
// in another language or region says which (dayFirstFor).
export type DateOptions = { dayFirst?: boolean }

export function parseDate(text: string, options: DateOptions = {}): ParsedDate | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  if (UNIX.test(trimmed)) return fromUnix(Number(trimmed))
  const parts = parseIso(trimmed) ?? parseCompact(trimmed) ?? parseWritten(trimmed, options)
  return parts ? format(parts) : null
}

// A publication date must be plausible: not before the web news era, not in the future.
export function parsePublicationDate(text: string, now: Date = new Date(), options: DateOptions = {}): ParsedDate | null {
  const parsed = parseDate(text, options)
  return parsed && isPlausiblePublication(parsed, now) ? parsed : null
}

// Regions that write the month first: the United States and a few places that follow its usage.
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI'])
// Country domains of English-speaking places that write the day first, for pages that say only "en".
const DAY_FIRST_DOMAINS = /\.(?:uk|ie|au|nz|in|za|sg|my|pk|ng|ke|gh|lk|bd|hk|mt|cy|jm|tt)$/i

// Whether a page writes numeric dates day first, from its language tag ("en-GB", "fr", "en-US")
// and, for a bare "en" or no tag at all, its country domain.
export function dayFirstFor(language: string | null, url: string | null): boolean {
  const [primary = '', region] = (language ?? '').split('-')
  if (region && /^[A-Za-z]{2}$/.test(region)) return !MONTH_FIRST_REGIONS.has(region.toUpperCase())
  if (primary && primary.toLowerCase() !== 'en') return true
  let host = ''
  try {
    host = url ? new URL(url).hostname : ''
  } catch {
    host = ''
  }
  return DAY_FIRST_DOMAINS.test(host)
}

export function isPlausiblePublication(date: ParsedDate, now: Date = new Date()): boolean {
  const day = date.iso.slice(0, 10)
  const latest = new Date(now.getTime() + 2 * 86_400_000).toISOString().slice(0, 10)
  return day >= '1990-01-01' && day <= latest
}

// The PublishedDate contract wants an offset with every time; a zone-less time is only a day.
export function toPublishedIso(date: ParsedDate): string {
  return date.hasTime && date.hasZone ? date.iso : date.iso.slice(0, 10)
}

// "/2013/06/06/", "/2013-06-06-", "/20130606/": the day an article's URL was minted.
export function dateFromUrl(url: string, now: Date = new Date()): ParsedDate | null {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    path = url
  }
  const match =
    /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.+-])/.exec(path) ?? /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_.-])/.exec(path)
  if (!match) return null
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  if (!validDay(parts)) return null
  const parsed = format(parts)
  return isPlausiblePublication(parsed, now) ? parsed : null
}

function fromUnix(value: number): ParsedDate | null {
  const ms = value >= 1e12 ? value : value * 1000
  const date = new Date(ms)
  if (Number.isNaN(date.getTime())) return null
  return { iso: date.toISOString().replace(/\.\d{3}Z$/, 'Z'), hasTime: true, hasZone: true }
}

function parseIso(text: string): Parts | null {
  const m = ISO.exec(text)
  if (!m) return null
  const parts = partsOf(m)
  if (m[4] !== undefined) parts.offset = m[7] ? numericOffset(m[7]) : zoneIn(text.slice((m.index ?? 0) + m[0].length), parts)
  return validDay(parts) && validTime(parts) ? parts : null
}

// Year, month, day and (when present) hour, minute, second from an ISO-shaped match.
function partsOf(m: RegExpExecArray): Parts {
  const parts: Parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  if (m[4] !== undefined) {
    parts.hour = Number(m[4])
    parts.minute = Number(m[5])
    parts.second = m[6] === undefined ? 0 : Number(m[6])
  }
  return parts
}

function parseCompact(text: string): Parts | null {
  const m = COMPACT_ISO.exec(text)
  if (!m) return null
  const parts = partsOf(m)
  if (m[4] !== undefined) parts.offset = m[7] ? numericOffset(m[7]) : null
  return validDay(parts) && validTime(parts) ? parts : null
}

// Written dates: find the day, then look for a time and a zone in what is left.
function parseWritten(text: string, options: DateOptions): Parts | null {
  const found = findDay(text, options)
  if (!found) return null
  const { parts, rest } = found
  if (!validDay(parts)) return null
  const time = findTime(rest)
  if (!time) return parts
  const withTime = { ...parts, ...time.parts }
  withTime.offset = zoneIn(time.rest, withTime)
  return validTime(withTime) ? withTime : parts
}

function findDay(text: string, options: DateOptions): { parts: Parts; rest: string } | null {
  const rest = (m: RegExpExecArray) => text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)
  let m = MONTH_DAY_YEAR.exec(text)
  if (m) return { parts: { year: Number(m[3]), month: monthNumber(m[1]), day: Number(m[2]) }, rest: rest(m) }
  m = DAY_MONTH_YEAR.exec(text)
  if (m) return { parts: { year: Number(m[3]), month: monthNumber(m[2]), day: Number(m[1]) }, rest: rest(m) }
  m = YEAR_MONTH_DAY_NAMED.exec(text)
  if (m) return { parts: { year: Number(m[1]), month: monthNumber(m[2]), day: Number(m[3]) }, rest: rest(m) }
  m = YEAR_SLASH.exec(text)
  if (m) return { parts: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, rest: rest(m) }
  // Dotted dates are European: day first.
  m = DOTTED.exec(text)
  if (m) return { parts: { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) }, rest: rest(m) }
  m = SLASHED.exec(text)
  if (m) return { parts: slashedParts(m, options.dayFirst ?? false), rest: rest(m) }
  return null
}

// Slashed dates are read as the page writes them (month first unless told otherwise), except
// where one reading is impossible: "25/12/2013" is day first anywhere.
function slashedParts(m: RegExpExecArray, dayFirst: boolean): Parts {
  const a = Number(m[1])
  const b = Number(m[2])
  const rawYear = m[3] ?? ''
  const year = rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear)
  const readDayFirst = a > 12 || (dayFirst && b <= 12)
  return readDayFirst ? { year, month: b, day: a } : { year, month: a, day: b }
}

function findTime(text: string): { parts: Pick<Parts, 'hour' | 'minute' | 'second'>; rest: string } | null {
  const m = TIME.exec(text)
  if (!m) return null
  const rest = text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)
  if (m[7] !== undefined) return { parts: { hour: to24(Number(m[7]), m[8]), minute: 0, second: 0 }, rest }
  const meridiem = m[5] && m[6] ? m[5] : undefined
  return { parts: { hour: to24(Number(m[1]), meridiem), minute: Number(m[2] ?? m[3]), second: m[4] ? Number(m[4]) : 0 }, rest }
}

function to24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour
  const pm = meridiem.toLowerCase() === 'p'
  if (hour === 12) return pm ? 12 : 0
  return pm ? hour + 12 : hour
}

function zoneIn(text: string, parts: Parts): number | null {
  const numeric = NUMERIC_ZONE.exec(text)
  if (numeric) {
    const [sign, hours, minutes] = numeric[1] ? [numeric[1], numeric[2], numeric[3]] : [numeric[4], numeric[5], numeric[6]]
    return numericOffset(`${sign}${(hours ?? '').padStart(2, '0')}${minutes ?? '00'}`)
  }
  for (const m of text.matchAll(ZONE_WORD)) {
    const word = m[1] ?? ''
    const fixed = ZONES[word]
    if (fixed !== undefined) return fixed
    const generic = US_GENERIC_ZONES[word]
    if (generic !== undefined) return generic + (inUsDaylightTime(parts) ? 60 : 0)
  }
  return null
}

function numericOffset(zone: string): number | null {
  if (/^z$/i.test(zone)) return 0
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  if (!m) return null
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
  if (minutes > 14 * 60) return null
  return m[1] === '-' ? -minutes : minutes
}

// US daylight saving time since 2007: second Sunday of March to first Sunday of November.
function inUsDaylightTime({ year, month, day }: Parts): boolean {
  if (month < 3 || month > 11) return false
  if (month > 3 && month < 11) return true
  const firstSunday = (m: number) => 1 + ((7 - new Date(Date.UTC(year, m - 1, 1)).getUTCDay()) % 7)
  return month === 3 ? day >= firstSunday(3) + 7 : day < firstSunday(11)
}

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase().replace('.', '')] ?? 0
}

function validDay({ year, month, day }: Parts): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function validTime({ hour, minute, second }: Parts): boolean {
  if (hour === undefined) return true
  return hour >= 0 && hour <= 23 && (minute ?? 0) >= 0 && (minute ?? 0) <= 59 && (second ?? 0) >= 0 && (second ?? 0) <= 60
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function format(parts: Parts): ParsedDate {
  const day = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`
  if (parts.hour === undefined) return { iso: day, hasTime: false, hasZone: false }
  const time = `${day}T${pad(parts.hour)}:${pad(parts.minute ?? 0)}:${pad(parts.second ?? 0)}`
  if (parts.offset === undefined || parts.offset === null) return { iso: time, hasTime: true, hasZone: false }
  return { iso: time + formatOffset(parts.offset), hasTime: true, hasZone: true }
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}
