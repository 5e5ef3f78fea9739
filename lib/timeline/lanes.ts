// Which lane a claim belongs to on a company's timeline. "Said" holds what the company and its
// people said (their statements and denials — a speaker that is the company or is affiliated
// with it); "reported" holds what others alleged or reported about the company. A claim about
// the company by nobody known goes by its kind: a statement or a denial is the company's own
// (its speaker not yet set), an allegation or a report the press's account.
import type { ClaimKind } from '../claims/kinds'

export type Lane = 'said' | 'reported'

export type LaneInput = { kind: ClaimKind; speakerId: string | null; speakerAffiliationId: string | null; subjectId: string | null }

export function laneFor(claim: LaneInput, companyId: string): Lane | null {
  const companySpoke = claim.speakerId === companyId || claim.speakerAffiliationId === companyId
  if (companySpoke) return 'said'
  if (claim.subjectId !== companyId) return null
  if (claim.speakerId === null && (claim.kind === 'statement' || claim.kind === 'denial')) return 'said'
  return 'reported'
}
