// Candidate claims for an article's stored body text: direct quotes, reported speech, reports
// and allegations by others, denials — each with a kind, a speaker and a subject, as offsets
// into the text (`bodyText.slice(start, end) === exact`). Pure and deterministic.
import type { ClaimKind } from '../kinds'
import { isDenial } from './denials'
import { quoteCandidates, quotedRanges } from './quotes'
import { reportedCandidates } from './reported'
import { splitParagraphs, splitSentences } from './sentences'
import { EntityIndex, resolveSpeaker, speakerCompany, type Entity, type LastSpeaker, type Speaker } from './speakers'
import type { Candidate, SuggestOptions, Suggestion } from './types'

export type { AnswerLink, KnownEntity, Side, Suggestion, SuggestOptions } from './types'

const PRONOUN_SUBJECT = /\b(?:it|its|they|their|them|the company|the firm)\b/i

// Two rules on the same words: keep the surer one (ties: the longer span), drop the other.
function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Candidate[] = []
  for (const c of ranked) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c)
  return kept.sort((a, b) => a.start - b.start)
}

// The kind follows who speaks about whom: a company (or its people) on itself makes a
// statement or a denial; the press, documents and unnamed sources make allegations, and so
// does anyone speaking about another company (a regulator, a rival).
function decideKind(c: Candidate, exact: string, speaker: Speaker | null, subject: Entity | undefined, index: EntityIndex): ClaimKind {
  if (c.kind === 'denial') return 'denial'
  const role = speaker?.role ?? null
  if (role === 'press' || role === 'source') return 'allegation'
  const own = speakerCompany(speaker, index)
  if (role === 'self' && (!subject || own === subject)) {
    const names = [speaker!.name, ...(own ? [own.name, ...own.aliases] : [])]
    return isDenial(exact, names) ? 'denial' : 'statement'
  }
  if (role === 'self' || c.kind === 'allegation') return 'allegation'
  const opening = exact.split(/\s+/).slice(0, 4).join(' ')
  const aboutCompany = index.mentionsIn(c.start, c.start + opening.length).some((e) => e.kind === 'company')
  return role === 'other' && (aboutCompany || PRONOUN_SUBJECT.test(opening)) ? 'allegation' : 'statement'
}

// Whom it concerns: a company named in the claim; else the speaker's own company when that is
// the company the article is about (or there is none); else the company the article is about.
function subjectOf(c: Candidate, speaker: Speaker | null, index: EntityIndex): Entity | undefined {
  const named = index.mentionsIn(c.start, c.end).find((e) => e.kind === 'company')
  if (named) return named
  const own = speakerCompany(speaker, index)
  const salient = index.salientCompany()
  return !salient || own === salient ? (own ?? salient) : salient
}

export function suggestClaims(bodyText: string, options: SuggestOptions = {}): Suggestion[] {
  const paragraphs = splitParagraphs(bodyText)
  const sentences = splitSentences(bodyText)
  const index = new EntityIndex(options.entities ?? [], sentences)
  const quoted = quotedRanges(paragraphs)
  const candidates = withoutOverlaps([...quoteCandidates(bodyText, paragraphs, sentences), ...reportedCandidates(sentences, quoted)])
  const out: Suggestion[] = []
  let lastSpeaker: LastSpeaker | undefined
  for (const c of candidates) {
    const exact = bodyText.slice(c.start, c.end)
    const speaker = resolveSpeaker(c.speakerText, c.speakerAt, index, lastSpeaker)
    if (speaker && c.speakerText && EntityIndex.isHuman(c.speakerText, speaker)) lastSpeaker = { speaker, at: c.speakerAt }
    const subject = subjectOf(c, speaker, index)
    const kind = decideKind(c, exact, speaker, subject, index)
    out.push({
      kind,
      side: kind === 'statement' || kind === 'denial' ? 'company' : 'others',
      exact,
      start: c.start,
      end: c.end,
      speaker: speaker?.name ?? null,
      ...(speaker?.entity?.id ? { speakerEntityId: speaker.entity.id } : {}),
      subject: subject?.name ?? null,
      ...(subject?.id ? { subjectEntityId: subject.id } : {}),
      confidence: speaker ? c.confidence : Math.min(c.confidence, 0.5),
      rule: c.rule,
      answers: [],
    })
  }
  return out
}
