import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { roleAllows } from '@/lib/auth/roles'
import { listStories } from '@/lib/queries/stories'
import { ExportLinks } from '@/app/components/ExportLinks'
import { NewStoryForm } from './StoryForms'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Stories' }

export default async function StoriesPage() {
  const user = await requirePageUser('viewer', '/stories')
  const stories = await listStories()
  return (
    <>
      <h1>Stories</h1>
      <p className="muted">
        A story groups the articles and claims of one affair, and opens as a timeline. Editors add articles from the article page and claims from their cards.
      </p>
      {stories.length === 0 ? (
        <p className="muted">No stories yet.</p>
      ) : (
        <table className="article-table">
          <thead>
            <tr>
              <th scope="col">Story</th>
              <th scope="col">Covers</th>
              <th scope="col" className="count">
                Articles
              </th>
              <th scope="col" className="count">
                Claims
              </th>
              <th scope="col">Export claims</th>
            </tr>
          </thead>
          <tbody>
            {stories.map((story) => (
              <tr key={story.id}>
                <td>
                  <Link href={`/timeline?story=${story.id}`}>{story.name}</Link>
                </td>
                <td>{story.description ?? <span className="muted">—</span>}</td>
                <td className="count">{story._count.articles}</td>
                <td className="count">{story._count.claims}</td>
                <td className="small">
                  <ExportLinks query={`story=${story.id}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {roleAllows(user.role, 'editor') ? (
        <section className="add-section" aria-labelledby="new-story">
          <h2 id="new-story">New story</h2>
          <NewStoryForm />
        </section>
      ) : null}
    </>
  )
}
