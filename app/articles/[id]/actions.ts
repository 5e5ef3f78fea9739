'use server'
// Editors correct an article's details in place; the change is audited under their name.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { guardedAction } from '@/lib/auth/guard'
import { formText } from '@/lib/http/form'
import { publishedFields } from '@/lib/ingest/ingest'
import { updateArticleDetails } from '@/lib/queries/articles'
import { StaleEditError } from '@/lib/queries/edits'
import { findOrCreateOutlet } from '@/lib/queries/outlets'

export type DetailsState = { error: string | null; saved: boolean }

const detailsForm = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  title: z.string().trim().min(1, 'The title cannot be empty.').max(500),
  publishedAt: z.union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'Give the date as YYYY-MM-DD, or a date-time with its offset, e.g. 2013-06-06T20:43:00-04:00.',
  }),
  publishedBefore: z.string(),
  publishedSourceBefore: z.enum(['jsonld', 'meta', 'time', 'dateline', 'url', 'editor', '']),
  bylines: z.string().max(1000),
  outlet: z.string().trim().max(200),
})

export const saveArticleDetails = guardedAction('editor', async (user, _previous: DetailsState, form: FormData): Promise<DetailsState> => {
  const parsed = detailsForm.safeParse(
    Object.fromEntries(['id', 'version', 'title', 'publishedAt', 'publishedBefore', 'publishedSourceBefore', 'bylines', 'outlet'].map((k) => [k, formText(form, k).trim()])),
  )
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Invalid details.', saved: false }
  const input = parsed.data
  // An unchanged date keeps where it came from; a changed (or cleared) one is the editor's.
  const dateChanged = input.publishedAt !== input.publishedBefore
  const published = dateChanged
    ? publishedFields(input.publishedAt ? { iso: input.publishedAt, source: 'editor', confidence: 1 } : null)
    : null
  const outletId = input.outlet ? (await findOrCreateOutlet(input.outlet, null)).id : null
  try {
    const saved = await updateArticleDetails(
      input.id,
      input.version,
      {
        title: input.title,
        bylines: input.bylines.split(/\s*(?:,|\band\b)\s*/).filter(Boolean),
        outletId,
        ...(published
          ? { publishedAt: published.publishedAt, publishedOffset: published.publishedOffset, publishedSource: published.publishedSource === 'editor' ? 'editor' : null }
          : {}),
      },
      user.id,
    )
    if (!saved) return { error: 'This article no longer exists.', saved: false }
  } catch (error) {
    if (error instanceof StaleEditError) return { error: error.message, saved: false }
    throw error
  }
  revalidatePath(`/articles/${input.id}`)
  return { error: null, saved: true }
})
