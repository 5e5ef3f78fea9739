// The timeline's whole state, as it lives in the URL: which companies (or a story), which kinds,
// outlets and speakers, which dates, what words. Parsed leniently: a bad value is dropped, so
// a hand-edited or old link still opens a view.
import { z } from 'zod'
import { CLAIM_KIND_VALUES } from '../claims/kinds'

const list = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.unknown()))
    .transform((values) =>
      values.flatMap((v) => {
        const parsed = item.safeParse(v)
        return parsed.success ? [parsed.data as z.infer<T>] : []
      }),
    )

const single = <T extends z.ZodType>(item: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), item.optional()).catch(undefined)

export const timelineParams = z.object({
  entity: list(z.uuid()).transform((ids) => [...new Set(ids)].slice(0, 4)),
  story: single(z.uuid()),
  kind: list(z.enum(CLAIM_KIND_VALUES)),
  outlet: single(z.uuid()),
  speaker: single(z.uuid()),
  from: single(z.iso.date()),
  to: single(z.iso.date()),
  q: single(z.string().trim().min(1).max(200)),
  // Only allegations nobody has answered yet (no statement or denial linked to any copy).
  unanswered: single(z.enum(['1'])),
})

export type TimelineParams = z.infer<typeof timelineParams>

export function timelineQueryString(params: Partial<TimelineParams>): string {
  const search = new URLSearchParams()
  for (const id of params.entity ?? []) search.append('entity', id)
  if (params.story) search.set('story', params.story)
  for (const kind of params.kind ?? []) search.append('kind', kind)
  for (const key of ['outlet', 'speaker', 'from', 'to', 'q', 'unanswered'] as const) {
    const value = params[key]
    if (value) search.set(key, value)
  }
  return search.toString()
}
