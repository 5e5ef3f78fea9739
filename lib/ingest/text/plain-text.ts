// Text copied out of a browser: the article with whatever page chrome came along.
import { EXTRACTOR_VERSION } from '../version'
import { normalizeParagraph } from '../normalize'
import type { ArticleDraft } from '../types'

export function extractPlainText(text: string): ArticleDraft {
  const lines = text.split(/\r?\n/).map(normalizeParagraph).filter((line) => line.length > 0)
  return {
    format: 'text',
    title: lines[0] ?? null,
    standfirst: null,
    bylines: [],
    publisher: null,
    dateline: null,
    published: null,
    canonicalUrl: null,
    language: null,
    paragraphs: lines.slice(1),
    extractorVersion: EXTRACTOR_VERSION,
    warnings: ['No publication date found: an editor should supply it.'],
  }
}
