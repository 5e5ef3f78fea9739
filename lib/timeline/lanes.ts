// Which lane a claim belongs to on a company's timeline. "Said" holds what the company and its
// people said (their statements and denials — a speaker that is the company or is affiliated
// with it); "reported" holds what others alleged or reported about the company. A claim about
// the company by nobody known goes to "reported": it is the press's account.
import type { ClaimKind } from '../claims/kinds'

export type Lane = 'said' | 'reported'

export type LaneInput = { kind: ClaimKind; speakerId: string | null; speakerAffiliationId: string | null; subjectId: string | null }

export function laneFor(claim: LaneInput, companyId: string): Lane | null {
  const companySpoke = claim.speakerId === companyId || claim.speakerAffiliationId === companyId
  if (companySpoke) return 'said'
  if (claim.subjectId === companyId) return 'reported'
  return null
}
