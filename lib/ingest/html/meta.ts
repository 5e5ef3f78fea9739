// Small readers shared by the metadata extractors.
import type { Cheerio, CheerioAPI } from 'cheerio'
import { hasChildren, isTag, type AnyNode, type Element } from 'domhandler'
import { normalizeParagraph } from '../normalize'

// The first non-empty <meta> content among the keys, matched on name, property or itemprop
// without regard to case ("DC.date.issued" and "dc.date.issued" are the same tag).
export function meta($: CheerioAPI, ...keys: string[]): string | null {
  for (const key of keys) {
    const values = metaAll($, key)
    if (values[0]) return values[0]
  }
  return null
}

export function metaAll($: CheerioAPI, key: string): string[] {
  return metaIndex($).get(key.toLowerCase()) ?? []
}

// One pass over the <meta> tags per document: a selector per key would walk the whole tree
// dozens of times, which costs seconds on a deeply nested page.
const indexes = new WeakMap<CheerioAPI, Map<string, string[]>>()

function metaIndex($: CheerioAPI): Map<string, string[]> {
  const cached = indexes.get($)
  if (cached) return cached
  const index = new Map<string, string[]>()
  select($, 'meta').each((_, el) => {
    const node = $(el)
    const content = normalizeParagraph(node.attr('content') ?? '')
    if (!content) return
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = node.attr(attr)?.trim().toLowerCase()
      if (!key) continue
      const values = index.get(key) ?? []
      values.push(content)
      index.set(key, values)
    }
  })
  indexes.set($, index)
  return index
}

const WORD = /[\p{L}\p{M}\p{N}_]+/gu

// Text compared as the eval compares titles: case, compatibility forms and punctuation folded.
export function fold(text: string): string {
  return (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).join(' ')
}

// Comments, related stories, widgets and the page footer carry other people's names and dates.
// A <footer> inside an <article> is the article's own: HTML5 puts its byline and date there.
const ELSEWHERE = 'aside, nav, [class*="comment" i], [id*="comment" i], [class*="related" i], [class*="widget" i], [class*="sidebar" i], [class*="recommend" i]'

export function isOutsideStory(node: Cheerio<AnyNode>): boolean {
  if (node.closest(ELSEWHERE).length > 0) return true
  const footer = node.closest('footer')
  return footer.length > 0 && footer.closest('article').length === 0
}

// Every element in document order, collected once per document. Cheerio's own queries walk
// the tree recursively, with a cost per level that makes a 20,000-deep page take seconds per
// query; filtering this flat list with the same selector takes milliseconds.
const elementLists = new WeakMap<CheerioAPI, Element[]>()

export function select($: CheerioAPI, selector: string): Cheerio<Element> {
  let elements = elementLists.get($)
  if (!elements) {
    elements = []
    const stack: AnyNode[] = [...$.root().get()]
    while (stack.length > 0) {
      const node = stack.pop()
      if (!node) break
      if (isTag(node)) elements.push(node)
      if (hasChildren(node)) for (const child of [...node.children].reverse()) stack.push(child)
    }
    elementLists.set($, elements)
  }
  return $(elements).filter(selector)
}
