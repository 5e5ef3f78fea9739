// Server side of the reader: anchors each stored claim in the article's text and flattens it
// (with both directions of its links) into what the client components need.
import { anchorTarget } from '@/lib/anchoring/anchor'
import { claimTarget } from '@/lib/anchoring/selectors'
import type { ArticleClaim } from '@/lib/queries/claims'
import type { listClusterCopies } from '@/lib/queries/clusters'
import type { OpenProposal } from '@/lib/queries/link-proposals'
import type { OpenSuggestion } from '@/lib/queries/suggestions'
import type { ClaimView, LinkView, ProposalView, SuggestionView } from './view-types'

type Copies = Awaited<ReturnType<typeof listClusterCopies>>

export function toClaimViews(
  bodyText: string,
  claims: ArticleClaim[],
  storiesOf: Map<string, { id: string; name: string }[]>,
  proposals: OpenProposal[] = [],
  copies: Copies = [],
): ClaimView[] {
  return claims.map((claim) => {
    const proposed = proposals.flatMap((p): ProposalView[] => {
      if (p.fromId === claim.id) return [{ id: p.id, relation: p.relation, direction: 'from', confidence: p.confidence, other: flatten(p.to) }]
      if (p.toId === claim.id) return [{ id: p.id, relation: p.relation, direction: 'to', confidence: p.confidence, other: flatten(p.from) }]
      return []
    })
    const target = claimTarget.safeParse(claim.target)
    const anchor = target.success ? anchorTarget(bodyText, target.data) : null
    const links: LinkView[] = [
      ...claim.linksFrom.map((l) => ({ id: l.id, relation: l.relation, direction: 'from' as const, other: flatten(l.to) })),
      ...claim.linksTo.map((l) => ({ id: l.id, relation: l.relation, direction: 'to' as const, other: flatten(l.from) })),
    ]
    return {
      id: claim.id,
      kind: claim.kind,
      quote: claim.quote,
      start: anchor?.start ?? null,
      end: anchor?.end ?? null,
      speaker: claim.speaker ? { id: claim.speaker.id, name: claim.speaker.name } : null,
      subject: claim.subject ? { id: claim.subject.id, name: claim.subject.name } : null,
      channel: claim.channel,
      claimDate: claim.claimDate ? claim.claimDate.toISOString().slice(0, 10) : null,
      note: claim.note,
      verdict: claim.verdict,
      verdictNote: claim.verdictNote,
      verdictAt: claim.verdictAt ? claim.verdictAt.toISOString() : null,
      version: claim.version,
      links,
      proposals: proposed,
      copies: (copies.find((c) => c.claimId === claim.id)?.copies ?? []).map((c) => ({
        id: c.id,
        quote: c.quote,
        date: c.claimDate ? c.claimDate.toISOString().slice(0, 10) : null,
        outlet: c.article.outlet?.name ?? null,
        articleId: c.article.id,
        articleTitle: c.article.title,
      })),
      stories: storiesOf.get(claim.id) ?? [],
    }
  })
}

type Linked = ArticleClaim['linksFrom'][number]['to']

function flatten(other: Linked): LinkView['other'] {
  return {
    id: other.id,
    kind: other.kind,
    quote: other.quote,
    speaker: other.speaker?.name ?? null,
    articleId: other.article.id,
    articleTitle: other.article.title,
  }
}

// Suggestions whose words can no longer be found are not shown: the next refresh replaces them.
export function toSuggestionViews(bodyText: string, suggestions: OpenSuggestion[]): SuggestionView[] {
  return suggestions.flatMap((s) => {
    const target = claimTarget.safeParse(s.target)
    const anchor = target.success ? anchorTarget(bodyText, target.data) : null
    if (!anchor) return []
    return [
      {
        id: s.id,
        kind: s.kind,
        quote: s.quote,
        start: anchor.start,
        end: anchor.end,
        speaker: s.speakerName ? { id: s.speakerId, name: s.speakerName } : null,
        subject: s.subjectName ? { id: s.subjectId, name: s.subjectName } : null,
        confidence: s.confidence,
      },
    ]
  })
}
