// The claims an export covers, flattened to what the published formats (schema.org JSON-LD,
// W3C Web Annotation, CSV) say about them: plain data, so each format is a pure function of it
// and is tested on hand-built claims. lib/queries/interop.ts reads them from the database.
import type { ExportArticle } from '../queries/interop'

// Where the exported documents point: every claim and article by its permanent page on this
// Claimline (CLAIMLINE_PUBLIC_URL, else the address the request came to).
export type PublicSite = { baseUrl: string }

export function publicBase(url: string): string {
  return url.replace(/\/+$/, '')
}

export function claimPageUrl(site: PublicSite, claimId: string): string {
  return `${publicBase(site.baseUrl)}/claims/${claimId}`
}

export function articlePageUrl(site: PublicSite, articleId: string): string {
  return `${publicBase(site.baseUrl)}/articles/${articleId}`
}

// The article as the world knows it: its own URL when Claimline has one, else its page here.
export function articleSourceUrl(site: PublicSite, article: Pick<ExportArticle, 'id' | 'url'>): string {
  return article.url ?? articlePageUrl(site, article.id)
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

// JSON-LD leaves a property out rather than giving it null: drops the null and undefined ones.
export function compact(object: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(object)) if (value !== null && value !== undefined) out[key] = value
  return out
}
