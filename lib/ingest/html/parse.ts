// Markup → cheerio document, with what the parser may build bounded. The HTML parser's work
// grows with the number of elements times the depth of its stack of open elements (each start
// tag checks the stack for an open <p>, a table, a scope), so a page of 100 000 nested tags
// takes minutes, and 20 MB of small elements 500 deep about one: pages built to stall the
// server. Real article pages are far smaller: the 234 pages of ../shared/eval/extraction peak
// at 51 deep and 3 337 elements on the stack. Both are counted on the parser's own stack as it
// builds the tree, so every way of opening an element counts as the parser sees it (`<div/>`
// opens a div, a stray `</i>` closes nothing, `<svg><title>` holds markup) and a reconstructed
// run of formatting elements counts too. With both bounds the worst page parses in seconds,
// and the worker it runs on has a deadline besides (lib/workers).
import { load, type CheerioAPI } from 'cheerio'
import { adapter } from 'parse5-htmlparser2-tree-adapter'
import { IngestError } from '../errors'

// Browsers flatten the DOM beyond 512 levels too.
export const MAX_NESTING_DEPTH = 512
export const MAX_ELEMENTS = 200_000

class TooComplex extends Error {}

export function parseHtml(html: string, limits = { depth: MAX_NESTING_DEPTH, elements: MAX_ELEMENTS }): CheerioAPI {
  let depth = 0
  let elements = 0
  const bounded = {
    ...adapter,
    onItemPush() {
      depth++
      elements++
      if (depth > limits.depth) throw new TooComplex(`This page nests its tags more than ${limits.depth} deep, far beyond any real article: it was not read.`)
      if (elements > limits.elements) throw new TooComplex(`This page has more than ${limits.elements.toLocaleString('en-GB')} elements, far beyond any real article: it was not read.`)
    },
    onItemPop() {
      depth--
    },
  }
  try {
    return load(html, { treeAdapter: bounded })
  } catch (error) {
    throw error instanceof TooComplex ? new IngestError('too-complex', error.message) : error
  }
}
