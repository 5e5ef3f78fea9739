// Markup → cheerio document, with what the parser may build bounded.
//
// The parser is htmlparser2, not parse5: the parse was nine tenths of extraction's time, and
// htmlparser2 parses real pages several times faster. It does not run the HTML standard's tree
// construction, so the parts of it that change the trees of real pages are added here: the
// standard's implied end tags for <p>, <li>, <dd> and <dt> (an old page's unclosed list items
// would otherwise nest each in the last), one <html>, <head> and <body> with all content in the
// body, "<![endif]>" and its like as comments, and <title> inside <svg> or <math> read as
// markup. On the 234 pages of ../shared/eval/extraction extraction gives the same scores on
// either parser, and the deepest tree is as deep (51 levels).
//
// Both bounds are counted on the parser's own stack of open elements as it builds the tree, so
// every way of opening an element counts as the parser sees it (`<div/>` opens a div, a stray
// `</i>` closes nothing, `<svg><title>` holds markup). A page of 100 000 nested tags, or 20 MB
// of small elements hundreds deep, is built to stall whatever walks it; real article pages are
// far smaller: the 234 eval pages peak at 51 deep and 3 337 elements on the stack. The worker
// extraction runs on has a deadline besides (lib/workers).
import { load, type CheerioAPI } from 'cheerio'
import { DomHandler, Element, isTag, type ChildNode, type Document, type ParentNode } from 'domhandler'
import { Parser } from 'htmlparser2'
import { IngestError } from '../../errors'

// Browsers flatten the DOM beyond 512 levels too.
export const MAX_NESTING_DEPTH = 512
export const MAX_ELEMENTS = 200_000

export type ParseLimits = { depth: number; elements: number }

class TooComplex extends Error {}

// Where SVG and MathML hand back to HTML: inside these, <title> is an HTML title again.
const INTEGRATION_POINTS = new Set(['foreignobject', 'desc', 'title', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml'])

class BoundedHandler extends DomHandler {
  private elements = 0
  private parserRef: Parser | null = null
  // Every <html>, <head> and <body> element, in the order they were opened.
  readonly roots: Element[] = []

  constructor(private readonly limits: ParseLimits) {
    super()
  }

  override onparserinit(parser: Parser): void {
    super.onparserinit(parser)
    this.parserRef = parser
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    // The stack holds the document and every open element: its length is the new element's depth.
    if (this.tagStack.length > this.limits.depth)
      throw new TooComplex(`This page nests its tags more than ${this.limits.depth} deep, far beyond any real article: it was not read.`)
    if (++this.elements > this.limits.elements)
      throw new TooComplex(`This page has more than ${this.limits.elements.toLocaleString('en-GB')} elements, far beyond any real article: it was not read.`)
    if (name === 'title' && this.inForeignContent()) readAsMarkup(this.parserRef)
    super.onopentag(name, attribs)
    if (name === 'html' || name === 'head' || name === 'body') {
      const opened = this.tagStack.at(-1)
      if (opened && isTag(opened)) this.roots.push(opened)
    }
  }

  // "<!doctype html>" before the page is a declaration; any other "<!…>" or "<?…>" (a
  // conditional comment's "<![endif]>", a second doctype) is a comment to the standard's parser,
  // and must not become a node that looks like an element.
  override onprocessinginstruction(name: string, data: string): void {
    if (name.toLowerCase() === '!doctype' && this.tagStack.length === 1) {
      super.onprocessinginstruction(name, data)
      return
    }
    this.oncomment(data.replace(/^[!?]/, ''))
    this.oncommentend()
  }

  private inForeignContent(): boolean {
    for (let i = this.tagStack.length - 1; i > 0; i--) {
      const node = this.tagStack[i]
      if (!node || !isTag(node)) return false
      if (node.name === 'svg' || node.name === 'math') return true
      if (INTEGRATION_POINTS.has(node.name)) return false
    }
    return false
  }
}

// htmlparser2's tokenizer reads every <title> as text up to </title>, as it must in HTML; in
// SVG and MathML a <title> holds markup. The tokenizer has decided by the time the parser
// reports the tag, so its decision is undone before the tag ends. (It keeps the flag private;
// hostile.test.ts fails if a new version stops honouring this.)
function readAsMarkup(parser: Parser | null): void {
  const tokenizer: unknown = parser ? Reflect.get(parser, 'tokenizer') : null
  if (typeof tokenizer === 'object' && tokenizer !== null && 'isSpecial' in tokenizer) Reflect.set(tokenizer, 'isSpecial', false)
}

// htmlparser2 closes an open <p> or <li> only when it is the innermost open element: `<li><p>one
// <li><p>two` nests each item in the last, so an old page's long list grows hundreds deep. The
// standard closes them through inline markup (a <p> "in button scope", an <li> up to the nearest
// special element); these are its rules for the tags that imply an end, applied to the parser's
// own stack before it opens the tag, so the parser and the tree stay one stack.
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
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
  'li',
  'dd',
  'dt',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'ul',
  'xmp',
])
// A <p> is not "in button scope" past these.
const BUTTON_SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template', 'button'])
// An <li>, <dd> or <dt> is closed up to the nearest of these, but for address, div and p.
const SPECIAL = new Set([
  'applet',
  'area',
  'article',
  'aside',
  'base',
  'basefont',
  'bgsound',
  'blockquote',
  'body',
  'br',
  'button',
  'caption',
  'center',
  'col',
  'colgroup',
  'details',
  'dir',
  'dl',
  'embed',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frame',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'iframe',
  'img',
  'input',
  'keygen',
  'listing',
  'main',
  'marquee',
  'menu',
  'meta',
  'nav',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'ol',
  'param',
  'plaintext',
  'pre',
  'script',
  'search',
  'section',
  'select',
  'source',
  'style',
  'summary',
  'table',
  'tbody',
  'td',
  'template',
  'textarea',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'track',
  'ul',
  'wbr',
  'xmp',
])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
// Never closed through: SVG and MathML, whose context the parser tracks apart.
const FOREIGN = new Set(['svg', 'math', ...INTEGRATION_POINTS])

class StandardParser extends Parser {
  constructor(
    private readonly handler: BoundedHandler,
    private readonly html: string,
  ) {
    super(handler, { decodeEntities: true })
  }

  parse(): void {
    this.end(this.html)
  }

  override onopentagname(start: number, endIndex: number): void {
    const stack = openElements(this)
    // The whole page is one chunk, so the tokenizer's indices are indices into it.
    if (stack && stack.length > 0) this.closeImplied(stack, this.html.slice(start, endIndex).toLowerCase())
    super.onopentagname(start, endIndex)
  }

  private closeImplied(stack: unknown[], name: string): void {
    if (name === 'li') this.closeItem(stack, (open) => open === 'li')
    else if (name === 'dd' || name === 'dt') this.closeItem(stack, (open) => open === 'dd' || open === 'dt')
    if (CLOSES_P.has(name)) this.closeParagraph(stack)
    if (HEADINGS.has(name) && HEADINGS.has(nameAt(stack, 0))) this.pop(stack, 1)
  }

  private closeParagraph(stack: unknown[]): void {
    for (let i = 0; i < stack.length; i++) {
      const open = nameAt(stack, i)
      if (open === 'p') return this.pop(stack, i + 1)
      if (BUTTON_SCOPE.has(open) || FOREIGN.has(open)) return
    }
  }

  private closeItem(stack: unknown[], isItem: (name: string) => boolean): void {
    for (let i = 0; i < stack.length; i++) {
      const open = nameAt(stack, i)
      if (isItem(open)) return this.pop(stack, i + 1)
      if (FOREIGN.has(open) || (SPECIAL.has(open) && open !== 'address' && open !== 'div' && open !== 'p')) return
    }
  }

  // The parser's stack has its innermost element first.
  private pop(stack: unknown[], count: number): void {
    for (let i = 0; i < count && stack.length > 0; i++) {
      stack.shift()
      this.handler.onclosetag()
    }
  }
}

// The parser's stack of open element names (private to htmlparser2, which keeps it innermost
// first); null if a new version keeps it otherwise, and hostile.test.ts then fails.
function openElements(parser: Parser): unknown[] | null {
  const stack: unknown = Reflect.get(parser, 'stack')
  return Array.isArray(stack) ? stack : null
}

function nameAt(stack: unknown[], index: number): string {
  const name = stack[index]
  return typeof name === 'string' ? name : ''
}

export function parseHtml(html: string, limits: ParseLimits = { depth: MAX_NESTING_DEPTH, elements: MAX_ELEMENTS }): CheerioAPI {
  const handler = new BoundedHandler(limits)
  try {
    new StandardParser(handler, html).parse()
  } catch (error) {
    throw error instanceof TooComplex ? new IngestError('too-complex', error.message) : error
  }
  return load(withBody(withoutNestedRoots(handler.root, handler.roots)))
}

// A page holds one <html>, one <head> and one <body>: the standard's parser merges a second
// <html> or <body> tag into the first (pages pasted into pages, templates that repeat them), so
// here any other such element gives way to its children.
function withoutNestedRoots(doc: Document, roots: Element[]): Document {
  if (roots.length === 0) return doc
  const html = doc.children.find((node): node is Element => isTag(node) && node.name === 'html')
  const top: ParentNode = html ?? doc
  const keep = new Set<Element>(html ? [html] : [])
  for (const name of ['head', 'body']) {
    const first = top.children.find((node): node is Element => isTag(node) && node.name === name)
    if (first) keep.add(first)
  }
  // Innermost first (they were opened outermost first), so each unwraps into a parent that stays.
  for (const el of roots.filter((root) => !keep.has(root)).reverse()) unwrap(el)
  return doc
}

function unwrap(el: Element): void {
  const parent = el.parent
  if (!parent) return
  const index = parent.children.indexOf(el)
  if (index < 0) return
  const children = [...el.children]
  for (const child of children) child.parent = parent
  parent.children.splice(index, 1, ...children)
  relink(parent)
  el.children = []
  el.parent = null
}

function relink(parent: ParentNode): void {
  const children = parent.children
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (!child) continue
    child.prev = children[i - 1] ?? null
    child.next = children[i + 1] ?? null
  }
}

// The standard's parser gives every page one <body> holding all of its content, wherever the
// markup put it (or left it out): a fragment, content after </body>, a page with no <body> tag.
function withBody(doc: Document): Document {
  const html = doc.children.find((node): node is Element => isTag(node) && node.name === 'html')
  const body =
    html?.children.find((node): node is Element => isTag(node) && node.name === 'body') ??
    doc.children.find((node): node is Element => isTag(node) && node.name === 'body')
  if (body) {
    // What follows </body> or </html> is the body's too.
    const after = [...following(body), ...(html && body.parent === html ? following(html) : [])].filter(isContent)
    if (after.length > 0) adopt(body, after)
    return doc
  }
  const container: ParentNode = html ?? doc
  const content = container.children.filter((node) => isContent(node) && !(isTag(node) && node.name === 'head'))
  if (content.length === 0) return doc
  const created = new Element('body', {})
  adopt(created, content)
  append(container, created)
  return doc
}

function following(node: ChildNode): ChildNode[] {
  const found: ChildNode[] = []
  for (let next = node.next; next; next = next.next) found.push(next)
  return found
}

// Elements and text, not the doctype or a processing instruction.
function isContent(node: ChildNode): boolean {
  return isTag(node) || node.type === 'text' || node.type === 'comment' || node.type === 'cdata'
}

function detach(node: ChildNode): void {
  const parent = node.parent
  if (parent) {
    const index = parent.children.indexOf(node)
    if (index >= 0) parent.children.splice(index, 1)
  }
  if (node.prev) node.prev.next = node.next
  if (node.next) node.next.prev = node.prev
  node.parent = null
  node.prev = null
  node.next = null
}

function append(parent: ParentNode, node: ChildNode): void {
  const last = parent.children.at(-1) ?? null
  node.parent = parent
  node.prev = last
  node.next = null
  if (last) last.next = node
  parent.children.push(node)
}

function adopt(parent: ParentNode, nodes: ChildNode[]): void {
  for (const node of nodes) {
    detach(node)
    append(parent, node)
  }
}
