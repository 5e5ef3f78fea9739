// Scoring suggestions against an editor's labels, as issue #9 measures them: a labelled claim
// is found when a suggestion of the same kind covers at least half of its words; precision
// counts suggestions that find some labelled claim. Used by scripts/eval-suggest.ts and tests.
import type { ClaimKind } from '../kinds'
import { normalizeForComparison } from '../../ingest/normalize'
import { normalizeName } from './names'
import type { KnownEntity, Suggestion } from './types'

export type GoldClaim = { kind: ClaimKind; speaker: string; subject: string; exact: string }
export type ClaimScore = { gold: GoldClaim; found: Suggestion | null; kindOk: boolean; speakerOk: boolean }
export type ArticleScore = { claims: ClaimScore[]; suggestions: Suggestion[]; falsePositives: Suggestion[] }
export type Totals = { gold: number; suggested: number; found: number; matched: number; kindOk: number; covered: number; speakerOk: number }

// Word tokens with their offsets: the unit of "half of its words".
function words(text: string, base = 0): { start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}_]+/gu)].map((m) => ({ start: base + m.index, end: base + m.index + m[0].length }))
}

// Where the labelled words are in the body; labels are compared after NFKC and white space folding.
export function locate(body: string, exact: string): [number, number] | null {
  const needle = normalizeForComparison(exact)
  const at = body.indexOf(needle)
  return at < 0 ? null : [at, at + needle.length]
}

function coverage(body: string, range: [number, number], s: Suggestion): number {
  const ws = words(body.slice(range[0], range[1]), range[0])
  if (ws.length === 0) return 0
  return ws.filter((w) => w.start >= s.start && w.end <= s.end).length / ws.length
}

// A speaker matches when the names agree after normalisation, or both name the same entity.
export function sameSpeaker(gold: string, suggested: string | null, entities: readonly KnownEntity[]): boolean {
  if (!suggested) return false
  const a = normalizeName(gold)
  const b = normalizeName(suggested)
  if (a === b) return true
  const entityOf = (n: string) => entities.find((e) => [e.name, ...e.aliases].some((x) => normalizeName(x) === n))
  const ea = entityOf(a)
  return ea !== undefined && ea === entityOf(b)
}

export function scoreArticle(body: string, gold: readonly GoldClaim[], suggestions: readonly Suggestion[], entities: readonly KnownEntity[] = []): ArticleScore {
  const ranges = gold.map((g) => locate(body, g.exact))
  const hits = (s: Suggestion, i: number) => {
    const range = ranges[i]
    return range !== null && range !== undefined && coverage(body, range, s) >= 0.5
  }
  const claims = gold.map((g, i): ClaimScore => {
    const covering = suggestions.filter((s) => hits(s, i))
    const found = covering.find((s) => s.kind === g.kind) ?? null
    return { gold: g, found, kindOk: found !== null, speakerOk: found !== null && sameSpeaker(g.speaker, found.speaker, entities) }
  })
  const falsePositives = suggestions.filter((s) => !gold.some((g, i) => g.kind === s.kind && hits(s, i)))
  return { claims, suggestions: [...suggestions], falsePositives }
}

// Kind accuracy is over labelled claims some suggestion covers, whatever its kind.
export function totals(scores: readonly ArticleScore[], body: (i: number) => string): Totals {
  const t: Totals = { gold: 0, suggested: 0, found: 0, matched: 0, kindOk: 0, covered: 0, speakerOk: 0 }
  scores.forEach((score, i) => {
    t.gold += score.claims.length
    t.suggested += score.suggestions.length
    t.matched += score.suggestions.length - score.falsePositives.length
    for (const c of score.claims) {
      const range = locate(body(i), c.gold.exact)
      const covered = range !== null && score.suggestions.some((s) => coverage(body(i), range, s) >= 0.5)
      if (covered) t.covered++
      if (c.found) t.found++
      if (c.found) t.kindOk++
      if (c.speakerOk) t.speakerOk++
    }
  })
  return t
}

export type Metrics = { precision: number; recall: number; kindAccuracy: number; speakerAccuracy: number }

export function metrics(t: Totals): Metrics {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b)
  return { precision: ratio(t.matched, t.suggested), recall: ratio(t.found, t.gold), kindAccuracy: ratio(t.kindOk, t.covered), speakerAccuracy: ratio(t.speakerOk, t.found) }
}
