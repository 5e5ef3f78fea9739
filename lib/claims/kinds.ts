// The kinds of claim an editor tags, and the ways one claim answers another. Labels, keyboard
// shortcuts and colours live here so the reader, the tagging popover and the timeline agree.
import type { ClaimKind, LinkRelation } from '../generated/prisma/enums'

export type { ClaimKind, LinkRelation }

export const CLAIM_KINDS = [
  { kind: 'statement', label: 'Statement', key: 's', hint: 'the company’s own words' },
  { kind: 'denial', label: 'Denial', key: 'd', hint: 'the company denies something' },
  { kind: 'allegation', label: 'Allegation', key: 'a', hint: 'reported or alleged by others' },
  { kind: 'report', label: 'Report', key: 'r', hint: 'a factual report, no allegation' },
  { kind: 'other', label: 'Other', key: 'o', hint: 'anything else worth keeping' },
] as const satisfies readonly { kind: ClaimKind; label: string; key: string; hint: string }[]

export const CLAIM_KIND_VALUES = CLAIM_KINDS.map((k) => k.kind) as [ClaimKind, ...ClaimKind[]]

export function claimKindLabel(kind: ClaimKind): string {
  return CLAIM_KINDS.find((k) => k.kind === kind)?.label ?? kind
}

export const LINK_RELATIONS = [
  { relation: 'denies', label: 'denies', inverse: 'denied by' },
  { relation: 'responds_to', label: 'responds to', inverse: 'answered by' },
  { relation: 'confirms', label: 'confirms', inverse: 'confirmed by' },
  { relation: 'repeats', label: 'repeats', inverse: 'repeated by' },
] as const satisfies readonly { relation: LinkRelation; label: string; inverse: string }[]

export const LINK_RELATION_VALUES = LINK_RELATIONS.map((r) => r.relation) as [LinkRelation, ...LinkRelation[]]

export function relationLabel(relation: LinkRelation, direction: 'from' | 'to'): string {
  const entry = LINK_RELATIONS.find((r) => r.relation === relation)
  if (!entry) return relation
  return direction === 'from' ? entry.label : entry.inverse
}

// How sure the engine is of a suggestion or a proposed link, one way everywhere it shows.
export function confidenceLabel(confidence: number): string {
  return `${Math.round(confidence * 100)}% sure`
}
