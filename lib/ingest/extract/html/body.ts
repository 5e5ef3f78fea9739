// The article body from an HTML page, as normalised paragraphs.
//
// 1. Split the page into text blocks (blocks.ts), skipping tags that never hold prose and
//    subtrees named as chrome (boilerplate.ts).
// 2. Score containers by the prose they hold and pick the article's, widened to an ancestor
//    when the article is split across sibling sections (scoring.ts).
// 3. Keep that container's blocks, minus link lists, page furniture ("Read more",
//    "Advertisement") and the headline.
// If chrome-skipping leaves almost nothing, the class names were misleading: try again
// without it, as Readability does.
import type { CheerioAPI } from 'cheerio'
import type { Element } from 'domhandler'
import { classWeight, isFurniture } from './boilerplate'
import { type Block, type BlockOptions, type Totals, rawTextLength, splitBlocks } from './blocks'
import { chooseTop, findTeasers, growWhileProse, linkDensity, mergeSiblings, proseChars, scoreCandidates } from './scoring'
import { trimEdges, type EdgeParagraph } from './edges'
import { elementsNamed } from './elements'
import { normalizeParagraph } from '../../../text/normalize'

const MIN_ARTICLE_CHARS = 250

const CONTAINER_TAGS = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'tbody', 'tr', 'td', 'li', 'span', 'p', 'blockquote'])

// `bylines`: the article's authors, whose bio at the foot of the story is not the story.
export function extractBody($: CheerioAPI, title?: string | null, bylines: readonly string[] = []): string[] {
  return trimEdges(storyParagraphs($, title ?? null), bylines).map((paragraph) => paragraph.text)
}

// The paragraphs of the article's container, edges and all, each with the box it sits in.
export function storyParagraphs($: CheerioAPI, title: string | null): EdgeParagraph[] {
  // The page's element index, not a selector: cheerio compiles and runs `$('body')` over the
  // whole tree each time.
  const root = elementsNamed($, 'body')[0] ?? elementsNamed($, 'html')[0]
  if (!root) return []
  const pageChars = rawTextLength(root, Infinity)
  const strict = extractFrom(root, { skipChrome: true, pageChars }, title)
  if (charCount(strict) >= MIN_ARTICLE_CHARS) return strict
  const loose = extractFrom(root, { skipChrome: false, pageChars }, title)
  return charCount(loose) > charCount(strict) * 2 ? loose : strict
}

function charCount(paragraphs: EdgeParagraph[]): number {
  return paragraphs.reduce((sum, p) => sum + p.text.length, 0)
}

function extractFrom(root: Element, options: BlockOptions, title: string | null): EdgeParagraph[] {
  const { blocks, totals } = splitBlocks(root, options)
  const scores = scoreCandidates(blocks, totals)
  const teasers = findTeasers(totals.keys())
  const chosen = chooseTop(scores, teasers)
  if (!chosen) return []
  const top = growWhileProse(chosen, proseChars(blocks), totals, teasers)
  const selected = new Set(mergeSiblings(top, scores, totals, ownTextLookup(blocks)))
  const clutter = new Map<Element, boolean>()
  const kept = blocks.filter((block) => insideArticle(block.owner, selected, totals, clutter) && isProse(block))
  return finish(kept, title)
}

// Built on first use: most pages never ask (only a loose <p> beside the story does).
function ownTextLookup(blocks: Block[]): (el: Element) => string {
  let texts: Map<Element, string> | null = null
  return (el) => {
    if (!texts) {
      texts = new Map<Element, string>()
      for (const block of blocks) texts.set(block.owner, `${texts.get(block.owner) ?? ''} ${block.text}`.trim())
    }
    return texts.get(el) ?? ''
  }
}

// Inside one of the chosen containers, and not inside a link list or other clutter on the way.
function insideArticle(owner: Element, selected: Set<Element>, totals: Map<Element, Totals>, clutter: Map<Element, boolean>): boolean {
  for (let el: Element | null = owner; el; el = parentOf(el)) {
    if (selected.has(el)) return true
    if (isClutter(el, totals, clutter)) return false
  }
  return false
}

function parentOf(el: Element): Element | null {
  const parent = el.parent
  return parent && parent.nodeType === 1 ? (parent as Element) : null
}

// Readability's conditional cleaning, reduced to what survives chrome-skipping: containers
// that are mostly links (related stories, tag lists) or that are named like chrome and
// carry links.
function isClutter(el: Element, totals: Map<Element, Totals>, memo: Map<Element, boolean>): boolean {
  const known = memo.get(el)
  if (known !== undefined) return known
  let result = false
  if (CONTAINER_TAGS.has(el.name)) {
    const density = linkDensity(totals.get(el))
    const listLike = el.name === 'ul' || el.name === 'ol' || el.name === 'dl'
    result = density > 0.5 || (listLike && density > 0.4) || (classWeight(el) < 0 && density > 0.2)
  }
  memo.set(el, result)
  return result
}

function isProse(block: Block): boolean {
  if (block.owner.name === 'h1') return false
  if (block.text.length > 0 && block.linkChars / block.text.length > 0.5) return false
  return !isFurniture(block.text)
}

// ASCII text takes an ASCII expression: a Unicode property escape costs several times as much,
// and this runs over every paragraph.
const NON_ASCII = /[^\x00-\x7f]/
// Runs of anything but letters and digits, less the lone space that would be replaced by
// itself (matching it rebuilt every paragraph word by word).
const ASCII_SEPARATORS = /[^a-z0-9]{2,}|[^a-z0-9 ]/g
const SEPARATORS = /[^\p{L}\p{N}]{2,}|[^\p{L}\p{N} ]/gu

function fold(text: string): string {
  const lower = text.toLowerCase()
  return (NON_ASCII.test(lower) ? lower.replace(SEPARATORS, ' ') : lower.replace(ASCII_SEPARATORS, ' ')).trim()
}

// Pages repeat the article (a microdata copy, a print version), paragraph by paragraph or
// as one run of text; keep the first copy. A paragraph is a repeat when its opening, middle
// and closing words all already appear in what is kept, across paragraph breaks.
const REPEAT_WORDS = 12

function isRepeat(folded: string, kept: KeptWords): boolean {
  const words = folded.split(' ')
  if (words.length < REPEAT_WORDS) return false
  const starts = [0, Math.floor((words.length - REPEAT_WORDS) / 2), words.length - REPEAT_WORDS]
  return starts.every((start) => kept.includes(words.slice(start, start + REPEAT_WORDS)))
}

// The kept paragraphs' folded words, in order, indexed by word. It answers what
// keptText.includes(window.join(' ')) would, where keptText is " " + each kept paragraph:
// growing that string and searching it again for every paragraph costs time quadratic in the
// article. In that string words are single-space separated, so a window of words occurs
// where its inner words are whole words in a row, its first word ends a word and its last
// begins one. An empty paragraph left two spaces, which no window spans: it is an empty word.
class KeptWords {
  private readonly words: string[] = []
  private readonly at = new Map<string, number[]>()

  add(folded: string): void {
    for (const word of folded.split(' ')) {
      const positions = this.at.get(word)
      if (positions) positions.push(this.words.length)
      else this.at.set(word, [this.words.length])
      this.words.push(word)
    }
  }

  includes(window: string[]): boolean {
    const last = window.length - 1
    // Anchor on the rarest inner word.
    let anchor = 1
    let candidates = this.at.get(window[1] ?? '') ?? []
    for (let k = 2; k < last; k++) {
      const positions = this.at.get(window[k] ?? '') ?? []
      if (positions.length < candidates.length) {
        anchor = k
        candidates = positions
      }
    }
    for (const position of candidates) {
      const start = position - anchor
      if (start < 0 || start + last >= this.words.length) continue
      if (!(this.words[start] ?? '').endsWith(window[0] ?? '') || !(this.words[start + last] ?? '').startsWith(window[last] ?? '')) continue
      let inner = true
      for (let k = 1; k < last && inner; k++) inner = this.words[start + k] === window[k]
      if (inner) return true
    }
    return false
  }
}

function finish(blocks: Block[], title: string | null): EdgeParagraph[] {
  const foldedTitle = title ? fold(title) : null
  const paragraphs: EdgeParagraph[] = []
  const kept = new KeptWords()
  for (const block of blocks) {
    const text = normalizeParagraph(block.text)
    if (!text) continue
    const folded = fold(text)
    if (folded === foldedTitle || isRepeat(folded, kept)) continue
    kept.add(folded)
    // The box: the element the paragraph sits in, or for a paragraph element its parent.
    paragraphs.push({ text, box: block.loose ? block.owner : (parentOf(block.owner) ?? block.owner) })
  }
  return paragraphs
}
