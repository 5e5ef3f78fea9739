// The publication date of an HTML page: the first plausible date among its sources, most
// trustworthy first. Modification dates are never taken for publication dates.
import type { CheerioAPI } from 'cheerio'
import { isTag, isText, type AnyNode, type Element } from 'domhandler'
import { dateFromUrl, parsePublicationDate, toPublishedIso, type DateOptions, type ParsedDate } from '../dates'
import { normalizeParagraph } from '../../../text/normalize'
import type { DateSource, PublishedDate } from '../../types'
import type { JsonLdData } from './json-ld'
import {
  attrIncludes,
  closest,
  descendants,
  documentOrder,
  elementsNamed,
  elementsWhere,
  hasItemprop,
  inOtherItem,
  isOutsideStory,
  parentElement,
} from './elements'
import { metaAll } from './meta'
import { isAuthorLink } from './page-bylines'
import { inRepeatedItems, isAncestorOf, storyHeadline } from './repeated-items'

const META_DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'og:published_time',
  'published_time',
  'datePublished',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date.created',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'article.published',
  'article_date_original',
  'originalpublicationdate',
  'cxenseparse:recs:publishtime',
  'published_on',
  'published-on',
  'publish_on',
  'publish-on',
  'published_date',
  'published-date',
  'date_published',
  'date-published',
  'publication-date',
]
// Tags that do not say which date they carry: often the last change or the day the page was built.
const WEAK_META_DATE_KEYS = ['dc.date', 'dcterms.date', 'date', 'sort_date']

// Classes and ids that mark an update, not a publication.
const MODIFIED = /modif|updat|edited|revis/i
const PUBLISHED_HINT = /publish|posted|pub-?date|entry-date|post-date|article-date|created|dateline|byline|meta|date|time/i

type Candidate = { text: string | null | undefined; source: DateSource; confidence: number }

// `dayFirst`: how the page writes numeric dates (dates.ts dayFirstFor).
export type DateContext = { url: string | null; dayFirst?: boolean; now?: Date }

export function publishedDate($: CheerioAPI, jsonLd: JsonLdData, { url, dayFirst = false, now = new Date() }: DateContext): PublishedDate | null {
  const options: DateOptions = { dayFirst }
  const parse = (text: string) => parsePublicationDate(text, now, options)
  const metaCandidates = (keys: string[], confidence: number): Candidate[] =>
    keys.flatMap((key) => metaAll($, key).map((text) => ({ text, source: 'meta' as const, confidence })))
  const times = timeElements($)
  const candidates: Candidate[] = [
    { text: jsonLd.article?.datePublished, source: 'jsonld', confidence: 0.95 },
    ...metaCandidates(META_DATE_KEYS, 0.85),
    ...microdata($),
    { text: jsonLd.article?.dateCreated, source: 'jsonld', confidence: 0.8 },
    { text: jsonLd.page?.datePublished, source: 'jsonld', confidence: 0.75 },
    ...times,
    ...metaCandidates(WEAK_META_DATE_KEYS, 0.6),
  ]
  // Read lazily and once: most pages need none of it. The author's box is a fallback only, not
  // evidence against structured data.
  const nearHeadline = replayable(visibleTexts($))
  const texts = replayable(concat(nearHeadline, textsNearByline($)))
  for (const candidate of candidates) {
    const parsed = candidate.text ? parse(candidate.text) : null
    if (!parsed) continue
    const confirmed = candidate.source === 'time' || times.some((time) => sameDay(parsed, time.text ? parse(time.text) : null))
    const printed = confirmed ? null : printedEarlier(parsed, nearHeadline, now, options)
    return printed ? published(printed, 'time', 0.5) : published(parsed, candidate.source, candidate.confidence)
  }
  // The page's printed date is not marked up: read it from the text around the headline.
  const visible = visibleDate(texts, now, options, false)
  if (visible) return published(visible, 'time', 0.5)
  const fromUrl = url ? dateFromUrl(url, now) : null
  if (fromUrl) return published(fromUrl, 'url', 0.6)
  // Last resort: a page that shows only when it was updated was published on or before that day.
  const updated = visibleDate(texts, now, options, true)
  if (updated) return published(updated, 'time', 0.3)
  for (const text of [...metaAll($, 'article:modified_time'), ...metaAll($, 'og:updated_time'), jsonLd.article?.dateModified]) {
    const parsed = text ? parse(text) : null
    if (parsed) return published(parsed, 'meta', 0.25)
  }
  return null
}

// A story is not published after the day it prints by its headline. Structured data that
// claims a later day records a re-save (a migration, a CMS sync), so the printed day wins.
// "Later" allows for time zones: an instant falls on its UTC day or the one before somewhere
// (down to UTC-12), and a date without a zone may be a day off either way. Only a date line
// ("On 8 Oct 2022 in News") counts against structured data, not a sentence that names a day.
function printedEarlier(structured: ParsedDate, texts: Iterable<string>, now: Date, options: DateOptions): ParsedDate | null {
  const printed = visibleDate(dateLines(texts), now, options, false)
  return printed && printed.iso.slice(0, 10) < earliestLocalDay(structured) ? printed : null
}

// The story's own <time> agrees with the structured date: what else is printed nearby (a
// teaser's date, where the story prints "8h") says nothing against it. A day either way allows
// for time zones.
function sameDay(a: ParsedDate, b: ParsedDate | null): boolean {
  return b !== null && Math.abs(Date.parse(a.iso.slice(0, 10)) - Date.parse(b.iso.slice(0, 10))) <= 86_400_000
}

function* dateLines(texts: Iterable<string>): Generator<string> {
  // Folding white space only shortens a text: a short one needs no folding to be measured.
  for (const text of texts) if (text.length <= 40 || text.replace(/\s+/g, ' ').length <= 40) yield text
}

function earliestLocalDay(date: ParsedDate): string {
  const hours = date.hasTime && date.hasZone ? 12 : 24
  const from = date.hasTime && date.hasZone ? Date.parse(date.iso) : Date.parse(date.iso.slice(0, 10))
  return new Date(from - hours * 3_600_000).toISOString().slice(0, 10)
}

function published(date: ParsedDate, source: DateSource, confidence: number): PublishedDate {
  return { iso: toPublishedIso(date), source, confidence }
}

// Was '[itemprop="datePublished"], [itemprop="dateCreated"]'. Not a comment's, a review's or
// another story's: the item the property belongs to must be the page's own.
function isDateItem(el: Element): boolean {
  return hasItemprop(el, 'datePublished') || hasItemprop(el, 'dateCreated')
}

function microdata($: CheerioAPI): Candidate[] {
  const found: Candidate[] = []
  for (const el of elementsWhere($, isDateItem)) {
    if (inOtherItem(el) || isOutsideStory(el) || isInfoboxValue(el) || inRepeatedItems($, el)) continue
    found.push({ text: el.attribs.content ?? el.attribs.datetime ?? $(el).text(), source: 'meta' as const, confidence: 0.8 })
  }
  return found
}

// <time datetime> elements that are not about an update, a comment or another story.
function timeElements($: CheerioAPI): Candidate[] {
  const found: Candidate[] = []
  for (const el of elementsNamed($, 'time')) {
    if (isOutsideStory(el) || isInfoboxValue(el) || inRepeatedItems($, el)) continue
    const parent = parentElement(el)
    if (MODIFIED.test(`${el.attribs.class ?? ''} ${parent?.attribs.class ?? ''} ${el.attribs.itemprop ?? ''}`)) continue
    const label = labelBefore($, el)
    if (label === 'updated' || label === 'other') continue
    const pubdate = el.attribs.pubdate !== undefined || PUBLISHED_HINT.test(el.attribs.class ?? '') || label === 'published'
    const text = el.attribs.datetime || $(el).text()
    found.push({ text, source: 'time', confidence: pubdate ? 0.75 : 0.65 })
  }
  return found
}

// What the words just before an element call the date it holds: "Published", "Updated",
// "Founded"… The nearest label wins ("Updated 9 June · Published <time>" is the publication).
// The element's own opening words count too ("<span>Updated 9 June</span>").
type Label = 'published' | 'updated' | 'other' | null

function labelBefore($: CheerioAPI, el: Element): Label {
  let before = ''
  for (let node: Element | null = el, level = 0; node && level < 3 && before.trim().length < 3; node = parentElement(node), level++) {
    // The nearest 60 characters before the node, read backwards from it.
    let text = ''
    for (let sibling = node.prev; sibling && text.length < 60; sibling = sibling.prev)
      text = `${isTag(sibling) ? textOf(sibling) : isText(sibling) ? sibling.data : ''} ${text}`
    before = `${text.slice(-60)} ${before}`
  }
  return lastLabel(before) ?? labelOf($(el).text().slice(0, 30))
}

function lastLabel(text: string): Label {
  let label: Label = null
  for (const m of text.matchAll(DATE_LABEL)) label = labelKind(m[0])
  return label
}

function labelOf(text: string): Label {
  const m = /^\W*/.exec(text)
  const start = text.slice(m?.[0].length ?? 0)
  const label = DATE_LABEL_AT_START.exec(start)
  return label ? labelKind(label[0]) : null
}

const PUBLISHED_WORDS =
  '(?:first\\s+)?(?:published|posted|publication date|pub(?:lished)? date|created|dated|publi[ée]e?|publicado|pubblicato|ver[öo]ffentlicht|erschienen)'
const UPDATED_WORDS = '(?:last\\s+)?(?:updated|modified|edited|revised|reviewed|fact[ -]checked|mis à jour|actualizado|aggiornato|aktualisiert)'
// An infobox's dates, a profile's, an event's: not when the page was published.
const OTHER_WORDS = '(?:founded|born|established|incorporated|died|opened|launched|date of birth|expires|deadline|valid until|event date|starts|ends)'
const DATE_LABEL = new RegExp(`\\b(?:${PUBLISHED_WORDS}|${UPDATED_WORDS}|${OTHER_WORDS})\\b`, 'gi')
const DATE_LABEL_AT_START = new RegExp(`^(?:${PUBLISHED_WORDS}|${UPDATED_WORDS}|${OTHER_WORDS})\\b`, 'i')
const PUBLISHED_LABEL = new RegExp(`^${PUBLISHED_WORDS}$`, 'i')
const UPDATED_LABEL = new RegExp(`^${UPDATED_WORDS}$`, 'i')

function labelKind(word: string): Label {
  if (PUBLISHED_LABEL.test(word)) return 'published'
  if (UPDATED_LABEL.test(word)) return 'updated'
  return 'other'
}

// A value cell of a facts table or a description list, labelled as something other than the
// publication ("Founded | 3 March 1998").
function isInfoboxValue(el: Element): boolean {
  const cell = closest(el, (a) => a.name === 'td' || a.name === 'dd')
  if (!cell) return false
  let label = ''
  if (cell.name === 'dd') {
    for (let node = cell.prev; node; node = node.prev) {
      if (isTag(node) && node.name === 'dt') {
        label = textOf(node)
        break
      }
    }
  } else {
    const row = parentElement(cell)
    const header = row?.children.find((c): c is Element => isTag(c) && c.name === 'th')
    if (!header) return false
    label = textOf(header)
  }
  return !/date|published|posted|\bon\b/i.test(label)
}

function textOf(el: Element): string {
  const parts: string[] = []
  const stack: AnyNode[] = [el]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) break
    if (isText(node)) parts.push(node.data)
    else if (isTag(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode)
  }
  return parts.join(' ')
}

// Texts read lazily, once: the second pass over them (allowing updates) replays the first.
function replayable(iterable: Iterable<string>): Iterable<string> {
  const source = iterable[Symbol.iterator]()
  const seen: string[] = []
  let done = false
  return {
    *[Symbol.iterator]() {
      for (let i = 0; ; i++) {
        const known = seen[i]
        if (known !== undefined) {
          yield known
          continue
        }
        if (done) return
        const next = source.next()
        if (next.done) {
          done = true
          return
        }
        seen.push(next.value)
        yield next.value
      }
    },
  }
}

function* concat<T>(...sources: Iterable<T>[]): Generator<T> {
  for (const source of sources) yield* source
}

// A date printed near the headline ("Published June 6, 2013", "Posted on 06.06.2013"): the
// short text blocks of the headline's container, then elements whose class says "date".
function* visibleTexts($: CheerioAPI): Generator<string> {
  yield* textsNearHeadline($)
  yield* textsByClass($)
}

function visibleDate(texts: Iterable<string>, now: Date, options: DateOptions, allowUpdated: boolean): ParsedDate | null {
  for (const text of texts) {
    if (text.length < 6 || text.length > 120) continue
    const parsed = labelledDate(text, now, options, allowUpdated)
    if (parsed) return parsed
  }
  return null
}

// The date a line of text gives for the publication: "Updated June 9, 2023 | Published June 6,
// 2023" is June 6. Each label governs the text up to the next one; a date labelled as
// published comes first, then an unlabelled one, then (if allowed) an update. Infobox labels
// ("Founded") never give one.
function labelledDate(text: string, now: Date, options: DateOptions, allowUpdated: boolean): ParsedDate | null {
  const pieces: { label: Label; text: string }[] = []
  let label: Label = null
  let from = 0
  for (const m of text.matchAll(DATE_LABEL)) {
    pieces.push({ label, text: text.slice(from, m.index) })
    label = labelKind(m[0])
    from = (m.index ?? 0) + m[0].length
  }
  pieces.push({ label, text: text.slice(from) })
  const order: Label[] = allowUpdated ? ['published', null, 'updated'] : ['published', null]
  for (const wanted of order) {
    for (const piece of pieces) {
      if (piece.label !== wanted) continue
      const parsed = parsePublicationDate(piece.text, now, options)
      if (parsed) return parsed
    }
  }
  return null
}

const LEAF_BLOCKS = new Set(['p', 'span', 'div', 'time', 'li', 'small', 'h5', 'h6', 'strong', 'em', 'address'])
const isLeafBlock = (el: Element) => LEAF_BLOCKS.has(el.name)
// The story's date line follows its headline (or sits just above it, as a kicker); a date
// further up is more often the site's (today's date in a top bar): texts after the headline
// are read first.
function textsNearHeadline($: CheerioAPI): string[] {
  const headline = storyHeadline($)
  if (!headline) return []
  const at = documentOrder($, headline)
  // Climb until the container holds a few text blocks: the headline's header, not the whole page.
  let container = parentElement(headline)
  for (let depth = 0; depth < 4 && container; depth++) {
    const blocks = leafBlocks($, container)
    if (blocks.some(({ text }) => parsePublicationDate(text) !== null) || depth === 3) {
      const after = blocks.filter(({ el }) => documentOrder($, el) > at)
      const before = blocks.filter(({ el }) => documentOrder($, el) <= at)
      return [...after, ...before.reverse()].map(({ text }) => text)
    }
    container = parentElement(container)
  }
  return []
}

// The innermost text blocks: those with no block of the same kinds inside.
function leafTexts($: CheerioAPI, container: Element): string[] {
  return leafBlocks($, container).map(({ text }) => text)
}

function leafBlocks($: CheerioAPI, container: Element): { el: Element; text: string }[] {
  const blocks: { el: Element; text: string }[] = []
  for (const el of descendants(container, isLeafBlock)) {
    if (blocks.length >= 60) break
    if (el.children.some((child) => isTag(child) && isLeafBlock(child))) continue
    const text = leafBlockText($, el)
    if (text !== null) blocks.push({ el, text })
  }
  return blocks
}

// The headline's containers are read level by level, each holding the last: a block's text
// is read once per page. null: the block is not the story's.
const leafBlockTexts = new WeakMap<Element, string | null>()

function leafBlockText($: CheerioAPI, el: Element): string | null {
  let text = leafBlockTexts.get(el)
  if (text === undefined) {
    text = isOutsideStory(el) || isInfoboxValue(el) ? null : withOwnLabel($, el, normalizeParagraph($(el).text()))
    leafBlockTexts.set(el, text)
  }
  return text
}

// A date's label is often a block of its own or bare text beside it ("<span>Updated on</span>
// <span>Jan. 16, 2026</span>", "Updated <span>January 8, 2026</span>"): the date block alone
// would read as unlabelled, an update as the publication. Only short blocks with a digit can
// be a date line, and only they pay for the look back.
function withOwnLabel($: CheerioAPI, el: Element, text: string): string {
  if (text.length > 40 || !/\d/.test(text) || labelOf(text) !== null) return text
  const label = labelBefore($, el)
  return label ? `${LABEL_WORDS[label]} ${text}` : text
}

// A word that labelledDate reads as each kind of label.
const LABEL_WORDS = { published: 'Published', updated: 'Updated', other: 'Founded' } as const

// Was '[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i],
// [class*="byline" i], [class*="meta" i], [id*="date" i]'.
// (One regular expression without the u flag, which folds ASCII case only, as attrIncludes
// does: this runs over every element of the page.)
const DATE_CLASS = /date|time|publish|posted|byline|meta/i

function hasDateClass(el: Element): boolean {
  const value = el.attribs.class
  return (value !== undefined && DATE_CLASS.test(value)) || attrIncludes(el, 'id', 'date')
}

// A clock or today's date printed in the site's top bar is not the story's date.
const TODAY_WIDGET = /today|current-?date|clock|weather|top-?bar|ticker/i

function* textsByClass($: CheerioAPI): Generator<string> {
  let taken = 0
  const headline = storyHeadline($)
  // Above the headline, a date belongs to the story only within its header: further up it is
  // the site's (today's date in the masthead, a ticker).
  let header = headline
  for (let level = 0; header && level < 4; level++) header = parentElement(header)
  for (const el of elementsWhere($, hasDateClass)) {
    if (taken >= 100) return
    if (isOutsideStory(el) || MODIFIED.test(el.attribs.class ?? '')) continue
    if (TODAY_WIDGET.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`)) continue
    if (headline && header && documentOrder($, el) < documentOrder($, headline) && !isAncestorOf(header, el)) continue
    if (isInfoboxValue(el) || inRepeatedItems($, el)) continue
    taken++
    yield normalizeParagraph($(el).text())
    yield* leafTexts($, el)
  }
}

// Author boxes print the date beside the name, and some sit after the story, far from the
// headline: the small block around a link to the author. A block of many texts is the story.
const isBylineMark = (el: Element) => isAuthorLink(el) || el.attribs.rel?.toLowerCase() === 'author' || hasItemprop(el, 'author')

function* textsNearByline($: CheerioAPI): Generator<string> {
  for (const el of elementsWhere($, isBylineMark).slice(0, 10)) {
    if (isOutsideStory(el)) continue
    const box = parentElement(el)
    const around = box && parentElement(box)
    if (!around) continue
    const texts = leafTexts($, around)
    if (texts.length <= 12) yield* texts
  }
}
