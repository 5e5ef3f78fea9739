// Keeping the claim map current as claims arrive: each new (or re-kinded) claim joins the
// cluster of the same claim in another article, or starts its own; and a company's statement
// or denial is proposed as the answer to earlier allegations about the company in other
// articles. Incremental: a claim is compared with the few candidates full-text search finds
// among its company's claims, never with every claim.
import { getDb } from '../../db'
import type { ClaimKind, PrismaClient } from '../../generated/prisma/client'
import { recordAuditEvent } from '../../queries/audit'
import {
  createCluster,
  deleteEmptyClusters,
  findMatchCandidates,
  getClaimToMatch,
  setClaimCluster,
  type ClaimToMatch,
  type MatchCandidate,
} from '../../queries/clusters'
import { insertProposals, type NewProposal } from '../../queries/link-proposals'
import { claimSimilarity, contentSimilarity, SAME_CLAIM_THRESHOLD, sideOfKind, type MatchableClaim } from './match'

const CANDIDATES = 20
const KINDS_OF_SIDE: Record<'others' | 'company', ClaimKind[]> = { others: ['allegation', 'report'], company: ['statement', 'denial'] }

// An answer and an allegation share fewer words than two copies of one claim: a denial says
// "does not provide direct access" to "tapping directly into the central servers".
export const ANSWER_THRESHOLD = 0.2

function matchable(claim: { quote: string; kind: ClaimKind }, subject: ClaimToMatch): MatchableClaim {
  return {
    quote: claim.quote,
    kind: claim.kind,
    subjectId: subject.subjectId,
    subjectNames: subject.subject ? [subject.subject.name, ...subject.subject.aliases] : [],
  }
}

// The claim's cluster: the best-matching claim's, in another article or in its own (a lede and
// the paragraph that details it state one allegation), else a new one of its own. Editors'
// splits and merges stand.
export async function assignCluster(claimId: string, client: PrismaClient = getDb()): Promise<string | null> {
  return client.$transaction(async (tx) => {
    const claim = await getClaimToMatch(claimId, tx)
    if (!claim || claim.clusterBy === 'editor') return claim?.clusterId ?? null
    const side = sideOfKind(claim.kind)
    let best: { candidate: MatchCandidate; score: number } | null = null
    if (side && claim.subjectId) {
      const candidates = await findMatchCandidates(
        { id: claim.id, articleId: claim.articleId, subjectId: claim.subjectId },
        KINDS_OF_SIDE[side],
        { limit: CANDIDATES, sameArticle: true },
        tx,
      )
      for (const candidate of candidates) {
        const score = claimSimilarity(matchable(claim, claim), matchable(candidate, claim))
        if (score >= SAME_CLAIM_THRESHOLD && (!best || score > best.score)) best = { candidate, score }
      }
    }
    const previous = claim.clusterId
    let clusterId: string
    if (best) {
      clusterId = best.candidate.clusterId ?? (await createCluster(tx))
      await setClaimCluster(best.candidate.clusterId ? [claim.id] : [claim.id, best.candidate.id], clusterId, 'matcher', tx)
    } else if (previous && (await tx.claim.count({ where: { clusterId: previous } })) === 1) {
      return previous // alone in its own cluster already
    } else {
      clusterId = await createCluster(tx)
      await setClaimCluster([claim.id], clusterId, 'matcher', tx)
    }
    if (previous && previous !== clusterId) await deleteEmptyClusters([previous], tx)
    if (previous !== clusterId && best) {
      await recordAuditEvent(
        {
          actorId: null,
          action: 'claim.cluster',
          objectType: 'Claim',
          objectId: claim.id,
          before: { clusterId: previous },
          after: { clusterId, with: best.candidate.id, score: best.score, by: 'matcher' },
        },
        tx,
      )
    }
    return clusterId
  })
}

// An answer and what it answers, across articles: a company's statement or denial against the
// allegations and reports about the company in other articles up to its date, and a new
// allegation against the company's later answers. For each cluster on the other side, its
// best-matching claim is proposed, unless the two are linked already or were proposed before.
export async function proposeAnswersAcrossArticles(claimId: string, client: PrismaClient = getDb()): Promise<number> {
  const claim = await getClaimToMatch(claimId, client)
  const side = claim ? sideOfKind(claim.kind) : null
  if (!claim?.subjectId || !side) return 0
  const answering = side === 'company'
  const candidates = await findMatchCandidates(
    { id: claim.id, articleId: claim.articleId, subjectId: claim.subjectId },
    KINDS_OF_SIDE[answering ? 'others' : 'company'],
    { limit: CANDIDATES, ...(answering ? { notAfter: claim.claimDate } : { notBefore: claim.claimDate }) },
    client,
  )
  const bestOfCluster = new Map<string, { candidate: MatchCandidate; score: number }>()
  for (const candidate of candidates) {
    // A cluster with a copy in this article is the same-article matcher's to answer.
    if (candidate.clusterHasArticle) continue
    const score = contentSimilarity(matchable(claim, claim), matchable(candidate, claim))
    if (score < ANSWER_THRESHOLD) continue
    const key = candidate.clusterId ?? candidate.id
    const held = bestOfCluster.get(key)
    if (!held || score > held.score) bestOfCluster.set(key, { candidate, score })
  }
  const proposals: NewProposal[] = [...bestOfCluster.values()].map(({ candidate, score }) => {
    const answer = answering ? claim : candidate
    return {
      fromId: answer.id,
      toId: answering ? candidate.id : claim.id,
      relation: answer.kind === 'denial' ? 'denies' : 'responds_to',
      // Word overlap is weaker evidence of an answer than the same-article matcher's reading.
      confidence: Math.round(Math.min(0.9, 0.3 + score) * 100) / 100,
      origin: 'across-articles',
    }
  })
  return client.$transaction((tx) => insertProposals(proposals, tx))
}
