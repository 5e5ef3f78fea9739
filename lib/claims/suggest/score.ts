// Scoring suggestions against an editor's labels (scripts/eval-suggest.ts, tests).
//
// Matching rule: a suggestion and a labelled claim match when the word tokens they share are at
// least half of the SHORTER one's tokens, one to one: pairs are taken greedily by that share
// (then by the number of shared tokens), so one long suggestion spanning two labelled claims
// finds one of them, not both. Tokens are Unicode letter/digit runs, so quotation marks and
// punctuation at the edges never decide a match. A labelled claim whose words are not in the
// text (after NFKC and white-space folding) cannot be found and counts as a miss.
//
// What is reported over matched pairs: whether the side (company / others), the kind and the
// speaker agree. Speakers agree when their names are equal after normalisation, name the same
// known entity, or the content words of one are all among the other's ("Ken Doctor" and
// "veteran industry analyst Ken Doctor", "Doctor" and "Ken Doctor"; honorifics do not count).
//
// Answer links: a labelled link (answer → what it answers) is found when the suggestion matched
// to its answer proposes an answer link to the suggestion matched to what it answers; the
// relation is scored apart from that.
import type { ClaimKind } from '../kinds'
import { normalizeForComparison } from '../../text/normalize'
import { normalizeName } from './names'
import type { KnownEntity, Side, Suggestion } from './types'

export type GoldClaim = { kind: ClaimKind; side?: Side; speaker: string; subject: string; exact: string }
export type GoldLink = { from_exact: string; relation: string; to_exact: string }
type Range = readonly [number, number]

// --- tokens and spans -------------------------------------------------------------------------

// Token starts and ends of a text, so that a character range maps to a run of token indices.
export class Tokens {
  readonly starts: number[] = []
  readonly ends: number[] = []
  constructor(text: string) {
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      this.starts.push(m.index)
      this.ends.push(m.index + m[0].length)
    }
  }

  // Indices of the tokens wholly inside [start, end), as a half-open run [first, last).
  run(start: number, end: number): Range {
    let lo = 0
    let hi = this.starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.starts[mid]! < start) lo = mid + 1
      else hi = mid
    }
    let last = lo
    while (last < this.ends.length && this.ends[last]! <= end) last++
    return [lo, last]
  }

  // A span that may be in pieces (PolNeAR's discontinuous annotations) as token runs.
  runs(ranges: readonly Range[]): Range[] {
    return ranges.map(([a, b]) => this.run(a, b)).filter(([a, b]) => b > a)
  }
}

const size = (runs: readonly Range[]) => runs.reduce((n, [a, b]) => n + b - a, 0)

function shared(x: readonly Range[], y: readonly Range[]): number {
  let n = 0
  for (const [a, b] of x) for (const [c, d] of y) n += Math.max(0, Math.min(b, d) - Math.max(a, c))
  return n
}

// One-to-one pairs (gold index, suggestion index), greedy by the share of the shorter span.
export function matchSpans(gold: readonly (readonly Range[])[], suggested: readonly (readonly Range[])[]): Map<number, number> {
  const pairs: { g: number; s: number; share: number; common: number }[] = []
  gold.forEach((g, gi) => {
    const gs = size(g)
    if (gs === 0) return
    suggested.forEach((s, si) => {
      const common = shared(g, s)
      if (common === 0) return
      const share = common / Math.min(gs, size(s))
      if (share >= 0.5) pairs.push({ g: gi, s: si, share, common })
    })
  })
  pairs.sort((a, b) => b.share - a.share || b.common - a.common || a.g - b.g || a.s - b.s)
  const byGold = new Map<number, number>()
  const taken = new Set<number>()
  for (const p of pairs) {
    if (byGold.has(p.g) || taken.has(p.s)) continue
    byGold.set(p.g, p.s)
    taken.add(p.s)
  }
  return byGold
}

// Where the labelled words are in the body; labels are compared after NFKC and white space folding.
export function locate(body: string, exact: string): [number, number] | null {
  const at = body.indexOf(exact)
  if (at >= 0) return [at, at + exact.length]
  const needle = normalizeForComparison(exact)
  const folded = body.indexOf(needle)
  return folded < 0 ? null : [folded, folded + needle.length]
}

// --- speakers ---------------------------------------------------------------------------------

// Honorifics name no one: "Ms. Roe" is "Jane Roe".
const FILLER = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'at', 'in', 'on', 'by', 's', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov'])
const contentWords = (name: string) =>
  normalizeName(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !FILLER.has(w))

export function sameSpeaker(gold: string, suggested: string | null | undefined, entities: readonly KnownEntity[] = []): boolean {
  if (!suggested) return false
  const a = normalizeName(gold)
  const b = normalizeName(suggested)
  if (a === b) return true
  const entityOf = (n: string) => entities.find((e) => [e.name, ...e.aliases].some((x) => normalizeName(x) === n))
  const ea = entityOf(a)
  if (ea !== undefined && ea === entityOf(b)) return true
  const [x, y] = [contentWords(gold), contentWords(suggested)]
  const [short, long] = x.length <= y.length ? [x, y] : [y, x]
  return short.length > 0 && short.every((w) => long.includes(w))
}

// --- claims -----------------------------------------------------------------------------------

const COMPANY_KINDS = new Set<ClaimKind>(['statement', 'denial'])
export const sideOfKind = (kind: ClaimKind): Side => (COMPANY_KINDS.has(kind) ? 'company' : 'others')
const relationKey = (r: string) => r.replace(/_/g, '-').toLowerCase()

export type Pair = { gold: GoldClaim; suggestion: Suggestion; sideOk: boolean; kindOk: boolean; speakerOk: boolean }
export type ArticleScore = {
  gold: GoldClaim[]
  suggestions: Suggestion[]
  pairs: Pair[]
  misses: GoldClaim[]
  falsePositives: Suggestion[]
  links: {
    gold: number
    proposed: number
    found: number
    relationOk: number
    missed: GoldLink[]
    wrong: { from: Suggestion; to: Suggestion; relation: string }[]
  }
}

export function scoreArticle(
  body: string,
  gold: readonly GoldClaim[],
  suggestions: readonly Suggestion[],
  options: { links?: readonly GoldLink[]; entities?: readonly KnownEntity[] } = {},
): ArticleScore {
  const tokens = new Tokens(body)
  const goldRanges = gold.map((g) => locate(body, g.exact))
  const goldRuns = goldRanges.map((r) => (r ? tokens.runs([r]) : []))
  const suggestedRuns = suggestions.map((s) => tokens.runs([[s.start, s.end]]))
  const byGold = matchSpans(goldRuns, suggestedRuns)
  const goldOf = new Map<number, number>([...byGold].map(([g, s]) => [s, g]))
  const pairs: Pair[] = []
  const misses: GoldClaim[] = []
  gold.forEach((g, i) => {
    const si = byGold.get(i)
    if (si === undefined) return void misses.push(g)
    const s = suggestions[si]!
    const goldSide = g.side ?? sideOfKind(g.kind)
    pairs.push({
      gold: g,
      suggestion: s,
      sideOk: (s.side ?? sideOfKind(s.kind)) === goldSide,
      kindOk: s.kind === g.kind,
      speakerOk: sameSpeaker(g.speaker, s.speaker, options.entities),
    })
  })
  const falsePositives = suggestions.filter((_, i) => !goldOf.has(i))

  // Links: gold ends are claims (by their exact words); each proposed link is judged by the gold
  // claims its two ends matched.
  const goldIndex = (exact: string) => gold.findIndex((g) => normalizeForComparison(g.exact) === normalizeForComparison(exact))
  const goldLinks = (options.links ?? []).map((l) => ({ link: l, from: goldIndex(l.from_exact), to: goldIndex(l.to_exact) }))
  const proposed = suggestions.flatMap((s, si) => (s.answers ?? []).map((a) => ({ from: si, to: a.to, relation: a.relation })))
  let found = 0
  let relationOk = 0
  const hit = new Set<number>()
  const wrong: ArticleScore['links']['wrong'] = []
  for (const p of proposed) {
    const gf = goldOf.get(p.from)
    const gt = goldOf.get(p.to)
    const at = goldLinks.findIndex((l, li) => !hit.has(li) && l.from === gf && l.to === gt && gf !== undefined && gt !== undefined)
    if (at < 0) {
      wrong.push({ from: suggestions[p.from]!, to: suggestions[p.to]!, relation: p.relation })
      continue
    }
    hit.add(at)
    found++
    if (relationKey(goldLinks[at]!.link.relation) === relationKey(p.relation)) relationOk++
  }
  return {
    gold: [...gold],
    suggestions: [...suggestions],
    pairs,
    misses,
    falsePositives,
    links: { gold: goldLinks.length, proposed: proposed.length, found, relationOk, missed: goldLinks.filter((_, i) => !hit.has(i)).map((l) => l.link), wrong },
  }
}

// --- totals -----------------------------------------------------------------------------------

export type Totals = {
  gold: number
  suggested: number
  matched: number
  sideOk: number
  kindOk: number
  speakerOk: number
  bySide: Record<Side, { gold: number; found: number; suggested: number; right: number }>
  links: { gold: number; proposed: number; found: number; relationOk: number }
}

export function totals(scores: readonly ArticleScore[]): Totals {
  const t: Totals = {
    gold: 0,
    suggested: 0,
    matched: 0,
    sideOk: 0,
    kindOk: 0,
    speakerOk: 0,
    bySide: { company: { gold: 0, found: 0, suggested: 0, right: 0 }, others: { gold: 0, found: 0, suggested: 0, right: 0 } },
    links: { gold: 0, proposed: 0, found: 0, relationOk: 0 },
  }
  for (const a of scores) {
    t.gold += a.gold.length
    t.suggested += a.suggestions.length
    t.matched += a.pairs.length
    for (const g of a.gold) t.bySide[g.side ?? sideOfKind(g.kind)].gold++
    for (const s of a.suggestions) t.bySide[s.side ?? sideOfKind(s.kind)].suggested++
    for (const p of a.pairs) {
      const goldSide = p.gold.side ?? sideOfKind(p.gold.kind)
      t.bySide[goldSide].found++
      if (p.sideOk) t.bySide[goldSide].right++
      if (p.sideOk) t.sideOk++
      if (p.kindOk) t.kindOk++
      if (p.speakerOk) t.speakerOk++
    }
    t.links.gold += a.links.gold
    t.links.proposed += a.links.proposed
    t.links.found += a.links.found
    t.links.relationOk += a.links.relationOk
  }
  return t
}

export type Metrics = {
  recall: number
  precision: number
  speakerAccuracy: number
  sideAccuracy: number
  kindAccuracy: number
  companyRecall: number
  companyPrecision: number
  othersRecall: number
  othersPrecision: number
  linkRecall: number
  linkPrecision: number
}

export const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b)

// Per side: recall is the share of that side's labelled claims found (whatever side the match
// was given); precision the share of suggestions given that side that match a claim of it.
export function metrics(t: Totals): Metrics {
  return {
    recall: ratio(t.matched, t.gold),
    precision: ratio(t.matched, t.suggested),
    speakerAccuracy: ratio(t.speakerOk, t.matched),
    sideAccuracy: ratio(t.sideOk, t.matched),
    kindAccuracy: ratio(t.kindOk, t.matched),
    companyRecall: ratio(t.bySide.company.found, t.bySide.company.gold),
    companyPrecision: ratio(t.bySide.company.right, t.bySide.company.suggested),
    othersRecall: ratio(t.bySide.others.found, t.bySide.others.gold),
    othersPrecision: ratio(t.bySide.others.right, t.bySide.others.suggested),
    linkRecall: ratio(t.links.found, t.links.gold),
    linkPrecision: ratio(t.links.found, t.links.proposed),
  }
}
