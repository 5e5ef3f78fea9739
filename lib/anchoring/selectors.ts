// W3C Web Annotation selectors over an article's stored body text, as Hypothesis uses them:
// the quote with some context (survives edits that move the words) and the offsets
// (fast and exact while the text is unchanged).
import { z } from 'zod'

export const CONTEXT_LENGTH = 32

export const textQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
})

export const textPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
})

export const selector = z.discriminatedUnion('type', [textQuoteSelector, textPositionSelector])
export const claimTarget = z.array(selector).min(1)

export type TextQuoteSelector = z.infer<typeof textQuoteSelector>
export type TextPositionSelector = z.infer<typeof textPositionSelector>
export type Selector = z.infer<typeof selector>

export function describeRange(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!(start >= 0 && start < end && end <= text.length)) {
    throw new RangeError(`Range ${start}-${end} is not inside a text of ${text.length} characters`)
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ]
}

export function quoteOf(target: readonly Selector[]): string | null {
  const quote = target.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')
  return quote?.exact ?? null
}
