// Where a search result opens: a claim at its words in its article (/claims/<id>, which
// scrolls to them), an article at the paragraph the snippet is from when there is one.
import type { SearchType } from '../queries/search'

export function searchResultHref(hit: { type: SearchType; id: string; articleId: string; paragraph: number | null }): string {
  if (hit.type === 'claim') return `/claims/${hit.id}`
  return hit.paragraph === null ? `/articles/${hit.articleId}` : `/articles/${hit.articleId}#p-${hit.paragraph}`
}
