// Splitting a parsed page into text blocks, the units the body extractor scores and keeps.
// A block is the text between two block-level boundaries: p, h1–h6, li, blockquote, pre, td,
// any div-like element, or a double <br>. Inline elements (a, em, span, …) never split one.
// One pass also totals the text and link text under every element, so that later link-density
// checks cost a map lookup rather than a re-walk of the subtree.
import type { AnyNode, Element, Text } from 'domhandler'
import { hasHidingClass, isBoilerplate, isHidden, isJunkTag } from './boilerplate'

export type Block = {
  text: string
  linkChars: number
  // The nearest block-level element around the text.
  owner: Element
  // True when the text sat loose beside block-level siblings inside owner (so owner is its
  // container), false when owner is the paragraph itself.
  loose: boolean
}

export type Totals = { chars: number; linkChars: number }

export type BlockOptions = {
  // Skip subtrees whose class/id/role names them as page chrome.
  skipChrome: boolean
  // The page's visible text length: a "chrome" element holding much of it is a page wrapper
  // with an unlucky name ("header-style-2", "content-sidebar-wrap"), not chrome.
  pageChars: number
}

export type Walk = {
  blocks: Block[]
  totals: Map<Element, Totals>
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'caption',
  'legend',
])

export function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1
}

function isText(node: AnyNode): node is Text {
  return node.nodeType === 3
}

// Log-in and search forms are chrome; a form that wraps the whole page (ASP.NET) is not.
function isSmallForm(el: Element): boolean {
  return el.name === 'form' && rawTextLength(el, 1000) < 1000
}

// Iterative, like flatText: hostile pages nest tens of thousands of elements deep.
export function rawTextLength(node: AnyNode, cap: number): number {
  let total = 0
  const stack: AnyNode[] = [node]
  while (stack.length > 0 && total < cap) {
    const current = stack.pop()
    if (!current) break
    if (isText(current)) total += current.data.trim().length
    else if (isElement(current) && !isJunkTag(current)) for (const child of current.children) stack.push(child)
  }
  return total
}

// The text of a subtree in document order, without recursion.
function flatText(node: AnyNode): string {
  const parts: string[] = []
  const stack: AnyNode[] = [node]
  while (stack.length > 0) {
    const current = stack.pop()
    if (!current) break
    if (isText(current)) parts.push(current.data)
    else if (isElement(current) && !isJunkTag(current)) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as AnyNode)
  }
  return parts.join(' ')
}

// Real pages nest a few dozen levels; past this, the rest of a subtree is read as plain text
// so that a hostile page cannot overflow the stack.
const MAX_DEPTH = 400

export function shouldSkip(el: Element, options: BlockOptions): boolean {
  if (isJunkTag(el) || isHidden(el) || isSmallForm(el)) return true
  if (!options.skipChrome) return false
  // Hidden by class whatever its size: a large hidden copy of other stories is no page wrapper.
  // (Only when skipping chrome: a story hidden until a script reveals it is the fallback.)
  if (hasHidingClass(el)) return true
  if (!isBoilerplate(el)) return false
  const wrapperChars = options.pageChars * 0.4
  return rawTextLength(el, wrapperChars) < wrapperChars
}

// What .replace(/\s+/g, ' ') changes, and only that: a run of two or more, or one white-space
// character other than a space. A lone space, the common case, is not a match, so text that is
// already clean comes back as it is instead of being rebuilt space by space.
const WHITE_SPACE_RUNS = /\s{2,}|[^\S ]/g

class Splitter {
  readonly blocks: Block[] = []
  readonly totals = new Map<Element, Totals>()
  private parts: string[] = []
  private partLinkChars = 0
  private breaks = 0
  private inLink = 0
  private depth = 0

  constructor(private readonly options: BlockOptions) {}

  // Returns the text and link-text totals of the subtree.
  visit(node: AnyNode, owner: Element, sawBlock: { value: boolean }): Totals {
    if (isText(node)) return this.addText(node.data, owner)
    if (!isElement(node)) return { chars: 0, linkChars: 0 }
    if (node.name === 'br') {
      this.breaks++
      return { chars: 0, linkChars: 0 }
    }
    if (shouldSkip(node, this.options)) return { chars: 0, linkChars: 0 }
    if (this.depth >= MAX_DEPTH) return this.addText(flatText(node), owner)
    this.depth++
    try {
      return BLOCK_TAGS.has(node.name) ? this.visitBlock(node, owner, sawBlock) : this.visitInline(node, owner, sawBlock)
    } finally {
      this.depth--
    }
  }

  private visitBlock(el: Element, owner: Element, sawBlock: { value: boolean }): Totals {
    sawBlock.value = true
    this.flush(owner, true)
    const inner = { value: false }
    const totals = this.visitChildren(el, el, inner)
    this.flush(el, inner.value)
    this.totals.set(el, totals)
    return totals
  }

  private visitInline(el: Element, owner: Element, sawBlock: { value: boolean }): Totals {
    const link = el.name === 'a'
    if (link) this.inLink++
    const totals = this.visitChildren(el, owner, sawBlock)
    if (link) this.inLink--
    this.totals.set(el, totals)
    return totals
  }

  private visitChildren(el: Element, owner: Element, sawBlock: { value: boolean }): Totals {
    let chars = 0
    let linkChars = 0
    for (const child of el.children) {
      const t = this.visit(child, owner, sawBlock)
      chars += t.chars
      linkChars += t.linkChars
    }
    return { chars, linkChars }
  }

  private addText(data: string, owner: Element): Totals {
    const text = data.replace(WHITE_SPACE_RUNS, ' ')
    const chars = text.trim().length
    if (chars === 0) {
      if (text) this.parts.push(' ')
      return { chars: 0, linkChars: 0 }
    }
    // Two line breaks in a row end a paragraph; one is only a line break within it.
    if (this.breaks >= 2) this.flush(owner, false)
    else if (this.breaks === 1) this.parts.push(' ')
    this.breaks = 0
    this.parts.push(text)
    const linkChars = this.inLink > 0 ? chars : 0
    this.partLinkChars += linkChars
    return { chars, linkChars }
  }

  private flush(owner: Element, loose: boolean): void {
    this.breaks = 0
    if (this.parts.length === 0) return
    const text = this.parts.join('').replace(WHITE_SPACE_RUNS, ' ').trim()
    if (text) this.blocks.push({ text, linkChars: this.partLinkChars, owner, loose })
    this.parts = []
    this.partLinkChars = 0
  }

  finish(root: Element): void {
    this.flush(root, true)
  }
}

export function splitBlocks(root: Element, options: BlockOptions): Walk {
  const splitter = new Splitter(options)
  const totals = splitter.visit(root, root, { value: false })
  splitter.finish(root)
  splitter.totals.set(root, totals)
  return { blocks: splitter.blocks, totals: splitter.totals }
}
