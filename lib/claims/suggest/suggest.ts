// Candidate claims for an article's stored body text: every attributed statement (direct quotes,
// reported speech, "according to", hearsay, charges and denials) with its speaker, the company it
// concerns, its side and kind, and the allegations a company answer responds to — as offsets into
// the text (`bodyText.slice(start, end) === exact`). Pure, deterministic and linear in the text.
import { AttributionFinder, type Attribution } from './attribution'
import { proposeAnswers } from './answers'
import { endAtLaterCues, firstNotBefore } from './boundaries'
import { EntityIndex, type Entity } from './entities'
import { normalizeName } from './names'
import { decide, DENIAL, kindFor } from './kinds'
import { resolveSource, speakerOf, type Speaker, type SpeakerMemory } from './speakers'
import { parse, type Doc } from './text'
import type { SuggestOptions, Suggestion } from './types'

export type { AnswerLink, KnownEntity, Side, Suggestion, SuggestOptions } from './types'

// Longer texts are cut here: every step is linear, but an article is never this long and a
// bound keeps a hostile input's cost known (about 2 MB of text a second on one core).
export const MAX_SUGGEST_CHARS = 400_000

// Two rules on the same words: keep the surer one (ties: the longer span), drop the other. The
// spans kept are disjoint, so a sorted array and a binary search find any overlap: n log n. The
// one exception is a charge named inside a denial, kept beside it.
function withoutOverlaps(all: Attribution[]): Attribution[] {
  const found = all.filter((a) => !a.nested)
  const ranked = [...found].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Attribution[] = []
  for (const c of ranked) {
    const lo = firstNotBefore(kept, (k) => k.end <= c.start)
    if (lo < kept.length && kept[lo]!.start < c.end) continue
    kept.splice(lo, 0, c)
  }
  // A charge named inside a denial ("deny accusations of brutality") stays when its denial did.
  const nested = all.filter((a) => a.nested && kept.some((k) => k.stance === 'denial' && k.start <= a.start && a.end <= k.end))
  return nested.length === 0 ? kept : [...kept, ...nested].sort((a, b) => a.start - b.start || b.end - a.end)
}

export function suggestClaims(bodyText: string, options: SuggestOptions = {}): Suggestion[] {
  const text = bodyText.length > MAX_SUGGEST_CHARS ? bodyText.slice(0, MAX_SUGGEST_CHARS) : bodyText
  const doc = parse(text)
  const index = new EntityIndex(doc, options.entities ?? [])
  const attributions = withoutOverlaps(endAtLaterCues(doc, new AttributionFinder(doc).run()))
  const speakers = resolveSpeakers(doc, index, attributions)
  boostSpeakers(text, index, attributions, speakers)
  const focal = index.focal()
  const out: Suggestion[] = []
  for (let i = 0; i < attributions.length; i++) out.push(toSuggestion(text, index, attributions[i]!, speakers[i] ?? null, focal))
  takeDefendersSide(out, attributions, doc, focal)
  proposeAnswers(out, doc)
  return out
}

// Each attribution's speaker, in text order: a pronoun or a description resolves against the
// sources credited before it.
function resolveSpeakers(doc: Doc, index: EntityIndex, attributions: readonly Attribution[]): (Speaker | null)[] {
  const memory: SpeakerMemory = {}
  const speakers: (Speaker | null)[] = []
  for (const a of attributions) {
    const speaker: Speaker | null = a.source
      ? resolveSource(doc, index, a.source.first, a.source.last, memory)
      : a.implicitSource
        ? speakerOf(a.implicitSource, 'source')
        : null
    if (speaker && a.source) remember(memory, speaker)
    speakers.push(speaker)
  }
  return speakers
}

// Who denies is who is accused: an organisation that denies or declines to comment is what
// the article is about, more than one that is merely named often.
// Speaking counts too: an organisation quoted again and again ("the statement said", "it
// said") is named once but is what the article is about.
// Only the organisation itself counts for speaking ("the military said", "it said"), not an
// analyst's or a critic's employer.
function boostSpeakers(text: string, index: EntityIndex, attributions: readonly Attribution[], speakers: readonly (Speaker | null)[]): void {
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i]!
    const speaker = speakers[i]
    const org = speaker?.org
    if (!org || org.kind === 'outlet') continue
    const denies = a.stance === 'denial' || a.stance === 'comment' || DENIAL.test(text.slice(a.start, a.end))
    if (denies) index.boost(org, 5)
    else if (speaker.role === 'org') index.boost(org, 1)
  }
}

function toSuggestion(text: string, index: EntityIndex, a: Attribution, speaker: Speaker | null, focal: Entity | null): Suggestion {
  const exact = text.slice(a.start, a.end)
  const named: Entity[] = []
  for (const m of index.mentionsIn(a.start, a.end)) named.push(m.entity)
  for (const e of index.referencesIn(a.start, a.end)) named.push(e)
  const { side, kind, subject } = decide(speaker, a.stance, exact, named, focal)
  return {
    kind,
    side,
    exact,
    start: a.start,
    end: a.end,
    speaker: speaker?.name ?? null,
    ...(speaker?.entity?.id ? { speakerEntityId: speaker.entity.id } : {}),
    subject: subject?.name ?? null,
    ...(subject?.id ? { subjectEntityId: subject.id } : {}),
    confidence: speaker ? a.confidence : Math.min(a.confidence, 0.5),
    rule: a.rule,
    answers: [],
  }
}

// "Foreign Secretary Dominic Raab defended the party's actions, saying …", "Peng Mei … responded
// to the allegations, threatening legal action": whoever defends the focal organisation, or
// answers the charges against it, speaks for it in this article, whatever their title says.
const DEFENDS = /^defend(?:s|ed|ing)?\b/i
const ANSWERS_CHARGES =
  /\b(?:respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|hit(?:s|ting)? back)\s+(?:to|at)\s+(?:the|these|those|such)\s+(?:\S+\s+)?(?:allegations?|accusations?|claims|criticism|charges|reports?)\b/i
function takeDefendersSide(out: Suggestion[], attributions: readonly Attribution[], doc: Doc, focal: Entity | null): void {
  if (!focal) return
  // out[i] is attributions[i]'s suggestion.
  const defends = (s: Suggestion, a: Attribution) => {
    if (!s.speaker || !a.source) return false
    if (DEFENDS.test(s.exact)) return s.subject === focal.name
    const sentence = doc.sentences[a.sentence]
    return sentence !== undefined && ANSWERS_CHARGES.test(doc.text.slice(sentence.start, a.start))
  }
  const defenders = new Set(out.flatMap((s, i) => (defends(s, attributions[i]!) ? [normalizeName(s.speaker!)] : [])))
  if (defenders.size === 0) return
  out.forEach((s, i) => {
    if (s.side !== 'others' || !s.speaker || !defenders.has(normalizeName(s.speaker))) return
    out[i] = {
      ...s,
      side: 'company',
      kind: kindFor('company', attributions[i]!.stance, s.exact, [s.speaker, focal.name]),
      subject: focal.name,
      ...(focal.id ? { subjectEntityId: focal.id } : {}),
    }
  })
}

function remember(memory: SpeakerMemory, speaker: Speaker): void {
  memory.last = speaker
  if (speaker.role === 'person' && speaker.entity) memory.person = speaker
  if (speaker.role === 'org' || speaker.role === 'press') memory.org = speaker
  // "They …" goes back to the last plural source ("Protesters", "critics", "X and Y") or organisation.
  if (/\b(?:and|people|police)\b/i.test(speaker.name) || /[^s'’]s$/i.test(speaker.name) || speaker.role === 'org') memory.plural = speaker
}
