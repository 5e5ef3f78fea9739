// The shape the reader's client components receive for each claim: plain, serialisable, with
// where it sits in the text (null for an orphan whose words could not be found).
import type { ClaimKind, LinkRelation } from '@/lib/claims/kinds'

export type EntityRef = { id: string; name: string }

export type LinkView = {
  id: string
  relation: LinkRelation
  direction: 'from' | 'to'
  other: { id: string; kind: ClaimKind; quote: string; speaker: string | null; articleId: string; articleTitle: string }
}

// A link the engine proposes, shown dashed until an editor confirms or rejects it.
export type ProposalView = LinkView & { confidence: number }

export type ClaimView = {
  id: string
  kind: ClaimKind
  quote: string
  start: number | null
  end: number | null
  speaker: EntityRef | null
  subject: EntityRef | null
  channel: string | null
  claimDate: string | null
  note: string | null
  // An editor's fact-check verdict ("False", "Misleading"…), its explanation and when it was given.
  verdict: string | null
  verdictNote: string | null
  verdictAt: string | null
  version: number
  links: LinkView[]
  // Open proposals, for editors only (empty for viewers).
  proposals: ProposalView[]
  // The same claim in other articles (and elsewhere in this one): its cluster's other claims.
  copies: { id: string; quote: string; date: string | null; outlet: string | null; articleId: string; articleTitle: string }[]
  stories: EntityRef[]
}

// A proposed claim, shown dashed until an editor accepts, edits or rejects it.
export type SuggestionView = {
  id: string
  kind: ClaimKind
  quote: string
  start: number
  end: number
  speaker: { id: string | null; name: string } | null
  subject: { id: string | null; name: string } | null
  confidence: number
}
