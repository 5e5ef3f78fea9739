// Article metadata from an HTML page. Each field is looked for in the page's sources in order
// of trust: JSON-LD, OpenGraph and other meta tags, microdata and <time>, the visible page,
// then the URL.
import type { CheerioAPI } from 'cheerio'
import type { Element } from 'domhandler'
import { dayFirstFor } from '../dates'
import { normalizeParagraph } from '../../../text/normalize'
import type { ArticleMetadata } from '../../types'
import { pageBylineCandidates, type BylineSource } from './page-bylines'
import { publishedDate } from './published-date'
import { readJsonLd, type JsonLdData } from './json-ld'
import { attrEqualsIgnoringCase, attrHasWord, elementsNamed, elementsWhere, hasItemprop } from './elements'
import { fold, meta } from './meta'
import { homeLinkNames, siteNamesOf } from './site-names'
import { chooseTitle, headlineCandidates, isSiteName } from './title'

export type MetadataContext = { url: string | null }

export function extractMetadata($: CheerioAPI, context: MetadataContext): ArticleMetadata {
  const jsonLd = readJsonLd($)
  const siteNames = siteNamesOf($, jsonLd, context.url)
  const headlines = headlineCandidates($)
  const language = languageOf($, jsonLd)
  const title = chooseTitle($, { jsonLd, siteNames: [...siteNames, ...homeLinkNames($, context.url)], headlines })
  return {
    title,
    standfirst: standfirst($, jsonLd, title, siteNames),
    bylines: bylines($, jsonLd, siteNames),
    publisher: siteNames[0] ?? null,
    dateline: null,
    published: publishedDate($, jsonLd, { url: context.url, dayFirst: dayFirstFor(language, context.url) }),
    canonicalUrl: canonicalUrl($, context.url),
    language,
  }
}

// People before organisations: JSON-LD and meta tags often credit the publisher itself when
// the visible byline names a person. Full names before single words: an author field often
// holds the CMS login ("KatieS", "andrew.keaveney") of whoever posted a piece that the page
// credits to someone else by name. But a login the article's JSON-LD credits outranks a full
// name in a meta tag, which is often a site-wide default: only the visible byline overrides it.
function bylines($: CheerioAPI, jsonLd: JsonLdData, siteNames: string[]): string[] {
  let first: string[] | null = null
  let logins: { names: string[]; source: BylineSource } | null = null
  for (const { names, source } of bylineCandidates($, jsonLd)) {
    if (names.length === 0) continue
    first ??= names
    const people = names.filter((name) => !isSiteName(name, siteNames))
    if (people.length === 0) continue
    if (people.some((name) => name.includes(' '))) {
      if (logins?.source === 'jsonld' && source === 'meta') continue
      return people
    }
    logins ??= { names: people, source }
  }
  const organisations = [jsonLd.article?.organisationAuthors ?? [], jsonLd.page?.organisationAuthors ?? []].find((names) => names.length > 0)
  return logins?.names ?? organisations ?? first ?? []
}

function* bylineCandidates($: CheerioAPI, jsonLd: JsonLdData): Generator<{ names: string[]; source: BylineSource }> {
  yield { names: jsonLd.article?.authors ?? [], source: 'jsonld' }
  yield { names: jsonLd.page?.authors ?? [], source: 'jsonld' }
  yield* pageBylineCandidates($)
}

// css-select's expression for [rel~="canonical" i].
const CANONICAL = /(?:^|\s)canonical(?:$|\s)/i

function canonicalUrl($: CheerioAPI, url: string | null): string | null {
  const link = elementsNamed($, 'link').find((el) => attrHasWord(el, 'rel', CANONICAL))
  const candidates = [link?.attribs.href, meta($, 'og:url')]
  for (const candidate of candidates) {
    const absolute = absoluteHttpUrl(candidate, url)
    if (absolute) return absolute
  }
  return url
}

export function absoluteHttpUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href?.trim()) return null
  try {
    const resolved = base ? new URL(href.trim(), base) : new URL(href.trim())
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null
  } catch {
    return null
  }
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i

function languageOf($: CheerioAPI, jsonLd: JsonLdData): string | null {
  const html = elementsNamed($, 'html')[0]
  const candidates = [
    html?.attribs.lang,
    html?.attribs['xml:lang'],
    meta($, 'og:locale'),
    elementsNamed($, 'meta').find((el) => attrEqualsIgnoringCase(el, 'http-equiv', 'content-language'))?.attribs.content,
    meta($, 'language', 'dc.language'),
    jsonLd.article?.language,
  ]
  for (const candidate of candidates) {
    const tag = candidate?.trim().replace(/_/g, '-').split(/[,\s]/)[0]
    if (tag && LANGUAGE_TAG.test(tag)) return canonicalLanguage(tag)
  }
  return null
}

// BCP 47 case conventions: "en-us" -> "en-US".
function canonicalLanguage(tag: string): string {
  const [primary = '', ...rest] = tag.split('-')
  return [primary.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-')
}

// The dek: a summary written for the piece. Descriptions that are only the opening of the body
// cut short, or the site's own blurb, say nothing the body or the publisher does not.
function standfirst($: CheerioAPI, jsonLd: JsonLdData, title: string | null, siteNames: string[]): string | null {
  // The subtitle and the opening paragraphs are read only when a candidate needs them: each
  // costs a pass over the page.
  const subtitle = () => {
    const el = elementsWhere($, isSubtitle)[0]
    return el ? $(el).text() : ''
  }
  const candidates = [() => jsonLd.article?.description, () => meta($, 'og:description'), () => meta($, 'description', 'twitter:description'), subtitle]
  let paragraphs: string[] | null = null
  const openingParagraphs = () =>
    (paragraphs ??= elementsNamed($, 'p')
      .slice(0, 40)
      .map((el) => fold($(el).text())))
  for (const candidate of candidates) {
    const text = normalizeParagraph(candidate() ?? '')
    if (text.length < 20 || text.length > 600) continue
    if (title && fold(text) === fold(title)) continue
    if (isTruncatedOpening(text, openingParagraphs())) continue
    if (isSiteBlurb(text, title, siteNames)) continue
    return text
  }
  return null
}

// Was [class*="subtitle" i], [class*="standfirst" i], [class*="dek" i], [class*="subheadline" i],
// [class*="sub-headline" i], [itemprop="alternativeHeadline"].
// (A regular expression without the u flag folds ASCII case only, as attrIncludes does.)
const SUBTITLE_CLASS = /subtitle|standfirst|dek|subheadline|sub-headline/i

function isSubtitle(el: Element): boolean {
  return SUBTITLE_CLASS.test(el.attribs.class ?? '') || hasItemprop(el, 'alternativeHeadline')
}

function isTruncatedOpening(text: string, paragraphs: string[]): boolean {
  const folded = fold(text.replace(/(?:\.\.\.|…|\[…]|\[\.\.\.])\s*$/, ''))
  if (!folded) return true
  const truncated = /(?:\.\.\.|…|\[…]|\[\.\.\.])\s*$/.test(text)
  return paragraphs.some((p) => p.startsWith(folded) && (truncated || p.length > folded.length + 20))
}

// "Reuters.com brings you the latest news from around the world": names the site, not the story.
function isSiteBlurb(text: string, title: string | null, siteNames: string[]): boolean {
  const folded = fold(text)
  const namesSite = siteNames.some((name) => fold(name).length > 2 && folded.includes(fold(name)))
  if (!namesSite || !title) return false
  const titleWords = new Set(
    fold(title)
      .split(' ')
      .filter((w) => w.length > 3),
  )
  return !folded.split(' ').some((w) => titleWords.has(w))
}
