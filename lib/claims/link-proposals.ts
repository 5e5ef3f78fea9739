// Proposed links between claims: the engine's guess at which answer responds to which
// allegation, shown dashed until an editor confirms it (it becomes an ordinary, audited link)
// or rejects it (remembered, never proposed again).
import { anchorTarget } from '../anchoring/anchor'
import { claimTarget } from '../anchoring/selectors'
import { getDb } from '../db'
import { DomainError } from '../errors'
import type { PrismaClient } from '../generated/prisma/client'
import { getArticleBody } from '../queries/articles'
import { recordAuditEvent } from '../queries/audit'
import { listClaimsToMatch } from '../queries/claims'
import { decideProposalRecord, getProposal, insertProposals } from '../queries/link-proposals'
import type { ClaimKind } from './kinds'
import { analysisLimits, analysisPool } from '../workers/shared'
import type { Side, Suggestion } from './suggest/types'

export class ProposalGoneError extends DomainError {
  constructor() {
    super('refused', 'This proposed link was already confirmed or rejected (perhaps by another editor), or one of its claims was deleted. Reload the page.')
  }
}

// One click: the proposal becomes a link with its relation, in one transaction with the mark
// and the audit record; a proposal someone decided meanwhile is refused.
export async function confirmProposal(id: string, actorId: string, client: PrismaClient = getDb()): Promise<{ linkId: string; articleIds: string[] }> {
  return client.$transaction(async (tx) => {
    const proposal = await getProposal(id, tx)
    if (!proposal || !(await decideProposalRecord(id, 'accepted', actorId, tx))) throw new ProposalGoneError()
    const { fromId, toId, relation } = proposal
    const link =
      (await tx.claimLink.findUnique({ where: { fromId_toId_relation: { fromId, toId, relation } } })) ??
      (await tx.claimLink.create({ data: { fromId, toId, relation } }))
    await recordAuditEvent(
      {
        actorId,
        action: 'claim.link',
        objectType: 'Claim',
        objectId: fromId,
        after: { linkId: link.id, relation, toId, proposalId: id, confidence: proposal.confidence },
      },
      tx,
    )
    return { linkId: link.id, articleIds: [proposal.from.articleId, proposal.to.articleId] }
  })
}

export async function rejectProposal(id: string, actorId: string, client: PrismaClient = getDb()): Promise<{ articleIds: string[] }> {
  return client.$transaction(async (tx) => {
    const proposal = await getProposal(id, tx)
    if (!proposal || !(await decideProposalRecord(id, 'rejected', actorId, tx))) throw new ProposalGoneError()
    await recordAuditEvent(
      {
        actorId,
        action: 'link-proposal.reject',
        objectType: 'Claim',
        objectId: proposal.fromId,
        after: { proposalId: id, relation: proposal.relation, toId: proposal.toId },
      },
      tx,
    )
    return { articleIds: [proposal.from.articleId, proposal.to.articleId] }
  })
}

const SIDE_OF_KIND: Record<ClaimKind, Side | null> = { statement: 'company', denial: 'company', allegation: 'others', report: 'others', other: null }

// Runs the engine's answer matcher (the one `claimline suggest` and the evaluation use) over
// an article's claims as they now stand, and stores what it proposes that is new. Called after
// every change to the article's claims.
export async function proposeLinksInArticle(articleId: string, client: PrismaClient = getDb()): Promise<number> {
  const [article, claims] = await Promise.all([getArticleBody(articleId, client), listClaimsToMatch(articleId, client)])
  const items: Suggestion[] = []
  const ids: string[] = []
  for (const c of claims) {
    const side = SIDE_OF_KIND[c.kind]
    const target = claimTarget.safeParse(c.target)
    const anchor = target.success ? anchorTarget(article.bodyText, target.data) : null
    if (!side || !anchor) continue
    items.push({
      kind: c.kind,
      side,
      exact: c.quote,
      start: anchor.start,
      end: anchor.end,
      speaker: c.speaker?.name ?? null,
      subject: c.subject?.name ?? null,
      confidence: 1,
      rule: 'claim',
      answers: [],
    })
    ids.push(c.id)
  }
  if (items.length < 2) return 0
  // Reading the article's sentences is CPU work on untrusted text: an analysis worker does it.
  const answers = await analysisPool().run('answers', { bodyText: article.bodyText, items }, analysisLimits())
  const proposals = answers.flatMap((found, i) =>
    found.flatMap((a) => {
      const fromId = ids[i]
      const toId = ids[a.to]
      return fromId && toId ? [{ fromId, toId, relation: a.relation, confidence: a.confidence, origin: 'same-article' as const }] : []
    }),
  )
  return client.$transaction((tx) => insertProposals(proposals, tx))
}
