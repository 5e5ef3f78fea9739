// Claims as schema.org JSON-LD, the markup fact-checkers publish and search engines read:
// each claim is a `Claim` (its words, who made it, when, and the article it appears in as a
// `NewsArticle`); a claim an editor gave a verdict is published as the `ClaimReview` of that
// Claim, with the rating as Google's fact-check markup wants it (Rating.alternateName). The
// review's `url` is the claim's permanent page here, so it sits on the newsroom's own domain.
import { isoPublished } from '../dates/format'
import type { ExportArticle, ExportClaim, ExportEntity } from '../queries/interop'
import { articlePageUrl, articleSourceUrl, claimPageUrl, compact, type JsonObject, type PublicSite } from './claim-set'

export const SCHEMA_ORG_CONTEXT = 'https://schema.org'

export type SchemaOrgOptions = PublicSite & { organizationName: string }

// Google accepts Person or Organization as a claim's author; companies, agencies, outlets and
// programmes all speak as organisations.
function agent(entity: ExportEntity): JsonObject {
  return { '@type': entity.kind === 'person' ? 'Person' : 'Organization', name: entity.name }
}

function about(entity: ExportEntity): JsonObject {
  const type = entity.kind === 'person' ? 'Person' : entity.kind === 'programme' ? 'Thing' : 'Organization'
  return { '@type': type, name: entity.name }
}

export function newsArticleJsonLd(article: ExportArticle, site: PublicSite): JsonObject {
  return compact({
    '@type': 'NewsArticle',
    '@id': articlePageUrl(site, article.id),
    url: articleSourceUrl(site, article),
    headline: article.title,
    datePublished: article.publishedAt ? isoPublished(article.publishedAt, article.publishedOffset) : null,
    author: article.bylines.length > 0 ? article.bylines.map((name) => ({ '@type': 'Person', name })) : null,
    publisher: article.outlet
      ? compact({ '@type': 'NewsMediaOrganization', name: article.outlet.name, url: article.outlet.domain ? `https://${article.outlet.domain}` : null })
      : null,
    inLanguage: article.language,
  })
}

export function claimJsonLd(claim: ExportClaim, site: PublicSite): JsonObject {
  const url = claimPageUrl(site, claim.id)
  return compact({
    '@type': 'Claim',
    '@id': url,
    url,
    text: claim.quote,
    author: claim.speaker ? agent(claim.speaker) : null,
    datePublished: claim.claimDate,
    appearance: newsArticleJsonLd(claim.article, site),
    about: claim.subject ? about(claim.subject) : null,
    keywords: claim.kind,
  })
}

// Null for a claim without a verdict: there is no review to publish.
export function claimReviewJsonLd(claim: ExportClaim, options: SchemaOrgOptions): JsonObject | null {
  if (!claim.verdict) return null
  const url = claimPageUrl(options, claim.id)
  return compact({
    '@type': 'ClaimReview',
    '@id': `${url}#review`,
    url,
    claimReviewed: claim.quote,
    author: { '@type': 'Organization', name: options.organizationName, url: options.baseUrl },
    datePublished: claim.verdictAt ? claim.verdictAt.toISOString() : null,
    reviewRating: compact({ '@type': 'Rating', alternateName: claim.verdict, ratingExplanation: claim.verdictNote }),
    itemReviewed: claimJsonLd(claim, options),
  })
}

// One document for a set of claims: reviewed claims appear inside their ClaimReview (Google
// reads the Claim nested in itemReviewed, not a reference to it), the others as bare Claims.
export function schemaOrgDocument(claims: readonly ExportClaim[], options: SchemaOrgOptions): JsonObject {
  return {
    '@context': SCHEMA_ORG_CONTEXT,
    '@graph': claims.map((claim) => claimReviewJsonLd(claim, options) ?? claimJsonLd(claim, options)),
  }
}
