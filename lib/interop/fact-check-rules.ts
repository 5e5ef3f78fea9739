// Google's rules for fact-check markup (developers.google.com/search/docs/appearance/structured-data/factcheck),
// as a checker for any JSON-LD document: a missing required property or a value of the wrong
// kind is an error (Google would ignore the ClaimReview), a missing recommended property a
// warning. Claimline's tests run its own exports through it; it checks the vocabulary rules
// only, not the page-level ones (the review's URL on the same domain as the page showing it,
// one review per claim on the page), which depend on where the markup is published.

export type Issue = { path: string; message: string }
export type FactCheckReport = { reviews: number; errors: Issue[]; warnings: Issue[] }

type Node = Record<string, unknown>

const AGENT_TYPES = new Set(['Person', 'Organization', 'NewsMediaOrganization', 'GovernmentOrganization', 'Corporation', 'NGO', 'EducationalOrganization'])
// An ISO 8601 date, or date and time with an optional zone.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/
// Google shows claimReviewed on one line on phones; longer summaries wrap.
const CLAIM_SUMMARY_LENGTH = 75

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function typesOf(node: Node): string[] {
  const type = node['@type']
  const list = Array.isArray(type) ? type : [type]
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''))
}

function hasType(node: Node, types: Set<string> | string): boolean {
  return typesOf(node).some((t) => (typeof types === 'string' ? t === types : types.has(t)))
}

function nonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

function isIsoDate(value: unknown): boolean {
  return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value))
}

// A number, or a string holding one (schema.org allows Text for ratings).
function numeric(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return null
}

// Every ClaimReview at the top level, in an @graph, or in a top-level array.
function topLevelNodes(document: unknown): Node[] {
  if (Array.isArray(document)) return document.flatMap(topLevelNodes)
  if (!isNode(document)) return []
  const graph = document['@graph']
  return Array.isArray(graph) ? [document, ...graph.filter(isNode)] : [document]
}

function contextIsSchemaOrg(context: unknown): boolean {
  if (typeof context === 'string') return /^https?:\/\/schema\.org\/?$/.test(context)
  if (Array.isArray(context)) return context.some(contextIsSchemaOrg)
  return isNode(context) && contextIsSchemaOrg(context['@vocab'])
}

export function checkFactCheckMarkup(document: unknown): FactCheckReport {
  const errors: Issue[] = []
  const warnings: Issue[] = []
  const roots = Array.isArray(document) ? document.filter(isNode) : isNode(document) ? [document] : []
  if (roots.length === 0) return { reviews: 0, errors: [{ path: '$', message: 'not a JSON-LD object' }], warnings }
  roots.forEach((root, i) => {
    if (!contextIsSchemaOrg(root['@context'])) errors.push({ path: roots.length > 1 ? `$[${i}]` : '$', message: '@context must be https://schema.org' })
  })
  const reviews = topLevelNodes(document).filter((node) => hasType(node, 'ClaimReview'))
  if (reviews.length === 0) errors.push({ path: '$', message: 'no ClaimReview in the document' })
  reviews.forEach((review, i) => checkClaimReview(review, `ClaimReview[${i}]`, errors, warnings))
  return { reviews: reviews.length, errors, warnings }
}

function checkClaimReview(review: Node, path: string, errors: Issue[], warnings: Issue[]): void {
  // Required.
  if (!nonEmptyText(review.claimReviewed)) errors.push({ path: `${path}.claimReviewed`, message: 'required: a short summary of the claim (Text)' })
  else if (review.claimReviewed.length > CLAIM_SUMMARY_LENGTH)
    warnings.push({ path: `${path}.claimReviewed`, message: `longer than ${CLAIM_SUMMARY_LENGTH} characters; it wraps on phones` })
  if (!isHttpUrl(review.url)) errors.push({ path: `${path}.url`, message: 'required: the absolute URL of the page hosting the fact check' })
  checkRating(review.reviewRating, `${path}.reviewRating`, errors)

  // Recommended.
  if (review.author === undefined) warnings.push({ path: `${path}.author`, message: 'recommended: the publisher of the fact check (Organization or Person)' })
  else checkAgent(review.author, `${path}.author`, errors, warnings)
  if (review.datePublished === undefined) warnings.push({ path: `${path}.datePublished`, message: 'recommended: when the fact check was published' })
  else if (!isIsoDate(review.datePublished)) errors.push({ path: `${path}.datePublished`, message: 'must be an ISO 8601 date' })
  if (review.itemReviewed === undefined) warnings.push({ path: `${path}.itemReviewed`, message: 'recommended: the Claim being reviewed' })
  else checkClaim(review.itemReviewed, `${path}.itemReviewed`, errors, warnings)
}

function checkRating(rating: unknown, path: string, errors: Issue[]): void {
  if (!isNode(rating)) {
    errors.push({ path, message: 'required: the assessment of the claim (Rating)' })
    return
  }
  if (!hasType(rating, 'Rating')) errors.push({ path: `${path}.@type`, message: 'must be Rating' })
  if (!nonEmptyText(rating.alternateName))
    errors.push({ path: `${path}.alternateName`, message: 'required: the truthfulness rating as a short phrase ("False", "Misleading")' })
  // A numeric scale is optional; when given it has to make sense.
  const value = rating.ratingValue === undefined ? null : numeric(rating.ratingValue)
  const best = rating.bestRating === undefined ? null : numeric(rating.bestRating)
  const worst = rating.worstRating === undefined ? null : numeric(rating.worstRating)
  for (const key of ['ratingValue', 'bestRating', 'worstRating'] as const) {
    if (rating[key] !== undefined && numeric(rating[key]) === null) errors.push({ path: `${path}.${key}`, message: 'must be a number' })
  }
  if (best !== null && worst !== null && best <= worst) errors.push({ path: `${path}.bestRating`, message: 'must be greater than worstRating' })
  if (value !== null && ((best !== null && value > best) || (worst !== null && value < worst)))
    errors.push({ path: `${path}.ratingValue`, message: 'must lie between worstRating and bestRating' })
}

function checkAgent(agent: unknown, path: string, errors: Issue[], warnings: Issue[]): void {
  if (!isNode(agent)) {
    errors.push({ path, message: 'must be an Organization or Person' })
    return
  }
  if (!hasType(agent, AGENT_TYPES)) errors.push({ path: `${path}.@type`, message: 'must be Organization or Person' })
  if (!nonEmptyText(agent.name)) warnings.push({ path: `${path}.name`, message: 'recommended: the name of the person or organisation' })
}

function checkClaim(claim: unknown, path: string, errors: Issue[], warnings: Issue[]): void {
  if (!isNode(claim) || !hasType(claim, 'Claim')) {
    errors.push({ path, message: 'must be a Claim' })
    return
  }
  if (claim.author === undefined) warnings.push({ path: `${path}.author`, message: 'recommended: who made the claim (Organization or Person)' })
  else checkAgent(claim.author, `${path}.author`, errors, warnings)
  if (claim.datePublished === undefined) warnings.push({ path: `${path}.datePublished`, message: 'recommended: when the claim was made' })
  else if (!isIsoDate(claim.datePublished)) errors.push({ path: `${path}.datePublished`, message: 'must be an ISO 8601 date' })
  const appearances = [claim.appearance, claim.firstAppearance].filter((a) => a !== undefined)
  if (appearances.length === 0) warnings.push({ path: `${path}.appearance`, message: 'recommended: where the claim appeared (URL or CreativeWork)' })
  for (const appearance of appearances.flatMap((a) => (Array.isArray(a) ? a : [a]))) {
    const ok = isHttpUrl(appearance) || (isNode(appearance) && isHttpUrl(appearance.url))
    if (!ok) errors.push({ path: `${path}.appearance`, message: 'must be a URL or a CreativeWork with a url' })
  }
}
