// An editor's correction of an article's details, shared by the article page's "Edit details"
// form and PATCH /api/articles/{id}: the outlet is found or created by name, and a date the
// editor gives (or clears) is recorded as the editor's, with its own offset. Versioned and
// audited by updateArticleDetails (edit.ts).
import { z } from 'zod'
import { publishedFields } from '../ingest/store/prepare'
import { findOrCreateOutlet } from '../queries/outlets'
import { updateArticleDetails } from './edit'

// The fields as the form and the API validate them.
export const articleTitle = z.string().trim().min(1, 'The title cannot be empty.').max(500)
export const articlePublishedAt = z.union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Give the date as YYYY-MM-DD, or a date-time with its offset, e.g. 2013-06-06T20:43:00-04:00.',
})
export const outletName = z.string().trim().max(200)

// A field left undefined is not changed; `publishedAt: null` clears the date (the article then
// shows as needing one), `publisher: null` clears the outlet.
export type ArticleDetailsChange = {
  title?: string
  bylines?: string[]
  publisher?: string | null
  publishedAt?: string | null
}

export async function editArticleDetails(id: string, expectedVersion: number, change: ArticleDetailsChange, actorId: string) {
  const published =
    change.publishedAt === undefined ? null : publishedFields(change.publishedAt ? { iso: change.publishedAt, source: 'editor', confidence: 1 } : null)
  const outletId = change.publisher === undefined ? undefined : change.publisher ? (await findOrCreateOutlet(change.publisher, null)).id : null
  return updateArticleDetails(
    id,
    expectedVersion,
    {
      title: change.title,
      bylines: change.bylines,
      outletId,
      ...(published
        ? {
            publishedAt: published.publishedAt,
            publishedOffset: published.publishedOffset,
            publishedSource: published.publishedSource === 'editor' ? 'editor' : null,
          }
        : {}),
    },
    actorId,
  )
}
