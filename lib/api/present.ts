// Database rows → the API's response shapes. Each function's return type is the zod schema's, so
// a field the OpenAPI document promises cannot be forgotten here. Dates go out as ISO strings:
// instants as date-times, claim days as YYYY-MM-DD.
import type { z } from 'zod'
import { claimTarget } from '../anchoring/selectors'
import type { getArticleDetails, listArticlesPage } from '../queries/articles'
import type { getClaimDetails, listClaimsPage } from '../queries/claims'
import type { EntitySummary, getEntityDetails } from '../queries/entities'
import type { getStoryDetails, listStoriesPage } from '../queries/stories'
import type { SearchResult } from '../search/search'
import type {
  articlePatchResponse,
  articleResponse,
  articleSummaryResponse,
  claimDetailResponse,
  claimResponse,
  entityDetailResponse,
  entityResponse,
  linkResponse,
  searchResultResponse,
  storyDetailResponse,
  storyResponse,
} from './schemas'

type Row<F extends (...args: never[]) => Promise<unknown>> = NonNullable<Awaited<ReturnType<F>>>
type Item<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number]

const iso = (date: Date) => date.toISOString()
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null)
const dayOrNull = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null)

export function presentEntity(entity: EntitySummary): z.infer<typeof entityResponse> {
  return { id: entity.id, kind: entity.kind, name: entity.name, aliases: entity.aliases, affiliation: entity.affiliation }
}

export function presentEntityDetail(entity: Row<typeof getEntityDetails>): z.infer<typeof entityDetailResponse> {
  return {
    ...presentEntity(entity),
    createdAt: iso(entity.createdAt),
    updatedAt: iso(entity.updatedAt),
    counts: { spokenClaims: entity._count.spokenClaims, aboutClaims: entity._count.aboutClaims, affiliates: entity._count.affiliates },
  }
}

export function presentArticleSummary(article: Item<typeof listArticlesPage>): z.infer<typeof articleSummaryResponse> {
  return {
    id: article.id,
    title: article.title,
    bylines: article.bylines,
    publishedAt: isoOrNull(article.publishedAt),
    publishedOffset: article.publishedOffset,
    publishedSource: article.publishedSource,
    outlet: article.outlet,
    claimCount: article._count.claims,
    ingestedAt: iso(article.ingestedAt),
    version: article.version,
  }
}

export function presentArticle(article: Row<typeof getArticleDetails>): z.infer<typeof articleResponse> {
  return {
    ...presentArticleSummary(article),
    standfirst: article.standfirst,
    dateline: article.dateline,
    language: article.language,
    sourceUrl: article.sourceUrl,
    canonicalUrl: article.canonicalUrl,
    bodyText: article.bodyText,
    extractorVersion: article.extractorVersion,
    extractionWarnings: article.extractionWarnings,
    duplicateOfId: article.duplicateOfId,
    updatedAt: iso(article.updatedAt),
  }
}

type ArticleDetailsRow = {
  title: string
  bylines: string[]
  publishedAt: Date | null
  publishedOffset: string | null
  publishedSource: z.infer<typeof articlePatchResponse>['publishedSource']
  outletId: string | null
  version: number
}

export function presentArticleDetails(id: string, details: ArticleDetailsRow): z.infer<typeof articlePatchResponse> {
  return { id, ...details, publishedAt: isoOrNull(details.publishedAt) }
}

export function presentClaim(claim: Item<typeof listClaimsPage>): z.infer<typeof claimResponse> {
  return {
    id: claim.id,
    articleId: claim.articleId,
    kind: claim.kind,
    quote: claim.quote,
    // Stored JSON: checked on the way out, as it was on the way in.
    target: claimTarget.parse(claim.target),
    status: claim.status,
    speaker: claim.speaker,
    subject: claim.subject,
    channel: claim.channel,
    claimDate: dayOrNull(claim.claimDate),
    note: claim.note,
    verdict: claim.verdict,
    verdictNote: claim.verdictNote,
    verdictAt: isoOrNull(claim.verdictAt),
    version: claim.version,
    createdAt: iso(claim.createdAt),
    updatedAt: iso(claim.updatedAt),
    article: claim.article,
  }
}

type LinkRow = { id: string; fromId: string; toId: string; relation: z.infer<typeof linkResponse>['relation']; createdAt: Date }

export function presentLink(link: LinkRow): z.infer<typeof linkResponse> {
  return { id: link.id, fromId: link.fromId, toId: link.toId, relation: link.relation, createdAt: iso(link.createdAt) }
}

export function presentClaimDetail(claim: Row<typeof getClaimDetails>): z.infer<typeof claimDetailResponse> {
  return { ...presentClaim(claim), linksFrom: claim.linksFrom.map(presentLink), linksTo: claim.linksTo.map(presentLink) }
}

export function presentStory(story: Item<typeof listStoriesPage>): z.infer<typeof storyResponse> {
  return {
    id: story.id,
    name: story.name,
    slug: story.slug,
    description: story.description,
    articleCount: story._count.articles,
    claimCount: story._count.claims,
    createdAt: iso(story.createdAt),
    updatedAt: iso(story.updatedAt),
  }
}

export function presentStoryDetail(story: Row<typeof getStoryDetails>): z.infer<typeof storyDetailResponse> {
  return {
    id: story.id,
    name: story.name,
    slug: story.slug,
    description: story.description,
    articleCount: story.articles.length,
    claimCount: story.claims.length,
    createdAt: iso(story.createdAt),
    updatedAt: iso(story.updatedAt),
    articles: story.articles.map((a) => a.article),
    claims: story.claims.map((c) => c.claim),
  }
}

export function presentSearchResult(result: SearchResult): z.infer<typeof searchResultResponse> {
  return {
    type: result.type,
    id: result.id,
    articleId: result.articleId,
    title: result.title,
    snippet: result.snippet.text,
    highlights: result.snippet.highlights,
    url: result.href,
    paragraph: result.paragraph,
    outlet: result.outlet,
    publishedAt: isoOrNull(result.publishedAt),
    kind: result.claim?.kind ?? null,
    claimDate: dayOrNull(result.claim?.claimDate ?? null),
    speaker: result.claim?.speaker ?? null,
  }
}
