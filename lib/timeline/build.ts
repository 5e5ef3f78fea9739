// From the claims the timeline query found to what the page draws: for each company, rows of
// day / week / month buckets with the "reported" and "said" lanes side by side, an undated
// tray, and the links between the items shown. A claim carried by several articles (one
// cluster) is one card, at its first appearance, listing the other copies. Pure, so it is
// tested without a database.
import type { ClaimKind, LinkRelation } from '../claims/kinds'
import type { TimelineClaim } from '../queries/timeline'
import { bucketOf, bucketSizeFor, type BucketSize } from './buckets'
import { laneFor, type Lane } from './lanes'

export type TimelineItem = {
  id: string
  kind: ClaimKind
  quote: string
  date: string | null
  speaker: string | null
  speakerId: string | null
  subject: string | null
  outlet: string | null
  bylines: string[]
  channel: string | null
  articleId: string
  articleTitle: string
  // The claim's cluster (the same claim in other articles), and whether any copy is answered.
  cluster: string | null
  answered: boolean
  // On a card: the other copies of its claim in this view, in order (empty for a lone claim).
  copies: TimelineItem[]
}

export type TimelineRow = { key: string; label: string; reported: TimelineItem[]; said: TimelineItem[] }
export type CompanyTimeline = { company: { id: string; name: string }; rows: TimelineRow[]; undated: Record<Lane, TimelineItem[]> }
// A confirmed link, or one the engine proposes (drawn dashed, with how sure it is) until an
// editor confirms or rejects it.
export type TimelineLink = { id: string; fromId: string; toId: string; relation: LinkRelation; status: 'confirmed' | 'proposed'; confidence: number | null }
// `cardOf`: the card each claim shown is drawn on (itself, or its cluster's first copy), so
// that links to any copy meet the card.
export type TimelineView = {
  size: BucketSize | null
  companies: CompanyTimeline[]
  links: TimelineLink[]
  items: TimelineItem[]
  cardOf: Record<string, string>
  truncated: boolean
}

export function toItem(claim: TimelineClaim): TimelineItem {
  return {
    id: claim.id,
    kind: claim.kind,
    quote: claim.quote,
    date: claim.claimDate ? claim.claimDate.toISOString().slice(0, 10) : null,
    speaker: claim.speaker?.name ?? null,
    speakerId: claim.speaker?.id ?? null,
    subject: claim.subject?.name ?? null,
    outlet: claim.article.outlet?.name ?? null,
    bylines: claim.article.bylines,
    channel: claim.channel,
    articleId: claim.article.id,
    articleTitle: claim.article.title,
    cluster: claim.clusterId,
    answered: claim.answered,
    copies: [],
  }
}

export function buildTimeline(claims: TimelineClaim[], companies: { id: string; name: string }[], truncated = false): TimelineView {
  const dated = claims.filter((c) => c.claimDate).map((c) => c.claimDate as Date)
  const first = dated[0]
  const last = dated.at(-1)
  const size = first && last ? bucketSizeFor(first, last) : null
  const shown = new Set<string>()
  const cardOf: Record<string, string> = {}
  const perCompany = companies.map((company) => {
    const rows = new Map<string, TimelineRow>()
    const undated: Record<Lane, TimelineItem[]> = { reported: [], said: [] }
    // This company's card for each cluster: the first copy in timeline order.
    const cards = new Map<string, TimelineItem>()
    for (const claim of claims) {
      const lane = laneFor(
        { kind: claim.kind, speakerId: claim.speaker?.id ?? null, speakerAffiliationId: claim.speaker?.affiliationId ?? null, subjectId: claim.subjectId },
        company.id,
      )
      if (!lane) continue
      shown.add(claim.id)
      const item = toItem(claim)
      const card = claim.clusterId ? cards.get(claim.clusterId) : undefined
      if (card) {
        card.copies.push(item)
        cardOf[claim.id] ??= card.id
        continue
      }
      if (claim.clusterId) cards.set(claim.clusterId, item)
      cardOf[claim.id] ??= claim.id
      if (!claim.claimDate || !size) {
        undated[lane].push(item)
        continue
      }
      const bucket = bucketOf(claim.claimDate, size)
      const row = rows.get(bucket.key) ?? { ...bucket, reported: [], said: [] }
      row[lane].push(item)
      rows.set(bucket.key, row)
    }
    return { company, rows: [...rows.values()].sort((a, b) => a.key.localeCompare(b.key)), undated }
  })
  const links = claims.flatMap((c): TimelineLink[] =>
    shown.has(c.id)
      ? [
          ...c.linksFrom
            .filter((l) => shown.has(l.toId))
            .map((l) => ({ id: l.id, fromId: c.id, toId: l.toId, relation: l.relation, status: 'confirmed' as const, confidence: null })),
          ...c.proposalsFrom
            .filter((p) => shown.has(p.toId))
            .map((p) => ({ id: p.id, fromId: c.id, toId: p.toId, relation: p.relation, status: 'proposed' as const, confidence: p.confidence })),
        ]
      : [],
  )
  return { size, companies: perCompany, links, items: claims.filter((c) => shown.has(c.id)).map(toItem), cardOf, truncated }
}
