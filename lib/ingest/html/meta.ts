// Small readers shared by the metadata extractors.
import type { CheerioAPI } from 'cheerio'
import { repairMojibake } from '../mojibake'
import { nfkc, normalizeParagraph } from '../normalize'
import { elementsNamed } from './elements'

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
  for (const el of elementsNamed($, 'meta')) {
    // Repaired before NFKC, which would fold the "™" of a misread "’" to "TM".
    const content = normalizeParagraph(repairMojibake(el.attribs.content ?? ''))
    if (!content) continue
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.attribs[attr]?.trim().toLowerCase()
      if (!key) continue
      const values = index.get(key) ?? []
      values.push(content)
      index.set(key, values)
    }
  }
  indexes.set($, index)
  return index
}

const WORD = /[\p{L}\p{M}\p{N}_]+/gu

// Text compared as the eval compares titles: case, compatibility forms and punctuation folded.
export function fold(text: string): string {
  return (nfkc(text).toLowerCase().match(WORD) ?? []).join(' ')
}
