// Searching the coverage: the words as typed in, a page of results with their snippets and the
// address each one opens out. Shared by the /search page and GET /api/search.
import type { ClaimKind } from '../generated/prisma/client'
import { searchCoverage, type SearchHit, type SearchType } from '../queries/search'
import { searchResultHref } from './links'
import { anyWordQuery, hasExclusion } from './query'
import { clipped, parseHeadline, type Snippet } from './snippet'

export type SearchResult = {
  type: SearchType
  id: string
  articleId: string
  title: string
  outlet: string | null
  publishedAt: Date | null
  publishedOffset: string | null
  snippet: Snippet
  paragraph: number | null
  href: string
  claim: { kind: ClaimKind; claimDate: Date | null; speaker: { id: string; name: string } | null } | null
}

// `more`: another page follows. `capped`: more matched than a search ranks; older matches were
// left out, and more words (or fewer common ones) reach them.
export type SearchPage = { results: SearchResult[]; more: boolean; capped: boolean }

export async function searchTheCoverage(input: { text: string; type: SearchType | null; offset: number; limit: number }): Promise<SearchPage> {
  if (!input.text) return { results: [], more: false, capped: false }
  const { hits, capped } = await searchCoverage(
    { text: input.text, anyWords: anyWordQuery(input.text), excludes: hasExclusion(input.text), type: input.type },
    { offset: input.offset, take: input.limit + 1 },
  )
  return { results: hits.slice(0, input.limit).map(toResult), more: hits.length > input.limit, capped }
}

function toResult(hit: SearchHit): SearchResult {
  return {
    type: hit.type,
    id: hit.id,
    articleId: hit.articleId,
    title: hit.title,
    outlet: hit.outlet,
    publishedAt: hit.publishedAt,
    publishedOffset: hit.publishedOffset,
    snippet: clipped(parseHeadline(hit.marked), hit.cutBefore, hit.cutAfter),
    paragraph: hit.paragraph,
    href: searchResultHref(hit),
    claim: hit.claim,
  }
}
