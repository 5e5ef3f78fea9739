// The headline. Meta titles are written for search results and share cards, so they often
// carry the site's name ("… | Reuters", "Reuters - …"); the visible <h1> usually does not,
// but pages also use <h1> for logos and section names. A headline both sources agree on wins.
import type { CheerioAPI } from 'cheerio'
import { isTag, isText, type AnyNode, type Element } from 'domhandler'
import { repairMojibake } from '../mojibake'
import { normalizeParagraph } from '../../../text/normalize'
import { attrIncludes, closest, descendants, elementsNamed, elementsWhere, hasAncestor, hasItemprop, parentElement, type Match } from './elements'
import type { JsonLdData } from './json-ld'
import { fold, meta } from './meta'

// A visible headline, and whether the page marks it up as the story's title.
export type Headline = { text: string; titled: boolean }

type TitleSources = { jsonLd: JsonLdData; siteNames: string[]; headlines: Headline[] }

const SEPARATOR = /\s+[|\-–—:·•»/~]\s+|\s*[|·•»]\s*|\s+::\s+/

// Logos and site names are often marked up as <h1> in the masthead.
// Was '[role="banner"], [class*="logo" i], [id*="logo" i], [class*="site-title" i], [class*="brand" i], nav, footer, aside'.
function isMasthead(el: Element): boolean {
  // <body> and <html> classes describe the layout ("mobile-logo-pos-left"), not a region.
  if (el.name === 'body' || el.name === 'html') return false
  return (
    el.attribs.role === 'banner' ||
    attrIncludes(el, 'class', 'logo') ||
    attrIncludes(el, 'id', 'logo') ||
    attrIncludes(el, 'class', 'site-title') ||
    attrIncludes(el, 'class', 'brand') ||
    el.name === 'nav' ||
    el.name === 'footer' ||
    el.name === 'aside'
  )
}

const isArticleOrMain: Match = (el) => el.name === 'article' || el.name === 'main'
const isHeader: Match = (el) => el.name === 'header'
const isNav: Match = (el) => el.name === 'nav'

// Most explicit first. Was 'article h1, main h1, [role="main"] h1', 'h1', '[itemprop="headline"]',
// '[class*="entry-title" i], [class*="post-title" i], [class*="article-title" i], [class*="headline" i]'.
const HEADLINE_SOURCES: (($: CheerioAPI) => readonly Element[])[] = [
  // From the page's <h1>s (in document order, as elementsWhere gives): not a test of every element.
  ($) => elementsNamed($, 'h1').filter(isStoryH1),
  ($) => elementsNamed($, 'h1'),
  ($) => elementsWhere($, isHeadlineItem),
  ($) => elementsWhere($, hasHeadlineClass),
]

function isStoryH1(el: Element): boolean {
  return el.name === 'h1' && hasAncestor(el, (a) => a.name === 'article' || a.name === 'main' || a.attribs.role === 'main')
}

function isHeadlineItem(el: Element): boolean {
  return hasItemprop(el, 'headline')
}

// Was [class*="entry-title" i], [class*="post-title" i], [class*="article-title" i],
// [class*="headline" i]. A regular expression without the u flag folds ASCII case only, as
// attrIncludes does; this runs over every element of the page.
const HEADLINE_CLASS = /entry-title|post-title|article-title|headline/i

function hasHeadlineClass(el: Element): boolean {
  const value = el.attribs.class
  return value !== undefined && HEADLINE_CLASS.test(value)
}

// A header with navigation in it is the site's masthead, unless it sits in the story.
function inMasthead(el: Element): boolean {
  if (closest(el, isMasthead)) return true
  const header = closest(el, isHeader)
  return header !== null && closest(el, isArticleOrMain) === null && descendants(header, isNav).length > 0
}

export function headlineCandidates($: CheerioAPI): Headline[] {
  const found: Headline[] = []
  for (const source of HEADLINE_SOURCES) {
    for (const el of source($).slice(0, 5)) {
      if (inMasthead(el)) continue
      const text = withoutLabel(headlineText(el))
      if (text.length < 3 || text.length > 300) continue
      const seen = found.find((headline) => headline.text === text)
      if (seen) seen.titled ||= isTitled(el)
      else found.push({ text, titled: isTitled(el) })
    }
  }
  return found
}

// Templates mark the story's own headline: itemprop="headline", a class or id that says title
// or headline ("entry-title", "article__headline"), or a header around it (<header>,
// "post-header"), within a few levels. An <h1> with none of these may be a banner's slogan or
// a heading typed into the body, and is weaker evidence against the page's meta titles.
function isTitled(el: Element): boolean {
  let node: Element | null = el
  for (let level = 0; node && level <= TITLE_MARK_LEVELS; level++) {
    // <body> and <html> classes describe the layout, not a region.
    if (node.name === 'body' || node.name === 'html') return false
    if (hasTitleMark(node)) return true
    node = parentElement(node)
  }
  return false
}

const TITLE_MARK_LEVELS = 6
const TITLE_MARKS = ['title', 'headline', 'header']

function hasTitleMark(el: Element): boolean {
  if (el.name === 'header' || hasItemprop(el, 'headline')) return true
  return TITLE_MARKS.some((mark) => attrIncludes(el, 'class', mark) || attrIncludes(el, 'id', mark))
}

// Link aggregators set widgets inside the headline element: a comment count ("87") and the
// source's domain ("(latimes.com)") are not words of the headline. A <br> breaks a line, not a word.
function headlineText(el: Element): string {
  const pieces: string[] = []
  const stack: AnyNode[] = [el]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) break
    if (isText(node)) pieces.push(node.data)
    if (!isTag(node) || NOT_HEADLINE_TAGS.has(node.name) || (node !== el && attrIncludes(node, 'class', 'comment'))) continue
    if (node.name === 'br') pieces.push(' ')
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]
      if (child) stack.push(child)
    }
  }
  return normalizeParagraph(repairMojibake(pieces.join('')).replace(/\s+/g, ' '))
    .replace(SOURCE_DOMAIN, '')
    .replace(PERMALINK, '')
}

// Documentation generators end each heading with a link to itself, shown as a pilcrow or a
// section sign ("Shared Mutable History¶"); it is not a word of the heading.
const PERMALINK = /\s*[¶§🔗]+$/u

const NOT_HEADLINE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'button'])
const SOURCE_DOMAIN = /\s*\((?:[\w-]+\.)+[a-z]{2,}\)$/i

// "How meditation rewires brains | Opinion", "Title | Section | Site": headlines do not contain
// pipes, labels and breadcrumbs do. The first segment long enough to be a headline is the headline.
function withoutLabel(headline: string): string {
  const parts = headline.split(/\s+\|\s+/)
  if (parts.length < 2) return headline
  return parts.find((part) => part.split(' ').length >= 3) ?? headline
}

// "Blog: Title", "Opinion: Title": a section kicker set before the headline.
function withoutKicker(headline: string, titles: string[]): string {
  const m = /^([^:]{2,25}):\s+(.+)$/.exec(headline)
  if (!m || (m[1] ?? '').split(' ').length > 2) return headline
  const rest = m[2] ?? ''
  return titles.some((title) => fold(title) === fold(rest)) ? rest : headline
}

export function chooseTitle($: CheerioAPI, { jsonLd, siteNames, headlines }: TitleSources): string | null {
  const metaTitles = [
    jsonLd.article?.headline,
    meta($, 'og:title'),
    meta($, 'twitter:title'),
    meta($, 'parsely-title', 'sailthru.title', 'dc.title', 'citation_title'),
    jsonLd.page?.headline,
    normalizeParagraph(titleText($)) || null,
  ].filter((t): t is string => Boolean(t))
  const texts = headlines.map((headline) => headline.text)
  const unsuffixed = metaTitles.map((title) => stripSiteName(title, siteNames, texts))
  const cleaned = unsuffixed.map(withoutLabel)
  const visible = headlines.map((headline) => ({ ...headline, text: withoutKicker(headline.text, cleaned) }))

  // An <h1> that a meta title confirms, whole or as the part left of a site name.
  for (const { text } of visible) {
    const key = fold(text)
    if (!key || isSiteName(text, siteNames)) continue
    if (cleaned.some((title) => fold(title) === key)) return text
  }
  for (const { text } of visible) {
    const key = fold(text)
    if (key.split(' ').length < 3 || isSiteName(text, siteNames)) continue
    if (metaTitles.some((title) => fold(title).includes(key))) return text
  }
  // Otherwise the page's main headline, if it is about what the meta titles are about: meta
  // titles are often rewritten for search engines, the visible headline is what readers saw.
  // But only a headline the page marks as its title, or one that says all a meta title says
  // and more, outweighs the meta titles: an unmarked <h1> that rewords them may be a slogan.
  const main = visible.find((h) => !isSiteName(h.text, siteNames) && fold(h.text).split(' ').length >= 2)
  if (main && cleaned.length === 0) return main.text
  if (main && cleaned.some((title) => sharesWords(main.text, title))) {
    if (main.titled || unsuffixed.some((title) => elaborates(main.text, title))) return main.text
  }
  const fallback = cleaned[0]
  if (fallback === undefined) return main?.text ?? null
  // Nothing on the page confirms the meta title, so a site suffix we could not name stays on
  // it ("Lorem ipsum dolor sit amet – My website"): drop a short last segment.
  return fallback === metaTitles[0] && main === undefined ? withoutShortSuffix(fallback) : fallback
}

const SUFFIX_SEPARATOR = /\s+(?:[|–—·•»~]|-{1,2}|::)\s+/g

// "Headline words here – Site Name": the last segment is a site's name when it is short (at
// most three words) beside a headline of four words or more.
export function withoutShortSuffix(title: string): string {
  const separators = [...title.matchAll(SUFFIX_SEPARATOR)]
  const last = separators.at(-1)
  if (!last || last.index === undefined) return title
  const head = title.slice(0, last.index).trim()
  const tail = title.slice(last.index + last[0].length).trim()
  const words = (text: string) => fold(text).split(' ').filter(Boolean).length
  if (words(tail) === 0 || words(tail) > 3 || words(head) < 4) return title
  return head
}

// Every word of the title is in the headline: "Spring plans" -> "Spring plans for the park".
function elaborates(headline: string, title: string): boolean {
  const words = new Set(fold(headline).split(' '))
  return fold(title)
    .split(' ')
    .every((word) => words.has(word))
}

function titleText($: CheerioAPI): string {
  const el = elementsNamed($, 'title')[0]
  return el ? repairMojibake($(el).text()) : ''
}

function sharesWords(a: string, b: string): boolean {
  const words = (text: string) =>
    fold(text)
      .split(' ')
      .filter((w) => w.length > 3 || /\d/.test(w))
  const other = new Set(words(b))
  const mine = words(a)
  return mine.some((w) => other.has(w))
}

// Drop leading or trailing segments that name the site: "Title | Reuters", "Reuters - Title",
// "Title - News - The Verge". A title with no such segment is kept whole, separators and all.
export function stripSiteName(title: string, siteNames: string[], headlines: string[] = []): string {
  const headlineKeys = new Set(headlines.map(fold))
  if (headlineKeys.has(fold(title))) return title
  const parts = splitKeepingText(title)
  if (parts.length < 2) return title
  // A segment equal to a visible headline is the headline, whatever surrounds it.
  const exact = parts.find((part) => headlineKeys.has(fold(part)))
  if (exact) return exact
  let start = 0
  let end = parts.length
  while (end - start > 1 && isSiteName(parts[end - 1] ?? '', siteNames)) end--
  while (end - start > 1 && isSiteName(parts[start] ?? '', siteNames)) start++
  if (start === 0 && end === parts.length) return title
  return rejoin(title, parts, start, end)
}

// Segments between separators, in order.
function splitKeepingText(title: string): string[] {
  return title
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}

// The original text from the first kept segment to the end of the last, so inner separators survive.
function rejoin(title: string, parts: string[], start: number, end: number): string {
  const first = parts[start] ?? ''
  const last = parts[end - 1] ?? ''
  const from = title.indexOf(first)
  const to = title.lastIndexOf(last) + last.length
  return from >= 0 && to > from ? title.slice(from, to).trim() : parts.slice(start, end).join(' ')
}

export function isSiteName(text: string, siteNames: string[]): boolean {
  const key = fold(text)
  if (!key) return true
  const compact = key.replace(/ /g, '')
  return siteNames.some((name) => {
    const site = fold(name)
    if (!site) return false
    const siteCompact = site.replace(/ /g, '')
    // "The Verge" ~ "theverge.com", "Reuters" ~ "Reuters.com", "BBC News" ~ "BBC".
    return (
      key === site ||
      compact === siteCompact ||
      compact.replace(/(com|org|net|couk)$/, '') === siteCompact ||
      (siteCompact.startsWith(compact) && compact.length >= 3) ||
      (compact.startsWith(siteCompact) && compact.length <= siteCompact.length + 6)
    )
  })
}
