import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { formatPublished } from '@/lib/dates/format'
import { listArticles } from '@/lib/queries/articles'
import { articleSearchParams } from './search-params'

export const dynamic = 'force-dynamic'
// The layout's title template does not apply to its own segment.
export const metadata: Metadata = { title: { absolute: 'Articles · Claimline' } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function HomePage({ searchParams }: Props) {
  const { q } = articleSearchParams.parse(await searchParams)
  await requirePageUser('viewer', q ? `/?q=${encodeURIComponent(q)}` : '/')
  const articles = await listArticles({ q })
  return (
    <>
      <h1>Articles</h1>
      <form className="search" role="search" action="/">
        <input id="q" name="q" type="search" defaultValue={q ?? ''} placeholder="Search titles" aria-label="Search titles" />
        <button type="submit">Search</button>
      </form>
      {articles.length === 0 ? (
        <p className="muted">{q ? `No article title contains “${q}”.` : 'No articles yet.'}</p>
      ) : (
        <table className="article-table">
          <caption className="muted" style={{ textAlign: 'left', marginBottom: '0.5rem' }}>
            {q ? `${articles.length} article${articles.length === 1 ? '' : 's'} matching “${q}”` : `${articles.length} article${articles.length === 1 ? '' : 's'}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col" className="count">
                Claims
              </th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link href={`/articles/${article.id}`}>{article.title}</Link>
                </td>
                <td>{article.outlet?.name ?? <span className="muted">unknown</span>}</td>
                <td>{formatPublished(article.publishedAt, article.publishedOffset) ?? <span className="flag">date needed</span>}</td>
                <td className="count">{article._count.claims}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
