// Claims as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), the format Hypothesis
// and other annotation tools exchange: one AnnotationCollection whose first (and only) page
// holds one Annotation per claim. Each annotation is identified by the claim's permanent page,
// targets the article's own URL with the claim's TextQuote and TextPosition selectors, and
// carries the claim's kind, speaker and subject as tags ("speaker:Name", "subject:Name": the
// form lib/interop/annotation-import.ts reads back), the editor's note as a comment and the
// verdict as an assessment.
//
// The positions count characters of Claimline's normalised article text, not of the original
// page's DOM: a tool anchoring on the live page must rely on the quote, as Hypothesis does.
import type { Selector } from '../anchoring/selectors'
import type { ExportClaim } from '../queries/interop'
import { articleSourceUrl, claimPageUrl, compact, type JsonObject, type PublicSite } from './claim-set'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

export type CollectionOptions = PublicSite & { id: string; label: string }

function selectorJson(selector: Selector): JsonObject {
  return selector.type === 'TextQuoteSelector'
    ? compact({ type: selector.type, exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix })
    : { type: selector.type, start: selector.start, end: selector.end }
}

function tag(value: string): JsonObject {
  return { type: 'TextualBody', purpose: 'tagging', value }
}

export function claimAnnotation(claim: ExportClaim, site: PublicSite): JsonObject {
  const body: JsonObject[] = [tag(claim.kind)]
  if (claim.speaker) body.push(tag(`speaker:${claim.speaker.name}`))
  if (claim.subject) body.push(tag(`subject:${claim.subject.name}`))
  if (claim.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' })
  if (claim.verdict) body.push(compact({ type: 'TextualBody', purpose: 'assessing', value: claim.verdict }))
  return {
    id: claimPageUrl(site, claim.id),
    type: 'Annotation',
    // Tagging words as a statement, denial, allegation… is what the model calls classifying.
    motivation: 'classifying',
    created: claim.createdAt.toISOString(),
    modified: claim.updatedAt.toISOString(),
    body,
    target: {
      source: articleSourceUrl(site, claim.article),
      selector: claim.target.map(selectorJson),
    },
  }
}

export function annotationCollection(claims: readonly ExportClaim[], options: CollectionOptions): JsonObject {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    total: claims.length,
    first: {
      id: `${options.id}#page-1`,
      type: 'AnnotationPage',
      partOf: options.id,
      startIndex: 0,
      items: claims.map((claim) => claimAnnotation(claim, options)),
    },
  }
}
