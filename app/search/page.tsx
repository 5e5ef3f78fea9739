// /search?q=…: full-text search of the coverage (article titles, standfirsts, bodies, claim
// quotes), best first; each result opens at its words: a claim in its article, an article at
// the paragraph of its snippet.
import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { claimKindLabel } from '@/lib/claims/kinds'
import { articleDay } from '@/lib/dates/format'
import { SEARCH_PAGE_SIZE, searchPageHref, searchPageParams } from '@/lib/search/params'
import { searchTheCoverage, type SearchResult } from '@/lib/search/search'
import { snippetSegments, type Snippet } from '@/lib/search/snippet'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Search' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// The matched words as <mark>, everything as text: no markup from the database or the
// article reaches the page.
function SnippetText({ snippet }: { snippet: Snippet }) {
  return <>{snippetSegments(snippet).map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}</>
}

function Result({ result }: { result: SearchResult }) {
  const day = result.claim ? (result.claim.claimDate?.toISOString().slice(0, 10) ?? null) : articleDay(result.publishedAt, result.publishedOffset)
  if (result.claim) {
    const speaker = result.claim.speaker?.name
    return (
      <li className="search-result">
        <p className="search-kind">
          <span className={`kind kind-${result.claim.kind}`}>{claimKindLabel(result.claim.kind)}</span>
          {speaker ? <span> {speaker}</span> : <span className="muted"> unattributed</span>}
          {day ? <time dateTime={day}> · {day}</time> : null}
        </p>
        <Link
          href={result.href}
          className="search-open"
          aria-label={`${claimKindLabel(result.claim.kind)}${speaker ? ` by ${speaker}` : ''}: open in “${result.title}”`}
        >
          <blockquote>
            “<SnippetText snippet={result.snippet} />”
          </blockquote>
        </Link>
        <p className="search-source muted">
          in {result.title}
          {result.outlet ? ` · ${result.outlet}` : ''}
        </p>
      </li>
    )
  }
  return (
    <li className="search-result">
      <p className="search-kind">
        <span className="kind">Article</span>
        <span className="muted">
          {result.outlet ? ` ${result.outlet}` : ''}
          {day ? <time dateTime={day}> · {day}</time> : null}
        </span>
      </p>
      <Link href={result.href} className="search-title">
        {result.title}
      </Link>
      <p className="search-snippet">
        <SnippetText snippet={result.snippet} />
      </p>
    </li>
  )
}

export default async function SearchPage({ searchParams }: Props) {
  const params = searchPageParams.parse(await searchParams)
  await requirePageUser('viewer', searchPageHref(params))
  const page = await searchTheCoverage({ text: params.q, type: params.type ?? null, offset: (params.page - 1) * SEARCH_PAGE_SIZE, limit: SEARCH_PAGE_SIZE })
  const first = (params.page - 1) * SEARCH_PAGE_SIZE + 1
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" aria-label="Refine the search" className="search filters">
        <label className="grow">
          Words
          <input name="q" type="search" defaultValue={params.q} placeholder='e.g. "direct access" -Skype' aria-label="Words to search for" />
        </label>
        <label>
          In
          <select name="type" defaultValue={params.type ?? ''}>
            <option value="">articles and claims</option>
            <option value="article">articles</option>
            <option value="claim">claims</option>
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      <p className="muted small">
        All the words are searched for, in any form (“denied” finds “denies”). Put words in quotes to find them in that order, a minus before a word to leave it
        out, or between words to take either.
      </p>
      {!params.q ? null : page.results.length === 0 ? (
        <p className="muted">{params.page > 1 ? 'No more results.' : `Nothing found for “${params.q}”.`}</p>
      ) : (
        <section aria-label="Results">
          <p className="muted list-caption">
            Results {first}–{first + page.results.length - 1} for “{params.q}”
          </p>
          <ol className="search-results" start={first}>
            {page.results.map((result) => (
              <Result key={result.id} result={result} />
            ))}
          </ol>
          {page.capped ? (
            <p className="muted small">Many articles or claims hold these words: the most recent of them are ranked here. Add words to reach older coverage.</p>
          ) : null}
          <nav aria-label="Result pages" className="search-pages">
            {params.page > 1 ? <Link href={searchPageHref({ ...params, page: params.page - 1 })}>Previous results</Link> : null}
            {page.more ? <Link href={searchPageHref({ ...params, page: params.page + 1 })}>More results</Link> : null}
          </nav>
        </section>
      )}
    </>
  )
}
