import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { AddArticles } from './AddArticles'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Add articles' }

export default async function AddArticlesPage() {
  await requirePageUser('editor', '/articles/new')
  return (
    <>
      <h1>Add articles</h1>
      <p className="muted">
        Paste an article copied from a page, upload saved pages, or enter URLs and feeds. Duplicates are recognised and reported, not stored twice.
      </p>
      <AddArticles />
    </>
  )
}
