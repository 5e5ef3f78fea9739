// Raw bytes → ArticleDraft: size and binary checks, gzip, decoding, then the HTML or the
// plain-text extractor. Pure: no database, no network.
import { gunzipSync } from 'node:zlib'
import { decodeBytes } from './decode'
import { IngestError } from '../errors'
import { extractBody } from './html/body'
import { extractMetadata } from './html/metadata'
import { parseHtml } from './html/parse'
import { normalizeParagraph } from '../../text/normalize'
import { suspiciousTextWarnings } from './suspicious-text'
import { extractPlainText } from './text/plain-text'
import type { ArticleDraft } from '../types'

import { EXTRACTOR_VERSION } from './version'

// No real article page comes near this; a larger input is a mistake or an attack.
export const MAX_INPUT_BYTES = 20 * 1024 * 1024

export type ExtractOptions = {
  contentType?: string | null
  url?: string | null
  maxBytes?: number
}

function gunzipIfNeeded(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes })
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || String(error).includes('maxOutputLength')
    if (tooLarge) throw new IngestError('too-large', `Uncompressed, this file is over ${maxBytes / 1024 / 1024} MB.`)
    throw new IngestError('binary', 'This gzip file is damaged.')
  }
}

// Markup, not prose: a document that opens like HTML, or has enough block-level tags.
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart()
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]/i.test(head)) return true
  const tags = head.match(/<\/?(p|div|span|a|br|h[1-6]|article|section|meta|title|li|ul|table)\b[^>]*>/gi)
  return (tags?.length ?? 0) >= 3
}

export function extractArticle(input: Uint8Array, options: ExtractOptions = {}): ArticleDraft {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES
  if (input.length > maxBytes) {
    throw new IngestError('too-large', `This input is ${(input.length / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB.`)
  }
  const bytes = gunzipIfNeeded(input, maxBytes)
  const decoded = decodeBytes(bytes, options.contentType)
  if (!decoded.text.trim()) throw new IngestError('empty', 'The input is empty.')

  const draft: ArticleDraft = looksLikeHtml(decoded.text) ? extractHtml(decoded.text, options.url ?? null) : extractPlainText(decoded.text)
  draft.warnings.unshift(...decoded.warnings)
  if (draft.paragraphs.length === 0) throw new IngestError('no-article', 'No article text was found in this input.')
  draft.warnings.push(...suspiciousTextWarnings([draft.title ?? '', ...draft.paragraphs]))
  return draft
}

function extractHtml(html: string, url: string | null): ArticleDraft {
  const $ = parseHtml(html)
  const metadata = extractMetadata($, { url })
  const paragraphs = extractBody($, metadata.title, metadata.bylines)
    .map(normalizeParagraph)
    .filter((p) => p.length > 0)
  const warnings: string[] = []
  if (!metadata.published) warnings.push('No publication date found: an editor should supply it.')
  if (!metadata.title) warnings.push('No title found.')
  return { ...metadata, format: 'html', paragraphs, extractorVersion: EXTRACTOR_VERSION, warnings }
}
