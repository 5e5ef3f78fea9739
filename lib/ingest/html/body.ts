// The article body from an HTML page, as normalised paragraphs.
import type { CheerioAPI } from 'cheerio'
import { normalizeParagraph } from '../normalize'

export function extractBody($: CheerioAPI): string[] {
  $('script, style, noscript, nav, header, footer, aside, form, figure, figcaption').remove()
  return $('p')
    .toArray()
    .map((p) => normalizeParagraph($(p).text()))
    .filter((text) => text.length >= 40)
}
