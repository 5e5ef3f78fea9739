// schema.org JSON-LD for the hand-built claims, against the expected document, and Google's
// fact-check rules: our ClaimReviews pass, and documents missing what Google requires fail.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { checkFactCheckMarkup } from '@/lib/interop/fact-check-rules'
import { claimJsonLd, claimReviewJsonLd, schemaOrgDocument } from '@/lib/interop/schema-org'
import { CLAIMS, OPTIONS } from './sample-claims'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/interop')
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'schema-org.expected.jsonld'), 'utf8'))

// Google's own example shape, for the rejection cases to break one property at a time.
function review(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ '@context': 'https://schema.org', ...claimReviewJsonLd(CLAIMS[1]!, OPTIONS) }))
}

test('the claim set gives the expected document: reviewed claims inside their ClaimReview, the others as bare Claims', () => {
  expect(schemaOrgDocument(CLAIMS, OPTIONS)).toEqual(expected)
})

test('a claim without a verdict has no review; with one, the review names the newsroom, the rating and the claim page', () => {
  expect(claimReviewJsonLd(CLAIMS[0]!, OPTIONS)).toBeNull()
  const reviewed = claimReviewJsonLd(CLAIMS[1]!, OPTIONS)
  expect(reviewed).toMatchObject({
    '@type': 'ClaimReview',
    url: 'https://claims.example.org/claims/01970000-0000-7000-8000-00000000c002',
    author: { '@type': 'Organization', name: 'Example Newsroom' },
    datePublished: '2013-07-12T09:30:00.000Z',
    reviewRating: { '@type': 'Rating', alternateName: 'Misleading' },
    itemReviewed: claimJsonLd(CLAIMS[1]!, OPTIONS),
  })
})

test('Google’s rules accept the exported document: no errors, only the long-summary warning', () => {
  const report = checkFactCheckMarkup(schemaOrgDocument(CLAIMS, OPTIONS))
  expect(report.reviews).toBe(2)
  expect(report.errors).toEqual([])
  expect(report.warnings).toEqual([{ path: 'ClaimReview[1].claimReviewed', message: 'longer than 75 characters; it wraps on phones' }])
})

test.each([
  ['claimReviewed', (r: Record<string, unknown>) => delete r.claimReviewed, 'ClaimReview[0].claimReviewed'],
  ['reviewRating', (r: Record<string, unknown>) => delete r.reviewRating, 'ClaimReview[0].reviewRating'],
  [
    'reviewRating.alternateName',
    (r: Record<string, unknown>) => delete (r.reviewRating as Record<string, unknown>).alternateName,
    'ClaimReview[0].reviewRating.alternateName',
  ],
  ['url', (r: Record<string, unknown>) => delete r.url, 'ClaimReview[0].url'],
  ['a relative url', (r: Record<string, unknown>) => (r.url = '/claims/1'), 'ClaimReview[0].url'],
  [
    'a Rating of another type',
    (r: Record<string, unknown>) => ((r.reviewRating as Record<string, unknown>)['@type'] = 'AggregateRating'),
    'ClaimReview[0].reviewRating.@type',
  ],
  ['an author that is a string', (r: Record<string, unknown>) => (r.author = 'Example Newsroom'), 'ClaimReview[0].author'],
  [
    'an itemReviewed that is not a Claim',
    (r: Record<string, unknown>) => ((r.itemReviewed as Record<string, unknown>)['@type'] = 'CreativeWork'),
    'ClaimReview[0].itemReviewed',
  ],
  ['a date that is not ISO 8601', (r: Record<string, unknown>) => (r.datePublished = '12 July 2013'), 'ClaimReview[0].datePublished'],
  [
    'a numeric rating above bestRating',
    (r: Record<string, unknown>) => Object.assign(r.reviewRating as object, { ratingValue: 7, bestRating: 5, worstRating: 1 }),
    'ClaimReview[0].reviewRating.ratingValue',
  ],
  [
    'bestRating below worstRating',
    (r: Record<string, unknown>) => Object.assign(r.reviewRating as object, { bestRating: 1, worstRating: 5 }),
    'ClaimReview[0].reviewRating.bestRating',
  ],
])('a ClaimReview with %s missing or wrong is rejected', (_what, breakIt, path) => {
  const document = review()
  breakIt(document)
  const report = checkFactCheckMarkup(document)
  expect(report.errors.map((e) => e.path)).toContain(path)
})

test('a well-formed numeric scale is accepted alongside the textual rating', () => {
  const document = review()
  Object.assign(document.reviewRating as object, { ratingValue: '2', bestRating: 5, worstRating: 1 })
  expect(checkFactCheckMarkup(document).errors).toEqual([])
})

test('missing recommended properties are warnings, not errors', () => {
  const document = review()
  delete document.author
  delete document.datePublished
  const item = document.itemReviewed as Record<string, unknown>
  delete item.author
  delete item.appearance
  const report = checkFactCheckMarkup(document)
  expect(report.errors).toEqual([])
  expect(report.warnings.map((w) => w.path)).toEqual([
    'ClaimReview[0].author',
    'ClaimReview[0].datePublished',
    'ClaimReview[0].itemReviewed.author',
    'ClaimReview[0].itemReviewed.appearance',
  ])
})

test('a document without the schema.org context, or without any ClaimReview, is rejected', () => {
  const noContext = review()
  delete noContext['@context']
  expect(checkFactCheckMarkup(noContext).errors).toEqual([{ path: '$', message: '@context must be https://schema.org' }])
  expect(checkFactCheckMarkup({ '@context': 'https://schema.org', '@graph': [claimJsonLd(CLAIMS[0]!, OPTIONS)] }).errors).toEqual([
    { path: '$', message: 'no ClaimReview in the document' },
  ])
  expect(checkFactCheckMarkup('not json-ld').errors).toHaveLength(1)
})
