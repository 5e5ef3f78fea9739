// Suggestions in the app: run the engine (lib/claims/suggest) over an article's stored text,
// leave out what is already a claim or was already decided, and store the rest for editors;
// accepting turns one into a claim, rejecting remembers the words so they are not proposed again.
import { claimTarget, describeRange } from '../anchoring/selectors'
import { anchorTarget } from '../anchoring/anchor'
import { articleDay } from '../dates/format'
import { getArticleBody, getSuggestFailure } from '../queries/articles'
import { listClaimTargets, type ClaimDetails } from '../queries/claims'
import { findEntityByName, findOrCreateEntity, listKnownEntities } from '../queries/entities'
import type { EntityKind } from '../generated/prisma/enums'
import {
  acceptSuggestionRecord,
  getSuggestion,
  listDecidedQuotes,
  rejectSuggestionRecord,
  replaceOpenSuggestions,
  SuggestionGoneError,
} from '../queries/suggestions'
import { analysisLimits, analysisPool } from '../workers/shared'
import { TaskError, type TaskLimits } from '../workers/pool'
import type { Suggestion } from './suggest/suggest'
import { SUGGESTER_VERSION } from './suggest/version'
import { updateClaimMap } from './claim-map'

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()

// A suggestion mostly inside an existing claim adds nothing.
function overlapShare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return overlap > 0 ? overlap / (a.end - a.start) : 0
}

// No real article has more claims worth proposing than this; a text built of thousands of
// "said"s would otherwise bury the editor (and the page) in suggestions.
export const MAX_OPEN_SUGGESTIONS = 200

function mostConfident(suggestions: Suggestion[]): Suggestion[] {
  if (suggestions.length <= MAX_OPEN_SUGGESTIONS) return suggestions
  return [...suggestions]
    .sort((a, b) => b.confidence - a.confidence || a.start - b.start)
    .slice(0, MAX_OPEN_SUGGESTIONS)
    .sort((a, b) => a.start - b.start)
}

// Suggesting is deferred from ingest (it costs ~70 ms an article, more than storing one) to the
// first time an editor opens the article, and redone there after the engine's rules change.
// Returns why the engine made no suggestions for this text, if it ran into its limits.
export async function ensureSuggestions(article: { id: string; suggestedWith: string | null; suggestFailure: string | null }): Promise<string | null> {
  if (article.suggestedWith === SUGGESTER_VERSION) return article.suggestFailure
  await refreshSuggestions(article.id, { onlyIfStale: true })
  return getSuggestFailure(article.id)
}

// Returns how many suggestions are now open, or null when another request refreshed them first.
export async function refreshSuggestions(articleId: string, options: { onlyIfStale?: boolean; limits?: TaskLimits } = {}): Promise<number | null> {
  const article = await getArticleBody(articleId)
  const [entities, claims, decided] = await Promise.all([listKnownEntities(), listClaimTargets(articleId), listDecidedQuotes(articleId)])
  const claimed = claims.flatMap((c) => {
    const target = claimTarget.safeParse(c.target)
    const anchor = target.success ? anchorTarget(article.bodyText, target.data) : null
    return anchor ? [anchor] : []
  })
  const seen = new Set(decided.map(normalise))
  let suggested: Suggestion[]
  try {
    // On an analysis worker, under its deadline and memory cap: the text is untrusted.
    suggested = await analysisPool().run('suggest', { bodyText: article.bodyText, options: { entities } }, options.limits ?? analysisLimits())
  } catch (error) {
    if (!(error instanceof TaskError) || (error.code !== 'timeout' && error.code !== 'memory')) throw error
    return replaceOpenSuggestions(articleId, [], SUGGESTER_VERSION, {
      onlyIfStale: options.onlyIfStale,
      failure: `No suggestions for this article: ${error.message.replace(/^It /, 'its text ')}`,
    })
  }
  const fresh = mostConfident(suggested.filter((s) => !seen.has(normalise(s.exact)) && claimed.every((c) => overlapShare(s, c) < 0.5)))
  return replaceOpenSuggestions(
    articleId,
    fresh.map((s) => ({
      kind: s.kind,
      target: describeRange(article.bodyText, s.start, s.end),
      quote: s.exact,
      speakerName: s.speaker,
      speakerId: s.speakerEntityId ?? null,
      subjectName: s.subject,
      subjectId: s.subjectEntityId ?? null,
      confidence: s.confidence,
      rule: s.rule,
    })),
    SUGGESTER_VERSION,
    { onlyIfStale: options.onlyIfStale },
  )
}

export { SuggestionGoneError }

// What kind of entity a name the engine found (but the newsroom does not know yet) most likely
// is, from its shape; null for sources that are not entities ("people familiar with the matter",
// "internal emails"), which a one-click accept leaves unattributed for the editor to settle.
export function guessEntityKind(name: string): EntityKind | null {
  if (/\b(documents?|sources?|e-?mails?|people|officials|filings?|records|reports?)\b/i.test(name)) return null
  if (/\b(Inc|Corp|Corporation|Ltd|LLC|plc|Group|Company|Co|Holdings|Bank|Motors|Airlines?|Technologies)\b\.?$/.test(name)) return 'company'
  if (/\b(Post|Times|Journal|Ledger|News|Guardian|Herald|Tribune|Gazette|Reuters|Bloomberg|Press|Telegraph|Observer|Chronicle)\b/.test(name)) return 'outlet'
  if (/\b(Agency|Commission|Department|Ministry|Authority|Office|Bureau|Court|Police|Regulator|Senate|Congress|Parliament|FBI|NSA|SEC|FTC)\b/.test(name))
    return 'agency'
  if (/^(?:[A-Z][\p{L}'’-]+\.? ){1,3}[A-Z][\p{L}'’-]+$/u.test(name.trim())) return 'person'
  return null
}

// A name the engine proposed, as an entity: the one the engine matched, else one the newsroom
// has under that name (it may have been added since the suggestion was made), else a new one
// when the name's shape says what it is.
async function entityIdFor(ref: { id: string | null; name: string | null }, fallbackKind: EntityKind | null): Promise<string | null> {
  if (ref.id) return ref.id
  const name = ref.name?.trim()
  if (!name) return null
  const known = await findEntityByName(name)
  if (known) return known.id
  const kind = guessEntityKind(name) ?? fallbackKind
  return kind ? (await findOrCreateEntity({ kind, name })).id : null
}

// One click: the suggestion as proposed. From the edit form: with the editor's fields.
export async function acceptSuggestion(id: string, actorId: string, fields?: ClaimDetails) {
  const suggestion = await getSuggestion(id)
  if (!suggestion || suggestion.status !== 'open') throw new SuggestionGoneError()
  const article = await getArticleBody(suggestion.articleId)
  const target = claimTarget.safeParse(suggestion.target)
  const anchor = target.success ? anchorTarget(article.bodyText, target.data) : null
  if (!anchor) throw new SuggestionGoneError()
  const selectors = describeRange(article.bodyText, anchor.start, anchor.end)
  const day = articleDay(article.publishedAt, article.publishedOffset)
  const subjectId = fields ? null : await entityIdFor({ id: suggestion.subjectId, name: suggestion.subjectName }, 'company')
  const created = await acceptSuggestionRecord(
    id,
    {
      articleId: article.id,
      target: selectors,
      quote: selectors[0].exact,
      ...(fields ?? {
        kind: suggestion.kind,
        subjectId,
        // ("Contoso denied …" about Contoso: the company speaks, and is the subject's entity.)
        speakerId:
          subjectId && suggestion.speakerName && normalise(suggestion.speakerName) === normalise(suggestion.subjectName ?? '')
            ? (suggestion.speakerId ?? subjectId)
            : await entityIdFor({ id: suggestion.speakerId, name: suggestion.speakerName }, null),
        channel: null,
        claimDate: day ? new Date(`${day}T00:00:00Z`) : null,
        note: null,
      }),
    },
    actorId,
  )
  await updateClaimMap(article.id, [created.id])
  return created
}

export async function rejectSuggestion(id: string, actorId: string): Promise<void> {
  await rejectSuggestionRecord(id, actorId)
}
