// Bylines from meta tags and the visible page, for pages whose JSON-LD names no author.
import type { Cheerio, CheerioAPI } from 'cheerio'
import { hasChildren, isTag, isText, type AnyNode, type Text } from 'domhandler'
import { parseByline } from '../bylines'
import { normalizeParagraph } from '../normalize'
import { isOutsideStory, metaAll, select } from './meta'

const META_AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author', 'byl']

// Elements that hold a byline. Ordered from the most explicit markup to loose class names.
const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  '[class*="byline" i]',
  '[class*="author-name" i], [class*="authorname" i], [class*="author__name" i], [class*="author_name" i]',
  '[class*="author" i]:not([class*="bio" i]):not([class*="avatar" i]):not([class*="box" i])',
  '[class*="posted-by" i], [class*="postedby" i], [class*="contributor" i], [class*="writer" i]',
]

const BY_WORD = /^\s*(?:by|written by|posted by|words by|author)\b/i
const BY_LINE = /^(?:by|written by|posted by|words by|author)\b[\s:|]*\p{Lu}/iu


// Candidate bylines from meta tags, byline markup and "By …" lines, in that order of trust.
// Lazily: the later sources cost more and are rarely needed.
export function* pageBylineCandidates($: CheerioAPI): Generator<string[]> {
  for (const source of [fromMeta, fromMarkup, fromByLine]) {
    const names = source($)
    if (names) yield names
  }
}

export function fromMeta($: CheerioAPI): string[] | null {
  for (const key of META_AUTHOR_KEYS) {
    // article:author is often a profile URL, which parseByline drops.
    const names = metaAll($, key).flatMap((value) => parseByline(value))
    if (names.length > 0) return dedupe(names)
  }
  return null
}

// The first byline element that names someone, with its siblings: several authors are often
// marked up one element each, while a second byline further down belongs to another story.
export function fromMarkup($: CheerioAPI): string[] | null {
  for (const selector of BYLINE_SELECTORS) {
    const names: string[] = []
    let parent: AnyNode | null = null
    select($, selector).each((_, el) => {
      const node = $(el)
      if (isOutsideStory(node)) return
      if (parent && el.parent !== parent) return
      const text = bylineText(node)
      if (text.length === 0 || text.length > 120) return
      const found = parseByline(text)
      if (found.length === 0) return
      names.push(...found)
      parent = el.parent
    })
    if (names.length > 0) return dedupe(names)
  }
  return null
}

function bylineText(node: Cheerio<AnyNode>): string {
  const content = node.attr('content')
  if (content) return normalizeParagraph(content)
  // Separate the text of inline elements so "Jane Doe<span>June 6</span>" does not read as one name.
  const pieces = node.get().flatMap(textPieces).map(normalizeParagraph).filter(Boolean)
  return pieces.join(' | ')
}

const SKIPPED_TAGS = /^(?:script|style|noscript|svg|button|template)$/i

// Text nodes in document order, without recursion: pages nest deep enough to overflow the stack.
function* textNodes(root: AnyNode): Generator<Text> {
  const stack: AnyNode[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) break
    if (isText(node)) yield node
    else if (isTag(node) && SKIPPED_TAGS.test(node.name)) continue
    else if (hasChildren(node)) for (const child of [...node.children].reverse()) stack.push(child)
  }
}

function textPieces(node: AnyNode): string[] {
  return [...textNodes(node)].map((text) => text.data)
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
    const node = $(line)
    if (isOutsideStory(node)) continue
    const content = bylineText(node)
    if (content.length > 100 || !BY_LINE.test(content)) continue
    const names = parseByline(content)
    if (names.length > 0) return names
  }
  return null
}

function dedupe(names: string[]): string[] {
  return [...new Map(names.map((name) => [name.toLowerCase(), name])).values()]
}
