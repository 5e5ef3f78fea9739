import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { requirePageUser } from '@/lib/auth/guard'
import { roleAllows } from '@/lib/auth/roles'
import { articleDay, formatPublished, isoPublished } from '@/lib/dates/format'
import { getArticle } from '@/lib/queries/articles'
import { formatByline } from '@/lib/ingest/extract/bylines'
import { safeHttpUrl } from '@/lib/urls'
import { listClaimsForArticle } from '@/lib/queries/claims'
import { listStories, listStoriesOfArticle, listStoriesOfClaims } from '@/lib/queries/stories'
import { StoryMembership } from '@/app/stories/StoryForms'
import { ExportLinks } from '@/app/components/ExportLinks'
import { Annotator } from './Annotator'
import { ArticleDetailsForm } from './ArticleDetailsForm'
import { toClaimViews, toSuggestionViews } from './to-views'
import { listOpenSuggestions } from '@/lib/queries/suggestions'
import { listOpenProposalsFor } from '@/lib/queries/link-proposals'
import { listClusterCopies } from '@/lib/queries/clusters'
import { ensureSuggestions } from '@/lib/claims/suggestions'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

const articleId = z.uuid()

async function load(params: Props['params']) {
  const { id } = await params
  const user = await requirePageUser('viewer', `/articles/${encodeURIComponent(id)}`)
  const parsed = articleId.safeParse(id)
  if (!parsed.success) notFound()
  const article = await getArticle(parsed.data)
  if (!article) notFound()
  return { article, user }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).article.title }
}

const SOURCE_LABEL: Record<string, string> = {
  jsonld: 'from the page’s structured data',
  meta: 'from the page’s meta tags',
  time: 'from the page’s time element',
  dateline: 'from the dateline',
  url: 'from the URL',
  editor: 'supplied by an editor',
}

// The article is readable whatever the suggestion engine does; "Suggest claims" retries.
// Returns why there are no suggestions when the engine ran into its limits on this text.
async function suggestOnFirstOpen(article: { id: string; suggestedWith: string | null; suggestFailure: string | null }): Promise<string | null> {
  try {
    return await ensureSuggestions(article)
  } catch (error) {
    console.error(`Suggesting claims for article ${article.id} failed:`, error)
    return null
  }
}

export default async function ArticlePage({ params }: Props) {
  const { article, user } = await load(params)
  const canEdit = roleAllows(user.role, 'editor')
  const suggestFailure = canEdit ? await suggestOnFirstOpen(article) : null
  const [claims, suggestions] = await Promise.all([listClaimsForArticle(article.id), canEdit ? listOpenSuggestions(article.id) : []])
  const [stories, articleStories, claimStories, proposals, copies] = await Promise.all([
    canEdit ? listStories() : [],
    listStoriesOfArticle(article.id),
    listStoriesOfClaims(claims.map((c) => c.id)),
    canEdit ? listOpenProposalsFor(claims.map((c) => c.id)) : [],
    listClusterCopies(claims.map((c) => c.id)),
  ])
  const storiesOf = new Map<string, { id: string; name: string }[]>()
  for (const row of claimStories) storiesOf.set(row.claimId, [...(storiesOf.get(row.claimId) ?? []), row.story])
  const published = formatPublished(article.publishedAt, article.publishedOffset)
  const original = safeHttpUrl(article.canonicalUrl ?? article.sourceUrl)
  return (
    <article>
      <h1>{article.title}</h1>
      {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
      <dl className="meta" aria-label="Article details">
        <dt>Outlet</dt>
        <dd>{article.outlet?.name ?? <span className="muted">unknown</span>}</dd>
        <dt>Byline</dt>
        <dd>{formatByline(article.bylines) ?? <span className="muted">none</span>}</dd>
        {article.dateline && (
          <>
            <dt>Dateline</dt>
            <dd>{article.dateline}</dd>
          </>
        )}
        <dt>Published</dt>
        <dd>
          {published && article.publishedAt ? (
            <>
              <time dateTime={isoPublished(article.publishedAt, article.publishedOffset)}>{published}</time>
              {article.publishedSource && <span className="muted"> · {SOURCE_LABEL[article.publishedSource]}</span>}
            </>
          ) : (
            <span className="flag">date needed</span>
          )}
        </dd>
        <dt>Stories</dt>
        <dd>
          {canEdit ? (
            <StoryMembership target={{ articleId: article.id }} stories={stories} member={articleStories} back={`/articles/${article.id}`} />
          ) : articleStories.length > 0 ? (
            articleStories.map((s) => s.name).join(', ')
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        {original && (
          <>
            <dt>Original</dt>
            <dd>
              <a href={original} rel="noopener noreferrer nofollow">
                {original}
              </a>
            </dd>
          </>
        )}
      </dl>
      {claims.length > 0 ? (
        <p className="muted small">
          <ExportLinks query={`article=${article.id}`} label="Export its claims" />
        </p>
      ) : null}
      {canEdit ? (
        <ArticleDetailsForm
          key={article.version}
          details={{
            id: article.id,
            version: article.version,
            title: article.title,
            published: article.publishedAt ? isoPublished(article.publishedAt, article.publishedOffset) : '',
            publishedSource: article.publishedSource ?? '',
            byline: formatByline(article.bylines) ?? '',
            outlet: article.outlet?.name ?? '',
          }}
        />
      ) : null}
      <Annotator
        articleId={article.id}
        bodyText={article.bodyText}
        claims={toClaimViews(article.bodyText, claims, storiesOf, proposals, copies)}
        suggestions={toSuggestionViews(article.bodyText, suggestions)}
        suggestFailure={suggestFailure}
        canEdit={canEdit}
        stories={stories}
        articleDay={articleDay(article.publishedAt, article.publishedOffset)}
      />
    </article>
  )
}
