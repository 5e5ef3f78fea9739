import type { Metadata } from 'next'
import Link from 'next/link'
import { FilterForm } from '@/app/components/FilterForm'
import { requirePageUser } from '@/lib/auth/guard'
import { formatPublished } from '@/lib/dates/format'
import { countArticles, listArticles } from '@/lib/queries/articles'
import { listOutlets } from '@/lib/queries/outlets'
import { articleListHref, articleSearchParams } from './search-params'
import { ChoiceFilter, DateRangeFilter } from '@/app/components/Filters'

export const dynamic = 'force-dynamic'
// The layout's title template does not apply to its own segment.
export const metadata: Metadata = { title: { absolute: 'Articles · Claimline' } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function HomePage({ searchParams }: Props) {
  const search = articleSearchParams.parse(await searchParams)
  await requirePageUser('viewer', articleListHref(search))
  const filter = { q: search.q, outletId: search.outlet, from: search.from, to: search.to, undated: search.undated === '1' }
  const [articles, total, outlets] = await Promise.all([listArticles(filter), countArticles(filter), listOutlets()])
  const filtered = Boolean(search.q || search.outlet || search.from || search.to || search.undated)
  return (
    <>
      <h1>Articles</h1>
      <FilterForm className="search filters" action="/" label="Find articles">
        <label className="grow">
          Title
          <input id="q" name="q" type="search" defaultValue={search.q ?? ''} placeholder="Search titles" aria-label="Search titles" />
        </label>
        <ChoiceFilter label="Outlet" name="outlet" value={search.outlet} empty="any outlet" choices={outlets} />
        <DateRangeFilter fromLabel="Published from" toLabel="to" from={search.from} to={search.to} />
        <label className="check">
          <input name="undated" type="checkbox" value="1" defaultChecked={search.undated === '1'} /> date needed
        </label>
        <button type="submit">Search</button>
        {filtered ? <Link href="/">Clear</Link> : null}
      </FilterForm>
      {articles.length === 0 ? (
        <p className="muted">{search.q ? `No article title contains “${search.q}”.` : filtered ? 'No article matches these filters.' : 'No articles yet.'}</p>
      ) : (
        <table className="article-table">
          <caption className="muted list-caption">
            {search.q ? `${total} article${total === 1 ? '' : 's'} matching “${search.q}”` : `${total} article${total === 1 ? '' : 's'}`}
            {total > articles.length ? `, the ${articles.length} most recent shown` : ''}
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
