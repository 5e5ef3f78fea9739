'use server'
// Editors correct an article's details in place; the change is audited under their name.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { articlePublishedAt, articleTitle, editArticleDetails, outletName } from '@/lib/articles/details'
import { guardedAction } from '@/lib/auth/guard'
import { refusalMessage } from '@/lib/errors'
import { formText } from '@/lib/http/form'
import { firstIssue } from '@/lib/validation'

export type DetailsState = { error: string | null; saved: boolean }

const detailsForm = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  title: articleTitle,
  publishedAt: articlePublishedAt,
  publishedBefore: z.string(),
  publishedSourceBefore: z.enum(['jsonld', 'meta', 'time', 'dateline', 'url', 'editor', '']),
  bylines: z.string().max(1000),
  outlet: outletName,
})

export const saveArticleDetails = guardedAction('editor', async (user, _previous: DetailsState, form: FormData): Promise<DetailsState> => {
  const parsed = detailsForm.safeParse(
    Object.fromEntries(
      ['id', 'version', 'title', 'publishedAt', 'publishedBefore', 'publishedSourceBefore', 'bylines', 'outlet'].map((k) => [k, formText(form, k).trim()]),
    ),
  )
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Invalid details.'), saved: false }
  const input = parsed.data
  // An unchanged date keeps where it came from; a changed (or cleared) one is the editor's.
  const dateChanged = input.publishedAt !== input.publishedBefore
  try {
    const saved = await editArticleDetails(
      input.id,
      input.version,
      {
        title: input.title,
        bylines: input.bylines.split(/\s*(?:,|\band\b)\s*/).filter(Boolean),
        publisher: input.outlet || null,
        publishedAt: dateChanged ? input.publishedAt || null : undefined,
      },
      user.id,
    )
    if (!saved) return { error: 'This article no longer exists.', saved: false }
  } catch (error) {
    return { error: refusalMessage(error), saved: false }
  }
  revalidatePath(`/articles/${input.id}`)
  return { error: null, saved: true }
})
