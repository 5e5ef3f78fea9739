// The publication date of an HTML page: the first plausible date among its sources, most
// trustworthy first. Modification dates are never taken for publication dates.
import type { CheerioAPI } from 'cheerio'
import { isTag, type Element } from 'domhandler'
import { dateFromUrl, parsePublicationDate, toPublishedIso, type ParsedDate } from '../dates'
import { normalizeParagraph } from '../normalize'
import type { DateSource, PublishedDate } from '../types'
import type { JsonLdData } from './json-ld'
import { attrIncludes, descendants, elementsNamed, elementsWhere, hasAncestor, isOutsideStory, parentElement } from './elements'
import { metaAll } from './meta'
import { isAuthorLink } from './page-bylines'

const META_DATE_KEYS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time',
  'datePublished', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued',
  'dcterms.created', 'dc.date.created', 'citation_publication_date', 'citation_date', 'citation_online_date',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'article.published',
  'article_date_original', 'originalpublicationdate', 'cxenseparse:recs:publishtime',
]
// Tags that do not say which date they carry: often the last change or the day the page was built.
const WEAK_META_DATE_KEYS = ['dc.date', 'dcterms.date', 'date', 'sort_date']

// Classes and ids that mark an update, not a publication.
const MODIFIED = /modif|updat|edited|revis/i
const PUBLISHED_HINT = /publish|posted|pub-?date|entry-date|post-date|article-date|created|dateline|byline|meta|date|time/i

type Candidate = { text: string | null | undefined; source: DateSource; confidence: number }

export function publishedDate($: CheerioAPI, jsonLd: JsonLdData, url: string | null, now: Date = new Date()): PublishedDate | null {
  const metaCandidates = (keys: string[], confidence: number): Candidate[] =>
    keys.flatMap((key) => metaAll($, key).map((text) => ({ text, source: 'meta' as const, confidence })))
  const candidates: Candidate[] = [
    { text: jsonLd.article?.datePublished, source: 'jsonld', confidence: 0.95 },
    ...metaCandidates(META_DATE_KEYS, 0.85),
    ...microdata($),
    { text: jsonLd.article?.dateCreated, source: 'jsonld', confidence: 0.8 },
    { text: jsonLd.page?.datePublished, source: 'jsonld', confidence: 0.75 },
    ...timeElements($),
    ...metaCandidates(WEAK_META_DATE_KEYS, 0.6),
  ]
  // Read lazily and once: most pages need none of it. The author's box is a fallback only, not
  // evidence against structured data.
  const nearHeadline = replayable(visibleTexts($))
  const texts = replayable(concat(nearHeadline, textsNearByline($)))
  for (const candidate of candidates) {
    const parsed = candidate.text ? parsePublicationDate(candidate.text, now) : null
    if (!parsed) continue
    const printed = candidate.source === 'time' ? null : printedEarlier(parsed, nearHeadline, now)
    return printed ? published(printed, 'time', 0.5) : published(parsed, candidate.source, candidate.confidence)
  }
  // The page's printed date is not marked up: read it from the text around the headline.
  const visible = visibleDate(texts, now, false)
  if (visible) return published(visible, 'time', 0.5)
  const fromUrl = url ? dateFromUrl(url, now) : null
  if (fromUrl) return published(fromUrl, 'url', 0.6)
  // Last resort: a page that shows only when it was updated was published on or before that day.
  const updated = visibleDate(texts, now, true)
  if (updated) return published(updated, 'time', 0.3)
  for (const text of [...metaAll($, 'article:modified_time'), ...metaAll($, 'og:updated_time'), jsonLd.article?.dateModified]) {
    const parsed = text ? parsePublicationDate(text, now) : null
    if (parsed) return published(parsed, 'meta', 0.25)
  }
  return null
}

// A story is not published after the day it prints by its headline. Structured data that
// claims a later day records a re-save (a migration, a CMS sync), so the printed day wins.
// "Later" allows for time zones: an instant falls on its UTC day or the one before somewhere
// (down to UTC-12), and a date without a zone may be a day off either way. Only a date line
// ("On 8 Oct 2022 in News") counts against structured data, not a sentence that names a day.
function printedEarlier(structured: ParsedDate, texts: Iterable<string>, now: Date): ParsedDate | null {
  const printed = visibleDate(dateLines(texts), now, false)
  return printed && printed.iso.slice(0, 10) < earliestLocalDay(structured) ? printed : null
}

function* dateLines(texts: Iterable<string>): Generator<string> {
  for (const text of texts) if (text.replace(/\s+/g, ' ').length <= 40) yield text
}

function earliestLocalDay(date: ParsedDate): string {
  const hours = date.hasTime && date.hasZone ? 12 : 24
  const from = date.hasTime && date.hasZone ? Date.parse(date.iso) : Date.parse(date.iso.slice(0, 10))
  return new Date(from - hours * 3_600_000).toISOString().slice(0, 10)
}

function published(date: ParsedDate, source: DateSource, confidence: number): PublishedDate {
  return { iso: toPublishedIso(date), source, confidence }
}

// Was '[itemprop="datePublished"], [itemprop="dateCreated"]'.
function isDateItem(el: Element): boolean {
  return el.attribs.itemprop === 'datePublished' || el.attribs.itemprop === 'dateCreated'
}

function microdata($: CheerioAPI): Candidate[] {
  return elementsWhere($, isDateItem).map((el) => {
    const text = el.attribs.content ?? el.attribs.datetime ?? $(el).text()
    return { text, source: 'meta' as const, confidence: 0.8 }
  })
}

// <time datetime> elements that are not about an update, a comment or another story.
function timeElements($: CheerioAPI): Candidate[] {
  const found: Candidate[] = []
  for (const el of elementsNamed($, 'time')) {
    if (isOutsideStory(el)) continue
    const parent = parentElement(el)
    if (MODIFIED.test(`${el.attribs.class ?? ''} ${parent?.attribs.class ?? ''} ${el.attribs.itemprop ?? ''}`)) continue
    if (MODIFIED.test(normalizeParagraph(parent ? $(parent).text() : '').slice(0, 30))) continue
    const pubdate = el.attribs.pubdate !== undefined || PUBLISHED_HINT.test(el.attribs.class ?? '')
    const text = el.attribs.datetime || $(el).text()
    found.push({ text, source: 'time', confidence: pubdate ? 0.75 : 0.65 })
  }
  return found
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

function visibleDate(texts: Iterable<string>, now: Date, allowUpdated: boolean): ParsedDate | null {
  for (const text of texts) {
    if (text.length < 6 || text.length > 120) continue
    if (!allowUpdated && UPDATED_TEXT.test(text)) continue
    const parsed = parsePublicationDate(text, now)
    if (parsed) return parsed
  }
  return null
}

const UPDATED_TEXT = /^\s*(?:last\s+)?(?:updated|modified|reviewed|edited)/i
const LEAF_BLOCKS = new Set(['p', 'span', 'div', 'time', 'li', 'small', 'h5', 'h6', 'strong', 'em', 'address'])
const isLeafBlock = (el: Element) => LEAF_BLOCKS.has(el.name)
const isStoryH1 = (el: Element) => el.name === 'h1' && hasAncestor(el, (a) => a.name === 'article' || a.name === 'main')

function textsNearHeadline($: CheerioAPI): string[] {
  const headline = elementsWhere($, isStoryH1)[0] ?? elementsNamed($, 'h1')[0]
  if (!headline) return []
  // Climb until the container holds a few text blocks: the headline's header, not the whole page.
  let container = parentElement(headline)
  for (let depth = 0; depth < 4 && container; depth++) {
    const texts = leafTexts($, container)
    if (texts.some((text) => parsePublicationDate(text) !== null) || depth === 3) return texts
    container = parentElement(container)
  }
  return []
}

// The innermost text blocks: those with no block of the same kinds inside.
function leafTexts($: CheerioAPI, container: Element): string[] {
  const texts: string[] = []
  for (const el of descendants(container, isLeafBlock)) {
    if (texts.length >= 60) break
    if (el.children.some((child) => isTag(child) && isLeafBlock(child))) continue
    if (isOutsideStory(el)) continue
    texts.push(normalizeParagraph($(el).text()))
  }
  return texts
}

// Was '[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i],
// [class*="byline" i], [class*="meta" i], [id*="date" i]'.
function hasDateClass(el: Element): boolean {
  return ['date', 'time', 'publish', 'posted', 'byline', 'meta'].some((needle) => attrIncludes(el, 'class', needle)) || attrIncludes(el, 'id', 'date')
}

function* textsByClass($: CheerioAPI): Generator<string> {
  let taken = 0
  for (const el of elementsWhere($, hasDateClass)) {
    if (taken >= 100) return
    if (isOutsideStory(el) || MODIFIED.test(el.attribs.class ?? '')) continue
    taken++
    yield normalizeParagraph($(el).text())
    yield* leafTexts($, el)
  }
}

// Author boxes print the date beside the name, and some sit after the story, far from the
// headline: the small block around a link to the author. A block of many texts is the story.
const isBylineMark = (el: Element) => isAuthorLink(el) || el.attribs.rel?.toLowerCase() === 'author' || el.attribs.itemprop === 'author'

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
