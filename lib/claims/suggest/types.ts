// The shapes the suggestion engine takes and returns. Pure data: no database, no React.
import type { ClaimKind, LinkRelation } from '../kinds'

export type EntityKind = 'company' | 'person' | 'agency' | 'outlet' | 'programme'

// An entity the newsroom already knows (in the app: the entities table). Aliases are the
// other ways articles name it ("Microsoft Corp", "the Post", "Smith").
export type KnownEntity = { id?: string; name: string; kind: EntityKind; aliases: string[]; affiliation?: string }

// Whose words: the company under scrutiny (or its people) or anyone else (press, sources,
// regulators, critics). Statements and denials are the company's; allegations and reports others'.
export type Side = 'company' | 'others'

// A proposed answer link: this suggestion (a company statement or denial) answers the one at
// index `to` in the same list (an allegation or report), with the relation an editor would pick.
export type AnswerLink = { to: number; relation: Extract<LinkRelation, 'denies' | 'responds_to' | 'confirms'>; confidence: number }

export type Suggestion = {
  kind: ClaimKind
  side: Side
  exact: string
  start: number
  end: number
  speaker: string | null
  speakerEntityId?: string
  subject: string | null
  subjectEntityId?: string
  confidence: number
  // Which rule proposed it, so an editor (and the eval) can see why.
  rule: string
  answers: AnswerLink[]
}

export type SuggestOptions = { entities?: KnownEntity[] }

// A claim before speaker and subject are resolved to entities: the rules produce these.
export type Candidate = {
  kind: ClaimKind
  start: number
  end: number
  // The words that name the speaker as written ("company lawyer Brad Smith", "He"), with
  // their offset so pronouns resolve against what came before.
  speakerText: string | null
  speakerAt: number
  confidence: number
  rule: string
}
