'use client'
// "Edit details": the editor corrects title, date (with its zone), byline and outlet in place.
import { useActionState, useState } from 'react'
import { saveArticleDetails, type DetailsState } from './actions'
import { FormError } from '@/app/components/FormError'

export type EditableDetails = {
  id: string
  version: number
  title: string
  published: string // ISO with offset, a bare day, or '' when unknown
  publishedSource: string
  byline: string
  outlet: string
}

const initial: DetailsState = { error: null, saved: false }

export function ArticleDetailsForm({ details }: { details: EditableDetails }) {
  const [open, setOpen] = useState(false)
  // A successful save re-renders the page with the article's new version as this
  // component's key, which remounts it closed, showing the saved details.
  const [state, action, pending] = useActionState(saveArticleDetails, initial)
  if (!open) {
    return (
      <p>
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Edit details
        </button>
      </p>
    )
  }
  return (
    <form action={action} className="details-form" aria-label="Edit article details">
      <input type="hidden" name="id" value={details.id} />
      <input type="hidden" name="version" value={details.version} />
      <input type="hidden" name="publishedBefore" value={details.published} />
      <input type="hidden" name="publishedSourceBefore" value={details.publishedSource} />
      <label htmlFor="title">Title</label>
      <input id="title" name="title" defaultValue={details.title} required />
      <label htmlFor="publishedAt">Published (YYYY-MM-DD, or date-time with offset; empty if unknown)</label>
      <input id="publishedAt" name="publishedAt" defaultValue={details.published} placeholder="2013-06-06T20:43:00-04:00" />
      <label htmlFor="bylines">Byline</label>
      <input id="bylines" name="bylines" defaultValue={details.byline} />
      <label htmlFor="outlet">Outlet</label>
      <input id="outlet" name="outlet" defaultValue={details.outlet} />
      <FormError error={state.error} />
      <div className="form-buttons">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
