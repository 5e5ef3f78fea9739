// What an editor sends to create or change a claim, validated at the edge. The words are
// given as offsets into the article's stored text plus the exact words the browser saw; the
// server checks one against the other before building the selectors.
import { z } from 'zod'
import { CLAIM_KIND_VALUES, LINK_RELATION_VALUES } from './kinds'

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)

export const claimFields = z.object({
  kind: z.enum(CLAIM_KIND_VALUES, { error: 'Choose what kind of claim this is.' }),
  speakerId: z.union([z.literal(''), z.uuid()]).transform((v) => v || null),
  subjectId: z.union([z.literal(''), z.uuid()]).transform((v) => v || null),
  channel: optionalText(200),
  claimDate: z.union([z.literal(''), z.iso.date({ error: 'Give the claim date as YYYY-MM-DD.' })]).transform((v) => v || null),
  note: optionalText(2000),
})

export type ClaimFields = z.infer<typeof claimFields>

export const claimSelection = z
  .object({
    articleId: z.uuid(),
    start: z.coerce.number().int().min(0),
    end: z.coerce.number().int().min(1),
    exact: z.string().min(1).max(5000),
  })
  .refine((s) => s.end > s.start, 'Select some words first.')

export const claimVersion = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) })

export const claimLinkInput = z.object({
  fromId: z.uuid(),
  toId: z.uuid({ error: 'Pick the claim this one answers.' }),
  relation: z.enum(LINK_RELATION_VALUES),
})

// An editor's fact-check verdict on a claim: a short textual rating ("False", "Misleading",
// "Accurate"), as schema.org's Rating.alternateName carries it, and an optional explanation.
// An empty rating clears the verdict, and its note with it. The fields are exported on their own
// for the JSON API's PATCH, where either may be left out.
export const claimVerdictFields = z.object({
  verdict: z
    .string()
    .trim()
    .max(100, 'Give the verdict as a short rating, such as “False” or “Misleading”.')
    .transform((v) => v || null),
  verdictNote: optionalText(2000),
})

export const claimVerdictInput = claimVerdictFields.transform((v) => (v.verdict ? v : { verdict: null, verdictNote: null }))

export type ClaimVerdictInput = z.infer<typeof claimVerdictInput>
