// Article metadata from an HTML page.
import type { CheerioAPI } from 'cheerio'
import { normalizeParagraph } from '../normalize'
import type { ArticleMetadata } from '../types'

export type MetadataContext = { url: string | null }

function meta($: CheerioAPI, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = $(`meta[property="${key}"], meta[name="${key}"]`).first().attr('content')
    if (value && normalizeParagraph(value)) return normalizeParagraph(value)
  }
  return null
}

export function extractMetadata($: CheerioAPI, context: MetadataContext): ArticleMetadata {
  const title = meta($, 'og:title', 'twitter:title') ?? (normalizeParagraph($('h1').first().text()) || normalizeParagraph($('title').first().text()) || null)
  const author = meta($, 'author', 'article:author')
  return {
    title,
    standfirst: meta($, 'og:description', 'description'),
    bylines: author ? [author] : [],
    publisher: meta($, 'og:site_name'),
    dateline: null,
    published: null,
    canonicalUrl: $('link[rel="canonical"]').attr('href') ?? context.url,
    language: $('html').attr('lang') ?? null,
  }
}
