// What one line of copied page text is: article prose, a headline, a byline, a date line, a
// photo caption, page chrome, or a marker that the article is over. The patterns are general
// conventions of news pages (wire credits, comment threads, photo credits), not rules for sites.
import { parseDate } from '../dates'
import { parseDatelineHeader } from '../dateline'

export type LineKind = 'prose' | 'headline' | 'standfirst' | 'byline' | 'dateline-header' | 'date' | 'caption' | 'chrome' | 'end-marker' | 'short'

export type Line = {
  text: string
  kind: LineKind
  words: number
  // Contribution to the body segment: prose earns its words, everything else costs.
  score: number
  // The body cannot run across this line.
  boundary: boolean
}

// Lines after which a page's article is over: wire credits, comment threads, site furniture.
const END_MARKERS = [
  /^\((?:Reporting|Writing|Additional reporting|Editing|Compiled|Reported) by\b.*\)$/i,
  /^Comments?\s*(?:\(\d+\))?:?$/i,
  /^\d+\s+Comments?$/i,
  /^[\w .'’-]{1,40} wrote:$/,
  /^We welcome comments\b/i,
  /^Report (?:as )?abuse\b/i,
  /^This discussion is (?:now )?closed\b/i,
  /^(?:Leave|Post|Add|Write) a (?:comment|reply)\b/i,
  /^Got a (?:news )?tip\b/i,
  /^(?:Most (?:Read|Popular|Viewed|Shared)|Trending)(?: (?:Articles|Stories|News|Now))?$/i,
  /^(?:Related|More) (?:Articles|Stories|Coverage|News|Posts|Content|from\b.*)$/i,
  /^(?:Read|See) (?:more|next|also)\b.{0,40}$/i,
  /^(?:Log ?in|Sign ?in|Sign up|Register|Subscribe)(?: (?:to|for)\b.*)?$/i,
  /^(?:Copyright|©)\s/i,
  /^All rights reserved\b/i,
]

const BYLINE = [/^By\s+\S/i, /^\(?(?:Reporting|Writing|Additional reporting|Written|Compiled) by\b/i, /^By$/i]

const CAPTION = [
  /^(?:Credit|Photo|Photograph|Image|Picture|Source|Caption)s?\s*:/i,
  /\b(?:REUTERS|Reuters|AP Photo|AFP|Getty Images|EPA|Bloomberg)\s*\/\s*\S+/,
  /\bPhoto(?:graph)?:?\s*(?:by\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*\s*\/\s*\S+$/,
]

const CHROME_WORDS =
  /^(?:Photo|Photos|Video|Slideshow|Gallery|Advertisement|Sponsored(?: Links| Content)?|Related Topics|Topics|Tags|Share(?: this(?: article)?)?|Tweet|Email|Print|Menu|Home|Search|Close|Next|Previous|In Partnership With|Username.*|Password.*|Forgot your password\?)$/i

const TERMINAL = /[.!?…]["”’')\]]*$/

// Navigation trails: "Home | World | Business", "News > Technology > Privacy".
const BREADCRUMB = /^[^|>›»]+(?:\s[|>›»]\s[^|>›»]+){2,}$/

// A byline without "By": one or more names of two or three capitalised words, joined by
// commas, "and" or "&" ("Alex Reporter and Sam Writer").
const NAME = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}`
const NAME_LIST = new RegExp(String.raw`^${NAME}(?:\s*(?:,|\band\b|&)\s*${NAME})*$`, 'u')

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

// Photo captions are often printed twice (the image's caption and its alt text), one a prefix of the other.
function nearDuplicate(a: string, b: string | null): boolean {
  if (!b || wordCount(a) < 8) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long.startsWith(short.replace(/[.\s]+$/, ''))
}

function make(text: string, kind: LineKind, words: number, score: number, boundary: boolean): Line {
  return { text, kind, words, score, boundary }
}

export function classifyLine(text: string, previous: string | null, next: string | null): Line {
  const words = wordCount(text)
  if (END_MARKERS.some((re) => re.test(text))) {
    // A wire credit both ends the article and names its reporter.
    return make(text, /^\(.*\bby\b/i.test(text) ? 'byline' : 'end-marker', words, 0, true)
  }
  if (words <= 12 && BYLINE.some((re) => re.test(text))) return make(text, 'byline', words, 0, true)
  if (CAPTION.some((re) => re.test(text)) || nearDuplicate(text, previous) || nearDuplicate(text, next)) {
    return make(text, 'caption', words, 0, true)
  }
  const header = words <= 14 ? parseDatelineHeader(text) : null
  if (header && parseDate(header.dateText)) return make(text, 'dateline-header', words, 0, true)
  if (words <= 8 && parseDate(text)) return make(text, 'date', words, 0, true)
  if (CHROME_WORDS.test(text) || BREADCRUMB.test(text)) return make(text, 'chrome', words, -10, false)
  if (words <= 8 && NAME_LIST.test(text) && /,|\band\b|&/.test(text)) return make(text, 'byline', words, 0, true)

  const terminal = TERMINAL.test(text)
  if (words >= 10 && (terminal || words >= 25)) return make(text, 'prose', words, words, false)
  if (terminal && words >= 2 && words < 10 && !text.endsWith('?')) return make(text, 'standfirst', words, -3, false)
  if (words >= 3 && words <= 25 && !terminal && /^[\p{Lu}\p{N}"“‘']/u.test(text)) return make(text, 'headline', words, -5, false)
  return make(text, 'short', words, -8, false)
}

// The end-marker kinds, for the extractor: a byline line from a wire credit also ends the article.
export function endsArticle(line: Line): boolean {
  return line.kind === 'end-marker' || (line.kind === 'byline' && line.text.startsWith('('))
}
