// How deep a page's tags nest, measured on the raw markup before parsing. The HTML parser's
// work grows with the square of the nesting depth (each new tag checks the stack of open
// elements), so 100 000 nested tags take a minute: a page built to stall the server. Real
// article pages nest well under a hundred deep.
export const MAX_NESTING_DEPTH = 1000

// Elements that never contain others, or whose end tag the parser implies (a new <p> closes
// the open one), so that leaving them unclosed does not deepen the tree.
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp',
])

// Elements whose content is text, not markup: what looks like tags inside them is skipped,
// up to their end tag.
const RAW_TEXT_END: Record<string, RegExp> = Object.fromEntries(
  ['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes'].map((name) => [name, new RegExp(`</${name}`, 'gi')]),
)

// The start of a tag or of a comment; the rest of a tag is found with indexOf. (A regular
// expression for the whole tag backtracks quadratically over unclosed tags, and a
// character-by-character loop fell off V8's fast path on two-byte strings: this is linear
// and fast on both.)
const TAG_START = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)|<!--/g

// True when the open-tag depth somewhere exceeds `limit`. It over-counts a little, not knowing
// every implied end tag, which only matters far above any real page's depth.
export function nestsDeeperThan(html: string, limit: number = MAX_NESTING_DEPTH): boolean {
  const tags = new RegExp(TAG_START)
  let depth = 0
  for (;;) {
    const match = tags.exec(html)
    if (!match) return false
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', tags.lastIndex)
      if (end < 0) return false
      tags.lastIndex = end + 3
      continue
    }
    const gt = html.indexOf('>', tags.lastIndex)
    if (gt < 0) return false // no '>' left: no more tags either
    tags.lastIndex = gt + 1
    const closing = match[1] === '/'
    const name = (match[2] ?? '').toLowerCase()
    const rawEnd = RAW_TEXT_END[name]
    if (rawEnd) {
      if (closing) continue
      rawEnd.lastIndex = tags.lastIndex
      if (!rawEnd.exec(html)) return false
      tags.lastIndex = rawEnd.lastIndex
      continue
    }
    if (NOT_NESTING.has(name) || html.charCodeAt(gt - 1) === 47) continue
    depth = closing ? Math.max(0, depth - 1) : depth + 1
    if (depth > limit) return true
  }
}
