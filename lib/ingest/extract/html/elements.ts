// Element queries for the metadata extractors, written as plain predicates over one flat list
// of the page's elements instead of CSS selectors. Cheerio parses and compiles a selector
// string on every call, and case-insensitive attribute selectors compile to fresh regular
// expressions each time: on a typical page that cost as much as parsing the page itself.
// Each predicate here reproduces the css-select semantics of the selector it replaces.
import type { CheerioAPI } from 'cheerio'
import { hasChildren, isDocument, isTag, type AnyNode, type Element } from 'domhandler'

export type Match = (el: Element) => boolean

type PageIndex = {
  elements: Element[] // every element, in document order
  byName: Map<string, Element[]>
  matches: Map<Match, Element[]>
  order: Map<Element, number> | null // built on first use
}

const indexes = new WeakMap<CheerioAPI, PageIndex>()

// One pass per document, without recursion: pages nest deep enough to overflow the stack, and
// cheerio's own queries cost per level, which makes a 20,000-deep page take seconds per query.
function pageIndex($: CheerioAPI): PageIndex {
  const cached = indexes.get($)
  if (cached) return cached
  const elements: Element[] = []
  const byName = new Map<string, Element[]>()
  const stack: AnyNode[] = [...$.root().get()].reverse()
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) break
    if (isTag(node)) {
      elements.push(node)
      const named = byName.get(node.name)
      if (named) named.push(node)
      else byName.set(node.name, [node])
    }
    if (hasChildren(node)) {
      const children = node.children
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i]
        if (child) stack.push(child)
      }
    }
  }
  const index: PageIndex = { elements, byName, matches: new Map<Match, Element[]>(), order: null }
  indexes.set($, index)
  return index
}

// Elements with this tag name, in document order. Do not modify the returned array.
export function elementsNamed($: CheerioAPI, name: string): readonly Element[] {
  return pageIndex($).byName.get(name) ?? []
}

// Microdata of an item that is not the page's story (a comment, a review, a person, an offer):
// its datePublished and author are that item's.
const OTHER_ITEM_TYPES = /(?:Comment|Answer|Question|Review|Rating|Offer|Event|Person|Organization|Product)$/i

export function inOtherItem(el: Element): boolean {
  const item = closest(el, (a) => a.attribs.itemscope !== undefined)
  return item !== null && OTHER_ITEM_TYPES.test(item.attribs.itemtype ?? '')
}

// An element's place in document order, for "does this come before that".
export function documentOrder($: CheerioAPI, el: Element): number {
  const index = pageIndex($)
  index.order ??= new Map(index.elements.map((element, i) => [element, i]))
  return index.order.get(el) ?? -1
}

// Elements the predicate accepts, in document order; cached per predicate, so predicates must
// be pure module-level functions. Do not modify the returned array.
export function elementsWhere($: CheerioAPI, match: Match): readonly Element[] {
  const index = pageIndex($)
  const cached = index.matches.get(match)
  if (cached) return cached
  const found = index.elements.filter(match)
  index.matches.set(match, found)
  return found
}

// [attr*="needle" i] compiles to a non-Unicode case-insensitive RegExp, which folds ASCII
// letters only; lowering ASCII letters alone keeps exactly its matches. `needle` is lower case.
// toLowerCase() finds every such match, and more only where a non-ASCII letter lowers to ASCII
// (the Kelvin sign to "k"), so only its hits on non-ASCII values are checked again.
export function attrIncludes(el: Element, name: string, needle: string): boolean {
  const value = el.attribs[name]
  if (value === undefined || !value.toLowerCase().includes(needle)) return false
  return !/[^\x00-\x7f]/.test(value) || value.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()).includes(needle)
}

// [attr="value" i], and [attr="value"] for attributes HTML compares without case (rel, type,
// http-equiv): css-select compares lengths, then toLowerCase(). `lower` is lower case.
export function attrEqualsIgnoringCase(el: Element, name: string, lower: string): boolean {
  const value = el.attribs[name]
  return value !== undefined && value.length === lower.length && value.toLowerCase() === lower
}

// [attr~="word" i]: css-select's own expression for a white-space separated word.
export function attrHasWord(el: Element, name: string, word: RegExp): boolean {
  const value = el.attribs[name]
  return value !== undefined && word.test(value)
}

// itemprop holds a list of names ("author creator"), as class does.
export function hasItemprop(el: Element, name: string): boolean {
  const value = el.attribs.itemprop
  if (value === undefined) return false
  return value === name || (value.includes(' ') && value.split(/\s+/).includes(name))
}

export function parentElement(el: Element): Element | null {
  return el.parent && isTag(el.parent) ? el.parent : null
}

// cheerio's closest(): the element itself or its nearest element ancestor that matches.
export function closest(el: Element, match: Match): Element | null {
  for (let node: Element | null = el; node; node = parentElement(node)) if (match(node)) return node
  return null
}

// A descendant combinator ("article h1"): a matching element ancestor, the element excluded.
export function hasAncestor(el: Element, match: Match): boolean {
  const parent = parentElement(el)
  return parent !== null && closest(parent, match) !== null
}

// The element's descendant tags in document order (itself excluded), each given to `visit`
// until it returns true. One walk for descendants() and firstDescendant().
function walkDescendants(el: Element, visit: (node: Element) => boolean): void {
  const stack: AnyNode[] = []
  for (let i = el.children.length - 1; i >= 0; i--) {
    const child = el.children[i]
    if (child) stack.push(child)
  }
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node || !isTag(node)) continue
    if (visit(node)) return
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]
      if (child) stack.push(child)
    }
  }
}

// cheerio's find(): matching descendants in document order, the element excluded.
export function descendants(el: Element, match: Match): Element[] {
  const found: Element[] = []
  walkDescendants(el, (node) => {
    if (match(node)) found.push(node)
    return false
  })
  return found
}

// Comments, related stories, widgets, links to the previous and next posts, menus and the page
// footer carry other people's names and dates. Judged by structure first: a region that holds
// the story's headline is the story's, whatever its class says ("content-sidebar-wrap"); an
// <aside> inside an <article> is the article's own (its byline and date box) unless it lists
// other stories; a <footer> inside an <article> is the article's own, as HTML5 intends.
// Was: closest('aside, nav, [class*="comment" i], [id*="comment" i], [class*="related" i],
// [class*="widget" i], [class*="sidebar" i], [class*="recommend" i]'), or a closest('footer')
// with no <article> around it.
function isElsewhere(el: Element, inArticle: boolean): boolean {
  // <body> and <html> classes describe the page's layout ("nv-sidebar-right", "comments-open"),
  // not a region of it: the story is on such a page too.
  if (el.name === 'body' || el.name === 'html') return false
  if (el.name === 'nav' || NAVIGATION_ROLES.has(el.attribs.role ?? '')) return true
  if (el.name === 'aside') return !holdsHeadline(el) && (!inArticle || holdsOtherStories(el))
  if (!inArticle && isMasthead(el)) return true
  if (!inArticle && (el.name === 'ul' || el.name === 'ol') && isLinkMenu(el)) return true
  // Most elements name none of these: one test of both attributes rules them out cheaply.
  if (!MIGHT_BE_ELSEWHERE.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`)) return false
  const named =
    attrIncludes(el, 'class', 'comment') ||
    attrIncludes(el, 'id', 'comment') ||
    attrIncludes(el, 'class', 'related') ||
    (attrIncludes(el, 'class', 'widget') && !isBuilderWidget(el)) ||
    attrIncludes(el, 'class', 'sidebar') ||
    attrIncludes(el, 'class', 'recommend') ||
    attrHasWord(el, 'class', ADJACENT_POSTS)
  return named && !holdsHeadline(el)
}

const NAVIGATION_ROLES = new Set(['navigation', 'menu', 'menubar'])

// The site's banner: role="banner", or a <header> with navigation in it that is not the story's.
function isMasthead(el: Element): boolean {
  if (el.attribs.role === 'banner') return !holdsHeadline(el)
  return el.name === 'header' && firstDescendant(el, (d) => d.name === 'nav') !== null && !holdsHeadline(el)
}

// A menu: a list of five or more entries, each a link (people's names in a "Our team" menu).
function isLinkMenu(list: Element): boolean {
  let entries = 0
  for (const child of list.children) {
    if (!isTag(child) || child.name !== 'li') continue
    if (firstDescendant(child, (d) => d.name === 'a') === null) return false
    entries++
  }
  return entries >= 5
}

function holdsHeadline(el: Element): boolean {
  return firstDescendant(el, (d) => d.name === 'h1') !== null
}

// Teasers for other stories: an <article> of their own, two or more headings, or a list of links.
function holdsOtherStories(el: Element): boolean {
  let headings = 0
  return (
    firstDescendant(el, (d) => {
      if (d.name === 'article') return true
      if (/^h[2-6]$/.test(d.name) && ++headings >= 2) return true
      return (
        (d.name === 'ul' || d.name === 'ol') &&
        d.children.filter((c) => isTag(c) && c.name === 'li' && firstDescendant(c, (a) => a.name === 'a') !== null).length >= 3
      )
    }) !== null
  )
}

// The first matching descendant in document order, or null; stops at the first match.
export function firstDescendant(el: Element, match: Match): Element | null {
  let first: Element | null = null
  walkDescendants(el, (node) => {
    if (!match(node)) return false
    first = node
    return true
  })
  return first
}

const MIGHT_BE_ELSEWHERE = /comment|related|widget|sidebar|recommend|nav|prev|next/i

// The previous and next posts, linked at the foot of a story with their own dates and authors.
const ADJACENT_POSTS = /(?:^|\s)(?:nav-(?:prev|previous|next)|post-navigation|posts-navigation|prev-next|next-prev)(?:$|\s)/i

// Page builders call every block of the page a widget ("elementor-widget-text-editor" holds
// the story itself): "widget" marks another region only in a class of its own making.
function isBuilderWidget(el: Element): boolean {
  const classes = (el.attribs.class ?? '').split(/\s+/).filter((name) => /widget/i.test(name))
  return classes.every((name) => /^elementor-/i.test(name))
}

// What an element's ancestors-or-self say about its place in the page, as bits, cached per
// element: every candidate asks the same question of the same ancestors.
const ELSEWHERE = 1
const IN_ARTICLE = 2
const IN_LOOSE_FOOTER = 4
const placements = new WeakMap<Element, number>()

function placement(el: Element): number {
  const chain: Element[] = []
  let flags = 0
  for (let node: Element | null = el; node; node = parentElement(node)) {
    const known = placements.get(node)
    if (known !== undefined) {
      flags = known
      break
    }
    chain.push(node)
  }
  // Top down, so each element's flags build on its parent's; a loop, not recursion, for deep pages.
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i]
    if (!node) continue
    let next = flags & (ELSEWHERE | IN_ARTICLE | IN_LOOSE_FOOTER)
    if (!(next & ELSEWHERE) && isElsewhere(node, (flags & IN_ARTICLE) !== 0)) next |= ELSEWHERE
    // The nearest <footer> decides: loose when no <article> encloses it.
    if (node.name === 'footer') next = (next & ~IN_LOOSE_FOOTER) | (flags & IN_ARTICLE ? 0 : IN_LOOSE_FOOTER)
    if (node.name === 'article') next |= IN_ARTICLE
    placements.set(node, next)
    flags = next
  }
  return flags
}

export function isOutsideStory(node: AnyNode): boolean {
  // As cheerio's closest(): a text node starts from its parent, the document matches nothing.
  const start = isTag(node) || isDocument(node) ? node : node.parent
  if (!start || !isTag(start)) return false
  return (placement(start) & (ELSEWHERE | IN_LOOSE_FOOTER)) !== 0
}
