// The search page's URL state: /search?q=<words>&type=article|claim&page=<n>. Bad values are
// dropped rather than refused, so a hand-edited URL still searches.
import { z } from 'zod'
import { SEARCH_TYPES, type SearchType } from '../queries/search'
import { searchText } from './query'

export const SEARCH_PAGE_SIZE = 10
// Search ranks a bounded set of matches (lib/queries/search.ts), so pages end well before this.
const MAX_PAGE = 100

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

export const searchPageParams = z.object({
  q: z
    .preprocess(first, searchText.optional())
    .catch(undefined)
    .transform((q) => q ?? ''),
  type: z.preprocess(first, z.enum(SEARCH_TYPES).optional()).catch(undefined),
  page: z
    .preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).optional())
    .catch(undefined)
    .transform((p) => p ?? 1),
})

export type SearchPageParams = z.infer<typeof searchPageParams>

export function searchPageHref(params: { q: string; type?: SearchType; page?: number }): string {
  const query = new URLSearchParams()
  if (params.q) query.set('q', params.q)
  if (params.type) query.set('type', params.type)
  if (params.page && params.page > 1) query.set('page', String(params.page))
  const text = query.toString()
  return text ? `/search?${text}` : '/search'
}
