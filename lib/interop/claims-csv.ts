// Claims as a spreadsheet: one row per claim with its article, outlet, dates, speaker, subject,
// kind, quote, verdict and links. Written by lib/csv/write.ts, so quotes, commas and line
// breaks survive and no cell can run as a formula when the file is opened.
import { isoPublished } from '../dates/format'
import { toCsv } from '../csv/write'
import type { ExportClaim } from '../queries/interop'
import { articleSourceUrl, claimPageUrl, type PublicSite } from './claim-set'

export const CLAIM_CSV_HEADER = [
  'claim_id',
  'claim_url',
  'kind',
  'quote',
  'speaker',
  'subject',
  'channel',
  'claim_date',
  'note',
  'verdict',
  'verdict_note',
  'verdict_at',
  'status',
  'article_id',
  'article_title',
  'article_url',
  'outlet',
  'article_published',
  'bylines',
  'stories',
  'links',
] as const

export function claimsCsv(claims: readonly ExportClaim[], site: PublicSite): string {
  return toCsv(
    CLAIM_CSV_HEADER,
    claims.map((claim) => [
      claim.id,
      claimPageUrl(site, claim.id),
      claim.kind,
      claim.quote,
      claim.speaker?.name,
      claim.subject?.name,
      claim.channel,
      claim.claimDate,
      claim.note,
      claim.verdict,
      claim.verdictNote,
      claim.verdictAt?.toISOString(),
      claim.status,
      claim.article.id,
      claim.article.title,
      articleSourceUrl(site, claim.article),
      claim.article.outlet?.name,
      claim.article.publishedAt ? isoPublished(claim.article.publishedAt, claim.article.publishedOffset) : null,
      claim.article.bylines.join('; '),
      claim.stories.join('; '),
      // "denies https://…/claims/<id>": the relation and the claim it answers, by its address.
      claim.links.map((link) => `${link.relation} ${claimPageUrl(site, link.toId)}`).join('; '),
    ]),
  )
}
