// Small readers shared by the metadata extractors.
import type { CheerioAPI } from 'cheerio'
import { repairMojibake } from '../mojibake'
import { nfkc, normalizeParagraph } from '../../../text/normalize'
import { elementsNamed, inOtherItem } from './elements'

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
  return metaIndex($).get(metaKey(key)) ?? []
}

// Dublin Core is written "DC.creator" in HTML 4 profiles and "dc:creator" as RDFa: one tag.
function metaKey(key: string): string {
  return key.toLowerCase().replace(/^(dc|dcterms):/, '$1.')
}

// One pass over the <meta> tags per document: a selector per key would walk the whole tree
// dozens of times, which costs seconds on a deeply nested page.
const indexes = new WeakMap<CheerioAPI, Map<string, string[]>>()

function metaIndex($: CheerioAPI): Map<string, string[]> {
  const cached = indexes.get($)
  if (cached) return cached
  const index = new Map<string, string[]>()
  for (const el of elementsNamed($, 'meta')) {
    // Repaired before NFKC, which would fold the "™" of a misread "’" to "TM".
    const content = normalizeParagraph(repairMojibake(el.attribs.content ?? ''))
    if (!content) continue
    // A comment's or a review's microdata speaks for that item, not the page.
    const attrs = inOtherItem(el) ? ['property', 'name'] : ['property', 'name', 'itemprop']
    for (const attr of attrs) {
      // RDFa allows several properties in one attribute: property="og:title twitter:title".
      for (const word of el.attribs[attr]?.split(/\s+/) ?? []) {
        if (!word) continue
        const key = metaKey(word)
        const values = index.get(key) ?? []
        values.push(content)
        index.set(key, values)
      }
    }
  }
  indexes.set($, index)
  return index
}

// What separates words ([\p{L}\p{M}\p{N}_]+), less the lone space that would be replaced by
// itself: folding is then one replacement, where matching the words and joining them built an
// array and a string per word.
const NOT_WORDS = /[^\p{L}\p{M}\p{N}_]{2,}|[^\p{L}\p{M}\p{N}_ ]/gu
// The same in ASCII text, where a Unicode property escape costs several times as much.
const ASCII_NOT_WORDS = /[^a-z0-9_]{2,}|[^a-z0-9_ ]/g
const NON_ASCII = /[^\x00-\x7f]/

// Text compared as the eval compares titles: case, compatibility forms and punctuation folded;
// the words joined by single spaces.
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(ASCII_NOT_WORDS, ' ').trim()
  return nfkc(text).toLowerCase().replace(NOT_WORDS, ' ').trim()
}
