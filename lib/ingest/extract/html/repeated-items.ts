// The story's headline, and the like items around it (comments, teasers, an archive list) whose
// dates and authors are theirs, not the story's. Shared by the date and the byline readers.
import type { CheerioAPI } from 'cheerio'
import { isTag, type Element } from 'domhandler'
import { attrIncludes, elementsNamed, elementsWhere, firstDescendant, hasAncestor, hasItemprop, parentElement } from './elements'

const isStoryH1 = (el: Element) => el.name === 'h1' && hasAncestor(el, (a) => a.name === 'article' || a.name === 'main')

export function storyHeadline($: CheerioAPI): Element | null {
  return elementsWhere($, isStoryH1)[0] ?? elementsNamed($, 'h1')[0] ?? null
}

// One of several like items that each carry a date: comments, teasers, an archive list. The
// story prints its own date once. An item that holds the story's headline is the story. Items
// are alike by tag and class, or by microdata type: a CMS gives each teaser a class list of its
// own ("post-92550 category-privacy …") but the same itemtype.
export function inRepeatedItems($: CheerioAPI, el: Element): boolean {
  const headline = storyHeadline($)
  let node: Element | null = el
  for (let level = 0; node && level < 6; level++, node = parentElement(node)) {
    const parent = parentElement(node)
    if (!parent || node.name === 'body' || parent.name === 'body') return false
    if (headline && (node === headline || isAncestorOf(node, headline))) return false
    let count = 0
    for (const sibling of parent.children) {
      if (!isTag(sibling) || !alike(sibling, node)) continue
      if (sibling === node || firstDescendant(sibling, carriesDate) !== null) count++
      if (count >= 3) return true
    }
  }
  return false
}

function alike(a: Element, b: Element): boolean {
  if (a.name !== b.name) return false
  const type = b.attribs.itemtype
  return a.attribs.class === b.attribs.class || (type !== undefined && a.attribs.itemtype === type)
}

const carriesDate = (el: Element) => el.name === 'time' || hasItemprop(el, 'datePublished') || attrIncludes(el, 'class', 'date')

export function isAncestorOf(ancestor: Element, el: Element): boolean {
  for (let node = parentElement(el); node; node = parentElement(node)) if (node === ancestor) return true
  return false
}
