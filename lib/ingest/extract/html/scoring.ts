// Finding the element that holds the article: Readability's candidate scoring over the text
// blocks of the page. Every prose-like block votes for its container and, more weakly, for
// the container's ancestors; containers full of links are marked down; the winner is then
// widened to an ancestor when the prose is spread across several of its children.
import type { Element } from 'domhandler'
import { classWeight } from './boilerplate'
import type { Block, Totals } from './blocks'

const ANCESTOR_LEVELS = 5
const MIN_BLOCK_CHARS = 25
const COMMAS = /[,，、،]/g

export type Candidate = { el: Element; score: number }

function baseScore(el: Element): number {
  switch (el.name) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      return 5
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5
    default:
      return 0
  }
}

export function linkDensity(totals: Totals | undefined): number {
  if (!totals || totals.chars === 0) return 0
  return totals.linkChars / totals.chars
}

// How much a block says about its container being the article: prose has length and commas.
function blockScore(block: Block): number {
  const length = block.text.length
  if (length < MIN_BLOCK_CHARS) return 0
  if (block.linkChars / length > 0.5) return 0
  if (/^h[1-6]$/.test(block.owner.name)) return 0
  // List items are menus and link lists, unless they are sentences: release notes and
  // listicles are written as lists.
  if (block.owner.name === 'li' && (length < 80 || block.linkChars / length > 0.3)) return 0
  const commas = block.text.match(COMMAS)?.length ?? 0
  return 1 + commas + Math.min(Math.floor(length / 100), 3)
}

function parentElement(el: Element): Element | null {
  const parent = el.parent
  return parent && parent.nodeType === 1 ? (parent as Element) : null
}

// Characters of prose-like text (long enough, few links) under every element.
export function proseChars(blocks: Block[]): Map<Element, number> {
  const prose = new Map<Element, number>()
  for (const block of blocks) {
    const length = block.text.length
    if (length < MIN_BLOCK_CHARS || block.linkChars / length > 0.3) continue
    for (let el: Element | null = block.owner; el; el = parentElement(el)) prose.set(el, (prose.get(el) ?? 0) + length)
  }
  return prose
}

// Scores reward dense clusters, so an article split into sections (one per list entry or
// subheading, each in its own wrapper) loses all but one. Widen to an ancestor while what it
// adds is substantial and still mostly prose, not links and chrome.
export function growWhileProse(el: Element, prose: Map<Element, number>, totals: Map<Element, Totals>, teasers: Teasers = []): Element {
  const baseProse = prose.get(el) ?? 0
  const baseChars = totals.get(el)?.chars ?? 0
  let best = el
  for (
    let parent = parentElement(el);
    parent && parent.name !== 'body' && parent.name !== 'html' && !takesInTeaser(parent, el, teasers);
    parent = parentElement(parent)
  ) {
    const addedProse = (prose.get(parent) ?? 0) - baseProse
    const addedChars = (totals.get(parent)?.chars ?? 0) - baseChars
    if (addedChars > 0 && addedProse / addedChars < 0.6) break
    if (addedProse >= (prose.get(best) ?? 0) - baseProse + baseProse * 0.25 || addedChars <= 0) best = parent
  }
  return best
}

export function scoreCandidates(blocks: Block[], totals: Map<Element, Totals>): Map<Element, number> {
  const scores = new Map<Element, number>()
  const touch = (el: Element, add: number) => {
    const current = scores.get(el) ?? baseScore(el) + classWeight(el)
    scores.set(el, current + add)
  }
  for (const block of blocks) {
    const score = blockScore(block)
    if (score === 0) continue
    let el: Element | null = block.loose ? block.owner : parentElement(block.owner)
    for (let level = 0; el && level < ANCESTOR_LEVELS; level++, el = parentElement(el)) {
      if (el.name === 'html') break
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
      touch(el, score / divider)
    }
  }
  for (const [el, score] of scores) scores.set(el, score * (1 - linkDensity(totals.get(el))))
  return scores
}

function isAncestor(ancestor: Element, el: Element): boolean {
  for (let node = parentElement(el); node; node = parentElement(node)) if (node === ancestor) return true
  return false
}

// A teaser for another story: an <article> whose heading is a link ("<h2><a href>…</a></h2>").
// An article that is a section of the story has headings too, but they lead nowhere.
export function isTeaser(el: Element): boolean {
  return el.name === 'article' && hasLinkedHeading(el)
}

function hasLinkedHeading(el: Element): boolean {
  const stack: Element[] = [el]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) break
    for (const child of node.children) {
      if (child.nodeType !== 1) continue
      const childEl = child as Element
      if (/^h[1-6]$/.test(childEl.name) ? hasLink(childEl) || hasAncestorLink(childEl, el) : false) return true
      stack.push(childEl)
    }
  }
  return false
}

function hasLink(el: Element): boolean {
  for (const child of el.children) {
    if (child.nodeType !== 1) continue
    const childEl = child as Element
    if (childEl.name === 'a' || hasLink(childEl)) return true
  }
  return false
}

function hasAncestorLink(el: Element, stop: Element): boolean {
  for (let node = parentElement(el); node && node !== stop; node = parentElement(node)) if (node.name === 'a') return true
  return false
}

// Teasers for other stories on the page, found once per extraction.
export type Teasers = readonly Element[]

export function findTeasers(elements: Iterable<Element>): Teasers {
  const found: Element[] = []
  for (const el of elements) if ((el.name === 'article' && isTeaser(el)) || isTeaserItem(el)) found.push(el)
  return found
}

// A stream of other stories is often a list, one card per item: a linked heading and a summary
// ("<li><h3><a href>…</a></h3><p>…</p></li>"). Such items count as teasers when the story's
// container would grow to take them in. (Beside the story, not inside it: mergeSiblings asks
// only about <article>s.)
function isTeaserItem(el: Element): boolean {
  return el.name === 'li' && hasLinkedHeading(el)
}

// The story's container never grows to take in teasers for other stories.
function takesInTeaser(ancestor: Element, el: Element, teasers: Teasers): boolean {
  return teasers.some((teaser) => isAncestor(ancestor, teaser) && teaser !== el && !isAncestor(teaser, el) && !isAncestor(el, teaser))
}

// When several near-top candidates share an ancestor, the article is split across them
// (paragraph groups between ads or images); take the ancestor.
function widenToSharedAncestor(top: Candidate, ranked: Candidate[], teasers: Teasers): Element {
  const rivals = ranked
    .slice(1, 6)
    .filter((c) => c.score >= top.score * 0.75)
    .map((c) => c.el)
  if (rivals.length < 3) return top.el
  for (let el = parentElement(top.el); el && el.name !== 'body' && !takesInTeaser(el, top.el, teasers); el = parentElement(el)) {
    const inside = rivals.filter((rival) => isAncestor(el, rival)).length
    if (inside >= 3) return el
  }
  return top.el
}

// Readability's climb: an ancestor whose score keeps up with the top candidate's is the
// better container.
function climb(el: Element, scores: Map<Element, number>, teasers: Teasers): Element {
  let best = el
  let lastScore = scores.get(el) ?? 0
  const threshold = lastScore / 3
  for (let parent = parentElement(best); parent && parent.name !== 'body' && !takesInTeaser(parent, el, teasers); parent = parentElement(parent)) {
    const score = scores.get(parent)
    if (score === undefined) continue
    if (score < threshold) break
    if (score > lastScore) {
      best = parent
      break
    }
    lastScore = score
  }
  // A lone child is no narrower a choice than its parent.
  for (let parent = parentElement(best); parent && parent.name !== 'body'; parent = parentElement(parent)) {
    if (parent.children.filter((c) => c.nodeType === 1).length !== 1) break
    best = parent
  }
  return best
}

export function chooseTop(scores: Map<Element, number>, teasers: Teasers = []): Element | null {
  const ranked = [...scores].map(([el, score]) => ({ el, score })).sort((a, b) => b.score - a.score)
  const top = ranked[0]
  if (!top || top.score <= 0) return null
  return climb(widenToSharedAncestor(top, ranked, teasers), scores, teasers)
}

// Siblings of the top candidate that read like more of the article: other scored
// containers that come near it, and stand-alone prose paragraphs.
export function mergeSiblings(top: Element, scores: Map<Element, number>, totals: Map<Element, Totals>, textOf: (el: Element) => string): Element[] {
  const parent = parentElement(top)
  if (!parent || top.name === 'body') return [top]
  const topScore = scores.get(top) ?? 0
  const threshold = Math.max(10, topScore * 0.2)
  const topClass = top.attribs.class ?? ''
  const chosen: Element[] = []
  for (const child of parent.children) {
    if (child.nodeType !== 1) continue
    const sibling = child as Element
    if (sibling === top) {
      chosen.push(sibling)
      continue
    }
    // A teaser beside the story is another story.
    if (isTeaser(sibling)) continue
    const bonus = topClass && sibling.attribs.class === topClass ? topScore * 0.2 : 0
    const score = scores.get(sibling)
    if (score !== undefined && score + bonus >= threshold) {
      chosen.push(sibling)
      continue
    }
    if (sibling.name === 'p' && readsLikeProse(textOf(sibling), linkDensity(totals.get(sibling)))) chosen.push(sibling)
  }
  return chosen
}

function readsLikeProse(text: string, density: number): boolean {
  if (text.length > 80) return density < 0.25
  return text.length > 0 && density === 0 && /\.( |$)/.test(text)
}
