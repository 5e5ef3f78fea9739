// The publication date of an HTML page: the first plausible date among its sources, most
// trustworthy first. Modification dates are never taken for publication dates.
import type { CheerioAPI } from 'cheerio'
import { dateFromUrl, parsePublicationDate, toPublishedIso, type ParsedDate } from '../dates'
import { normalizeParagraph } from '../normalize'
import type { DateSource, PublishedDate } from '../types'
import type { JsonLdData } from './json-ld'
import { isOutsideStory, metaAll, select } from './meta'

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
  for (const candidate of candidates) {
    const parsed = candidate.text ? parsePublicationDate(candidate.text, now) : null
    if (parsed) return published(parsed, candidate.source, candidate.confidence)
  }
  // The page's printed date is not marked up: read it from the text around the headline.
  const visible = visibleDate($, now, false)
  if (visible) return published(visible, 'time', 0.5)
  const fromUrl = url ? dateFromUrl(url, now) : null
  if (fromUrl) return published(fromUrl, 'url', 0.6)
  // Last resort: a page that shows only when it was updated was published on or before that day.
  const updated = visibleDate($, now, true)
  if (updated) return published(updated, 'time', 0.3)
  for (const text of [...metaAll($, 'article:modified_time'), ...metaAll($, 'og:updated_time'), jsonLd.article?.dateModified]) {
    const parsed = text ? parsePublicationDate(text, now) : null
    if (parsed) return published(parsed, 'meta', 0.25)
  }
  return null
}

function published(date: ParsedDate, source: DateSource, confidence: number): PublishedDate {
  return { iso: toPublishedIso(date), source, confidence }
}

function microdata($: CheerioAPI): Candidate[] {
  return select($, '[itemprop="datePublished"], [itemprop="dateCreated"]')
    .map((_, el) => {
      const node = $(el)
      const text = node.attr('content') ?? node.attr('datetime') ?? node.text()
      return { text, source: 'meta' as const, confidence: 0.8 }
    })
    .get()
}

// <time datetime> elements that are not about an update, a comment or another story.
function timeElements($: CheerioAPI): Candidate[] {
  const found: Candidate[] = []
  select($, 'time').each((_, el) => {
    const node = $(el)
    if (isOutsideStory(node)) return
    if (MODIFIED.test(`${node.attr('class') ?? ''} ${node.parent().attr('class') ?? ''} ${node.attr('itemprop') ?? ''}`)) return
    if (MODIFIED.test(normalizeParagraph(node.parent().text()).slice(0, 30))) return
    const pubdate = node.is('[pubdate]') || PUBLISHED_HINT.test(node.attr('class') ?? '')
    const text = node.attr('datetime') || node.text()
    found.push({ text, source: 'time', confidence: pubdate ? 0.75 : 0.65 })
  })
  return found
}

// A date printed near the headline ("Published June 6, 2013", "Posted on 06.06.2013"): the
// short text blocks of the headline's container, then elements whose class says "date".
function visibleDate($: CheerioAPI, now: Date, allowUpdated: boolean): ParsedDate | null {
  const texts = [...textsNearHeadline($), ...textsByClass($)]
  for (const text of texts) {
    if (text.length < 6 || text.length > 120) continue
    if (!allowUpdated && UPDATED_TEXT.test(text)) continue
    const parsed = parsePublicationDate(text, now)
    if (parsed) return parsed
  }
  return null
}

const UPDATED_TEXT = /^\s*(?:last\s+)?(?:updated|modified|reviewed|edited)/i
const LEAF_BLOCKS = 'p, span, div, time, li, small, h5, h6, strong, em, address'

function textsNearHeadline($: CheerioAPI): string[] {
  const inStory = select($, 'article h1, main h1').first()
  const headline = inStory.length > 0 ? inStory : select($, 'h1').first()
  if (headline.length === 0) return []
  // Climb until the container holds a few text blocks: the headline's header, not the whole page.
  let container = headline.parent()
  for (let depth = 0; depth < 4 && container.length > 0; depth++) {
    const texts = leafTexts($, container)
    if (texts.some((text) => parsePublicationDate(text) !== null) || depth === 3) return texts
    container = container.parent()
  }
  return []
}

function leafTexts($: CheerioAPI, container: ReturnType<CheerioAPI>): string[] {
  return container
    .find(LEAF_BLOCKS)
    .filter((_, el) => $(el).children(LEAF_BLOCKS).length === 0 && !isOutsideStory($(el)))
    .slice(0, 60)
    .map((_, el) => normalizeParagraph($(el).text()))
    .get()
}

function textsByClass($: CheerioAPI): string[] {
  const selector = '[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [class*="byline" i], [class*="meta" i], [id*="date" i]'
  return select($, selector)
    .filter((_, el) => !isOutsideStory($(el)) && !MODIFIED.test($(el).attr('class') ?? ''))
    .slice(0, 100)
    .get()
    .flatMap((el) => [normalizeParagraph($(el).text()), ...leafTexts($, $(el))])
}
