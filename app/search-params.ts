import { z } from 'zod'

// The home page's URL state: ?q=<words in the title>&outlet=<id>&from=<day>&to=<day>&undated=1.
// Bad values are dropped rather than refused, so a hand-edited URL still shows the list.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const text = z.preprocess(first, z.string().optional()).transform((v) => v?.trim().slice(0, 200) || undefined)

export const articleSearchParams = z.object({
  q: text,
  outlet: z.preprocess(first, z.uuid().optional()).catch(undefined),
  from: z.preprocess(first, z.iso.date().optional()).catch(undefined),
  to: z.preprocess(first, z.iso.date().optional()).catch(undefined),
  undated: z.preprocess(first, z.literal('1').optional()).catch(undefined),
})

export type ArticleSearch = z.infer<typeof articleSearchParams>

export function articleListHref(search: ArticleSearch): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(search)) if (value) params.set(key, value)
  const query = params.toString()
  return query ? `/?${query}` : '/'
}
