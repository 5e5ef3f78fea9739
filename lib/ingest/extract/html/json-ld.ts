// Schema.org JSON-LD: the most trustworthy metadata a page carries, when it parses. Pages ship
// it broken in many ways (HTML comments, CDATA, raw newlines in strings, trailing commas,
// several objects in one script), so parsing is forgiving and every shape is narrowed by hand.
import type { CheerioAPI } from 'cheerio'
import { jsonLdAuthors } from '../bylines'
import { attrEqualsIgnoringCase, elementsNamed } from './elements'

type JsonObject = Record<string, unknown>

export type JsonLdFields = {
  headline: string | null
  authors: string[] // people
  organisationAuthors: string[] // credited organisations, for pages that name no person
  datePublished: string | null
  dateCreated: string | null
  dateModified: string | null
  description: string | null
  publisher: string | null
  language: string | null
  url: string | null
}

export type JsonLdData = {
  article: JsonLdFields | null // the NewsArticle / Article / BlogPosting … node
  page: JsonLdFields | null // the WebPage node: weaker, it describes the page rather than the story
  siteName: string | null // the WebSite or Organization node's name
}

const ARTICLE_TYPES =
  /^(?:\w*NewsArticle|Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|TechArticle|ScholarlyArticle|Report|Review|HowTo|Recipe|Guide|Thesis|CreativeWork|PodcastEpisode|VideoObject)$/i
const PAGE_TYPES = /^(?:\w*WebPage|ItemPage|AboutPage|FAQPage|QAPage|ProfilePage|CollectionPage)$/i
const ORGANISATION_TYPES = /^(?:WebSite|Organization|NewsMediaOrganization|Corporation|LocalBusiness|EducationalOrganization)$/i
const MAX_DEPTH = 8

export function readJsonLd($: CheerioAPI): JsonLdData {
  const roots: unknown[] = []
  for (const el of elementsNamed($, 'script')) {
    if (!attrEqualsIgnoringCase(el, 'type', 'application/ld+json') && !attrEqualsIgnoringCase(el, 'type', 'application/json+ld')) continue
    const parsed = parseLenient($(el).text())
    if (parsed !== undefined) roots.push(parsed)
  }
  const nodes = roots.flatMap((root) => collectNodes(root, 0))
  const byId = new Map<string, JsonObject>()
  for (const node of nodes) {
    const id = node['@id']
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node)
  }
  const resolve = (value: unknown): unknown => resolveRef(value, byId)
  const article = pickNode(nodes.filter((n) => hasType(n, ARTICLE_TYPES)))
  const page = pickNode(nodes.filter((n) => hasType(n, PAGE_TYPES)))
  const site = nodes.find((n) => hasType(n, /^WebSite$/i)) ?? nodes.find((n) => hasType(n, ORGANISATION_TYPES))
  return {
    article: article ? fields(article, resolve) : null,
    page: page ? fields(page, resolve) : null,
    siteName: site ? stringValue(site.name) : null,
  }
}

// undefined when nothing could be salvaged.
export function parseLenient(raw: string): unknown {
  const text = raw
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim()
  if (!text) return undefined
  // Each repair is built only when the one before it failed: most scripts parse as they are,
  // and a page's large JSON blocks would otherwise be copied three more times for nothing.
  for (const attempt of repairs(text)) {
    try {
      return JSON.parse(attempt)
    } catch {
      // try the next repair
    }
  }
  return salvage(text)
}

function* repairs(text: string): Generator<string> {
  yield text
  // Raw control characters are illegal inside JSON strings and harmless as white space outside.
  const spaced = text.replace(/[\u0000-\u001f]+/g, ' ')
  yield spaced
  yield spaced.replace(/,\s*([}\]])/g, '$1')
  yield `[${spaced.replace(/}\s*{/g, '},{')}]`
}

// Past repair: pull the few fields we need straight out of the text.
function salvage(text: string): unknown {
  const field = (key: string) => new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(text)?.[1] ?? null
  const type = field('@type')
  if (!type) return undefined
  const node: JsonObject = { '@type': type }
  for (const key of ['headline', 'datePublished', 'dateCreated', 'description']) {
    const value = field(key)
    if (value !== null) node[key] = value.replace(/\\(.)/g, '$1')
  }
  // The author too, or a decoy <meta name="author"> (the site's name) stands in for it.
  const author = /"author"\s*:\s*(?:\[\s*)?(?:"((?:[^"\\]|\\.)*)"|\{[^{}]*?"name"\s*:\s*"((?:[^"\\]|\\.)*)")/.exec(text)
  const name = author?.[1] ?? author?.[2]
  if (name) node.author = name.replace(/\\(.)/g, '$1')
  return node
}

function collectNodes(value: unknown, depth: number): JsonObject[] {
  if (depth > MAX_DEPTH) return []
  if (Array.isArray(value)) return value.flatMap((item) => collectNodes(item, depth + 1))
  if (!isRecord(value)) return []
  const found: JsonObject[] = '@type' in value ? [value] : []
  for (const key of ['@graph', 'mainEntity', 'hasPart', 'itemReviewed']) {
    if (key in value) found.push(...collectNodes(value[key], depth + 1))
  }
  return found
}

// The node that says most about the story: a headline and a date beat a bare type.
function pickNode(candidates: JsonObject[]): JsonObject | null {
  let best: JsonObject | null = null
  let bestScore = -1
  for (const node of candidates) {
    const score = (node.headline ? 2 : 0) + (node.datePublished ? 2 : 0) + (node.author ? 1 : 0) + (node.name ? 0.5 : 0)
    if (score > bestScore) {
      best = node
      bestScore = score
    }
  }
  return best
}

function fields(node: JsonObject, resolve: (value: unknown) => unknown): JsonLdFields {
  const authorValue = node.author ?? node.creator
  const authors = jsonLdAuthors(Array.isArray(authorValue) ? authorValue.map(resolve) : resolve(authorValue))
  const publisher = resolve(node.publisher)
  return {
    headline: stringValue(node.headline) ?? stringValue(node.name),
    authors: authors.people,
    organisationAuthors: authors.organisations,
    datePublished: dateValue(node.datePublished),
    dateCreated: dateValue(node.dateCreated) ?? dateValue(node.uploadDate),
    dateModified: dateValue(node.dateModified),
    description: stringValue(node.description),
    publisher: isRecord(publisher) ? stringValue(publisher.name) : stringValue(publisher),
    language: stringValue(node.inLanguage) ?? (isRecord(node.inLanguage) ? stringValue(node.inLanguage.name) : null),
    url: stringValue(node.url) ?? urlOf(node.mainEntityOfPage),
  }
}

function urlOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (isRecord(value)) return stringValue(value['@id']) ?? stringValue(value.url)
  return null
}

// Author and publisher are often references ({"@id": "…#person"}) to nodes elsewhere in the graph.
function resolveRef(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (!isRecord(value)) return value
  const id = value['@id']
  if (typeof id === 'string' && !('name' in value)) return byId.get(id) ?? value
  return value
}

function hasType(node: JsonObject, pattern: RegExp): boolean {
  const type = node['@type']
  const types = Array.isArray(type) ? type : [type]
  return types.some((t) => typeof t === 'string' && pattern.test(t.replace(/^(?:https?:\/\/)?schema\.org\//i, '')))
}

function stringValue(value: unknown): string | null {
  if (Array.isArray(value)) return stringValue(value[0])
  if (typeof value !== 'string') return null
  const text = decodeEntities(value).replace(/\s+/g, ' ').trim()
  return text || null
}

// Dates come as strings, as Unix timestamps, or (rarely) as {"@value": "…"}.
function dateValue(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(Math.trunc(value))
  if (isRecord(value)) return dateValue(value['@value'])
  return stringValue(value)
}

// JSON-LD strings are not HTML, but CMSs often put entity-escaped text in them.
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  const named: Record<string, string> = {
    amp: '&',
    quot: '"',
    apos: "'",
    lt: '<',
    gt: '>',
    nbsp: ' ',
    ndash: '–',
    mdash: '—',
    rsquo: '’',
    lsquo: '‘',
    rdquo: '”',
    ldquo: '“',
    hellip: '…',
  }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
      return Number.isFinite(point) && point > 0 && point < 0x110000 ? String.fromCodePoint(point) : whole
    }
    return named[code.toLowerCase()] ?? whole
  })
}

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
