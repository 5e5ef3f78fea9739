// The shapes the suggestion engine takes and returns. Pure data: no database, no React.
import type { ClaimKind } from '../kinds'

export type EntityKind = 'company' | 'person' | 'agency' | 'outlet' | 'programme'

// An entity the newsroom already knows (in the app: the entities table). Aliases are the
// other ways articles name it ("Microsoft Corp", "the Post", "Smith").
export type KnownEntity = { id?: string; name: string; kind: EntityKind; aliases: string[]; affiliation?: string }

export type Suggestion = {
  kind: ClaimKind
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
