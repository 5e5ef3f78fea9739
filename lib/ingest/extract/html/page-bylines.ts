// Bylines from meta tags and the visible page, for pages whose JSON-LD names no author.
import type { CheerioAPI } from 'cheerio'
import { hasChildren, isTag, isText, type AnyNode, type Element, type ParentNode, type Text } from 'domhandler'
import { parseByline, parseCredit } from '../bylines'
import { normalizeParagraph } from '../../../text/normalize'
import { attrEqualsIgnoringCase, descendants, elementsNamed, elementsWhere, hasAncestor, hasItemprop, isOutsideStory, type Match } from './elements'
import { metaAll } from './meta'
import { inRepeatedItems } from './repeated-items'

const META_AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'byl']

// Elements that hold a byline. Ordered from the most explicit markup to loose class names:
// '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '[rel="author"]' (HTML
// compares rel without case), '[class*="byline" i]', author-name classes, '[class*="author" i]'
// but not bio, avatar or box, then posted-by, contributor and writer classes.
const isAuthorItem: Match = (el) => hasItemprop(el, 'author')
// [class*="…" i] as regular expressions without the u flag, which fold ASCII case only, as
// attrIncludes does, without lowering every class attribute of the page once per needle:
// each of these runs over every element.
const classMatches = (el: Element, pattern: RegExp) => {
  const value = el.attribs.class
  return value !== undefined && pattern.test(value)
}
const BYLINE_CLASS = /byline/i
const AUTHOR_NAME_CLASS = /author-name|authorname|author__name|author_name/i
const AUTHOR_CLASS = /author/i
const NOT_BYLINE_CLASS = /bio|avatar|box/i
const POSTED_BY_CLASS = /posted-by|postedby|contributor|writer/i

const BYLINE_MATCHES: Match[] = [
  (el) => hasItemprop(el, 'name') && hasAncestor(el, isAuthorItem),
  isAuthorItem,
  (el) => attrEqualsIgnoringCase(el, 'rel', 'author'),
  isAuthorLink,
  (el) => classMatches(el, BYLINE_CLASS),
  (el) => classMatches(el, AUTHOR_NAME_CLASS),
  (el) => classMatches(el, AUTHOR_CLASS) && !classMatches(el, NOT_BYLINE_CLASS),
  (el) => classMatches(el, POSTED_BY_CLASS),
]

// "This post was written by …": author boxes at the foot of a post say it in a sentence.
// "Par" and "Por": the French, Spanish and Portuguese "By".
const WRITTEN_BY = '(?:this (?:post|article|story|piece|guide|blog post) was (?:written|authored) by|by|par|por|written by|posted by|words by|author)'
// A link to the author's page ("/author/jane-doe/", "/authors/jane-doe"), as most CMSs make one.
const AUTHOR_PAGE = /\/(?:authors?|writers?|contributors?|columnists?)\/[^/?#]+/i

export function isAuthorLink(el: Element): boolean {
  return el.name === 'a' && AUTHOR_PAGE.test(el.attribs.href ?? '')
}

const BY_WORD = new RegExp(`^\\s*${WRITTEN_BY}\\b`, 'i')
const BY_PREFIX = new RegExp(`^${WRITTEN_BY}\\b[\\s:|]*`, 'i')

// A credit word, then a capital letter: "By Jane Doe", not "By clicking Submit". (The capital is
// tested apart: under the i flag \p{Lu} matches lower case letters too.)
function isByLine(content: string): boolean {
  const prefix = BY_PREFIX.exec(content)
  return prefix !== null && /^\p{Lu}/u.test(content.slice(prefix[0].length))
}

// Candidate bylines from byline markup, meta tags and "By …" lines, in that order of trust: a
// <meta name=author> is often a site-wide default or whoever uploaded the piece, while the
// byline the story prints is whom readers see credited. Lazily: the later sources cost more
// and are rarely needed.
export type BylineSource = 'jsonld' | 'meta' | 'page'

export function* pageBylineCandidates($: CheerioAPI): Generator<{ names: string[]; source: BylineSource }> {
  const sources: [($: CheerioAPI) => string[] | null, BylineSource][] = [
    [fromMarkup, 'page'],
    [fromMeta, 'meta'],
    [fromByLine, 'page'],
    [fromArchiveLink, 'page'],
    [fromAuthorBio, 'page'],
    [fromDataLayer, 'meta'],
  ]
  for (const [read, source] of sources) {
    const names = read($)
    if (names) yield { names, source }
  }
}

export function fromMeta($: CheerioAPI): string[] | null {
  for (const key of META_AUTHOR_KEYS) {
    // article:author is often a profile URL, which parseByline drops.
    const values = metaAll($, key).map((value) => (CITATION_KEYS.has(key) ? givenFirst(value) : value))
    const names = values.flatMap((value) => parseCredit(value))
    if (names.length > 0) return dedupe(names)
  }
  return fromTwitterLabels($)
}

// Library and citation metadata name one author per tag, family name first: "Kooman, F.",
// "Jong, Michiel de", "Doe, Jane".
const CITATION_KEYS = new Set(['dc.creator', 'dcterms.creator', 'citation_author'])
const PARTICLE = '(?:van|von|de|der|den|da|di|du|del|della|la|le|ter|ten)'
const FAMILY_GIVEN = new RegExp(`^\\s*(\\p{Lu}[\\p{L}'’-]+)\\s*,\\s*((?:\\p{Lu}[\\p{L}'’-]*\\.?\\s*){1,3}(?:\\s*${PARTICLE})*)\\s*$`, 'u')

export function givenFirst(value: string): string {
  const m = FAMILY_GIVEN.exec(value)
  return m ? `${(m[2] ?? '').trim()} ${m[1]}` : value
}

// Share cards label extra facts in pairs: twitter:label1 "Written by", twitter:data1 "Jane Doe".
function fromTwitterLabels($: CheerioAPI): string[] | null {
  for (const n of [1, 2, 3, 4]) {
    const label = metaAll($, `twitter:label${n}`)[0]
    if (!label || !/^(?:written by|author|by)$/i.test(label.trim())) continue
    const names = metaAll($, `twitter:data${n}`).flatMap((value) => parseCredit(value))
    if (names.length > 0) return dedupe(names)
  }
  return null
}

// The first byline element that names someone, with the others in the same line: several
// authors are often marked up one element each ("By <span><a>A</a></span>, <span><a>B</a></span>
// and …"), while a second byline further down belongs to another story.
export function fromMarkup($: CheerioAPI): string[] | null {
  for (const match of BYLINE_MATCHES) {
    const names: string[] = []
    let line: AnyNode | null = null
    for (const el of elementsWhere($, match)) {
      if (isOutsideStory(el) || inRepeatedItems($, el)) continue
      if (line && lineOf(el) !== line) continue
      const text = bylineText(el)
      if (text.length === 0 || text.length > 120) continue
      const found = parseByline(text)
      if (found.length === 0) continue
      names.push(...found)
      line = lineOf(el)
    }
    if (names.length > 0) return dedupe(names)
  }
  return null
}

const INLINE_TAGS = new Set(['a', 'span', 'strong', 'b', 'em', 'i', 'small', 'cite', 'address', 'font', 'u'])

// The element's line of text: its nearest ancestor that is not inline markup.
function lineOf(el: Element): AnyNode | null {
  let node: AnyNode | null = el.parent
  while (node && isTag(node) && INLINE_TAGS.has(node.name)) node = node.parent
  return node
}

function bylineText(node: ParentNode): string {
  const content = isTag(node) ? node.attribs.content : undefined
  if (content) return normalizeParagraph(content)
  // Separate the text of inline elements so "Jane Doe<span>June 6</span>" does not read as one name.
  const pieces: string[] = []
  for (const text of textNodes(node)) {
    const piece = normalizeParagraph(text.data)
    if (piece) pieces.push(piece)
  }
  return pieces.join(' | ')
}

const SKIPPED_TAGS = /^(?:script|style|noscript|svg|button|template)$/i
const NOT_TEXT_TAGS = /^(?:script|style|noscript|svg|template)$/i

// Text nodes in document order, without recursion: pages nest deep enough to overflow the stack.
function* textNodes(root: AnyNode, skipped: RegExp = SKIPPED_TAGS): Generator<Text> {
  const stack: AnyNode[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) break
    if (isText(node)) yield node
    else if (isTag(node) && skipped.test(node.name)) continue
    else if (hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i]
        if (child) stack.push(child)
      }
    }
  }
}

// A "By Jane Doe" line anywhere in the page: found from its text node, so a pass over the page
// stays linear however deep the markup is.
export function fromByLine($: CheerioAPI): string[] | null {
  const root = $.root().get(0)
  if (!root) return null
  for (const text of textNodes(root)) {
    if (!BY_WORD.test(text.data)) continue
    // "By" may be a text node of its own, its name in the next element: read the whole line.
    let line = text.parent
    for (let depth = 0; line && depth < 2 && normalizeParagraph($(line).text()).replace(BY_WORD, '').length < 3; depth++) line = line.parent
    if (!line) continue
    if (isOutsideStory(line)) continue
    const content = bylineText(line)
    if (content.length > 100 || !isByLine(content)) continue
    const names = parseByline(content)
    if (names.length > 0) return names
  }
  return null
}

function dedupe(names: string[]): string[] {
  return [...new Map(names.map((name) => [name.toLowerCase(), name])).values()]
}

// An author box's link to the writer's other pieces: "View all posts by Jane Doe", "All
// articles by Jane Doe", "More stories from Jane Doe". A last resort: it names the author only
// where the page names nobody else.
const ARCHIVE_LINK =
  /^\s*(?:(?:view|see|read|browse)\s+)?(?:all|more)\s+(?:(?:of\s+)?(?:the\s+)?(?:articles|posts|stories|pieces|reviews|columns|writing)\s+)(?:by|from)\s+(\S.{1,58})$/i

const NON_ASCII = /[^\x00-\x7f]/
const ALL_OR_MORE = /all|more/i

export function fromArchiveLink($: CheerioAPI): string[] | null {
  const root = $.root().get(0)
  if (!root) return null
  // Such links are often buttons.
  for (const text of textNodes(root, NOT_TEXT_TAGS)) {
    // Normalising ASCII text changes only its white space: one without "all" or "more" cannot
    // match, and most text nodes are ruled out so before they are normalised.
    if (!NON_ASCII.test(text.data) && !ALL_OR_MORE.test(text.data)) continue
    const m = ARCHIVE_LINK.exec(normalizeParagraph(text.data))
    if (!m?.[1] || isOutsideStory(text)) continue
    const names = parseByline(`By ${m[1].replace(/[\s→»›>.]+$/, '')}`)
    if (names.length > 0) return names
  }
  return null
}

// An author box without a credit line: the writer's name, then a bio that opens with it and
// goes on about a person. The name stands as a heading ("<h3>Jane Doe</h3><p>Jane Doe is the
// Head of Marketing at …. She has …"), as the alt text of the photo above the bio, or as the
// bio's bold lead-in ("<p><strong>Jane Doe:</strong> Since 1998, Jane has … Her …"). Also a
// last resort, and only when the page has exactly one such person: a piece profiling several
// people (or places: "The Bleu Garten is …") has one each.
const HEADINGS = /^(?:h[2-6]|strong|b)$/
const BIO_VERBS = '(?:is|was|has|writes|covers|leads|joined|works)'
const BIO_VERB = new RegExp(`^\\s+${BIO_VERBS}\\b`)
const PERSONAL_PRONOUN = /\b(?:he|she|his|her)\b/i

export function fromAuthorBio($: CheerioAPI): string[] | null {
  let found: string[] | null = null
  for (const bio of elementsNamed($, 'p')) {
    const name = bioName($, bio)
    if (!name || isOutsideStory(bio)) continue
    const names = parseByline(`By ${name}`)
    if (names.length !== 1) continue
    if (found && found[0] !== names[0]) return null
    found = names
  }
  return found
}

// The name a bio paragraph is about, if it is one. The candidate names are short and most are
// ruled out before the paragraph's text is read.
function bioName($: CheerioAPI, bio: Element): string | null {
  const lead = leadIn(bio)
  const leadName = lead ? normalizeParagraph($(lead).text()).replace(/\s*:$/, '') : null
  const before = previousElement(bio)
  const beforeName = before === null ? null : HEADINGS.test(before.name) ? normalizeParagraph($(before).text()) : isPhotoOnly(before) ? photoAlt(before) : null
  const byLead = leadName !== null && isBioName(leadName)
  const byBefore = beforeName !== null && isBioName(beforeName)
  if (!byLead && !byBefore) return null
  const text = normalizeParagraph($(bio).text())
  if (byLead && text.startsWith(leadName)) {
    const rest = text.slice(leadName.length).replace(/^\s*:/, ' ')
    if (PERSONAL_PRONOUN.test(rest) && (BIO_VERB.test(rest) || namedAgain(leadName, rest))) return leadName
  }
  if (!byBefore || !text.startsWith(beforeName)) return null
  const rest = text.slice(beforeName.length)
  return BIO_VERB.test(rest) && PERSONAL_PRONOUN.test(rest) ? beforeName : null
}

function isBioName(name: string): boolean {
  return name.length >= 5 && name.length <= 40
}

// The bold words a paragraph opens with: "<p><strong>Jane Doe:</strong> …".
function leadIn(p: Element): Element | null {
  for (const child of p.children) {
    if (isText(child) && child.data.trim() === '') continue
    return isTag(child) && (child.name === 'strong' || child.name === 'b') ? child : null
  }
  return null
}

// A block that holds a photo and no text: the photo's alt text.
function photoAlt(el: Element): string | null {
  const images = el.name === 'img' ? [el] : descendants(el, (d) => d.name === 'img')
  const alt = images.length === 1 ? normalizeParagraph(images[0]?.attribs.alt ?? '') : ''
  return alt || null
}

// No text in the block, only markup (an image, a link around it): stops at the first word.
function isPhotoOnly(el: Element): boolean {
  if (el.name === 'img') return true
  const stack: AnyNode[] = [...el.children]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) break
    if (isText(node) && node.data.trim() !== '') return false
    if (hasChildren(node)) stack.push(...node.children)
  }
  return true
}

// The bio calls the person by their first name: "Since 1998, Jane has …".
function namedAgain(name: string, rest: string): boolean {
  const first = name.split(' ')[0] ?? ''
  return rest.includes(first) && new RegExp(`\\b${escapeRegExp(first)}\\s+${BIO_VERBS}\\b`).test(rest)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function previousElement(el: Element): Element | null {
  for (let node = el.prev; node; node = node.prev) if (isTag(node)) return node
  return null
}

// Analytics data layers record the post's author for reports: GTM4WP's "pagePostAuthor", and
// "articleAuthor", "article_author", "post_author" in others. The CMS account that posted the
// piece, so a last resort, and often a login or a number that parseCredit turns away.
const DATA_LAYER_AUTHOR = /"(?:pagePostAuthor|articleAuthor|article_author|post_author)"\s*:\s*"([^"\\]{2,60})"/

export function fromDataLayer($: CheerioAPI): string[] | null {
  for (const el of elementsNamed($, 'script')) {
    const type = el.attribs.type
    if (type !== undefined && !/^(?:text|application)\/(?:javascript|ecmascript)$|^module$/i.test(type.trim())) continue
    const script = el.children[0]
    if (!script || !isText(script)) continue
    const m = DATA_LAYER_AUTHOR.exec(script.data)
    const names = m?.[1] ? parseCredit(m[1].trim()) : []
    if (names.length > 0) return names
  }
  return null
}
