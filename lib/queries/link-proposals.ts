import { getDb } from '../db'
import type { LinkRelation, SuggestionStatus } from '../generated/prisma/client'
import { recordAuditEvents } from './audit'
import type { DbClient } from './client'

export type NewProposal = { fromId: string; toId: string; relation: LinkRelation; confidence: number; origin: 'same-article' | 'across-articles' }

const endSelect = {
  id: true,
  kind: true,
  quote: true,
  articleId: true,
  speaker: { select: { id: true, name: true } },
  article: { select: { id: true, title: true } },
} as const

// Open proposals that touch any of these claims, with both ends described.
export async function listOpenProposalsFor(claimIds: string[], client: DbClient = getDb()) {
  if (claimIds.length === 0) return []
  return client.linkProposal.findMany({
    where: { status: 'open', OR: [{ fromId: { in: claimIds } }, { toId: { in: claimIds } }] },
    orderBy: [{ confidence: 'desc' }, { id: 'asc' }],
    select: { id: true, fromId: true, toId: true, relation: true, confidence: true, origin: true, from: { select: endSelect }, to: { select: endSelect } },
  })
}

export type OpenProposal = Awaited<ReturnType<typeof listOpenProposalsFor>>[number]

// Stores the proposals that are new: a pair already linked (either way, any relation) or
// already proposed (either way, whatever became of it) is left alone, so a rejected proposal
// is never made again and a confirmed one never doubles its link.
export async function insertProposals(proposals: NewProposal[], client: DbClient = getDb()): Promise<number> {
  if (proposals.length === 0) return 0
  const ids = [...new Set(proposals.flatMap((p) => [p.fromId, p.toId]))]
  const [links, known] = await Promise.all([
    client.claimLink.findMany({ where: { fromId: { in: ids }, toId: { in: ids } }, select: { fromId: true, toId: true } }),
    client.linkProposal.findMany({ where: { fromId: { in: ids }, toId: { in: ids } }, select: { fromId: true, toId: true } }),
  ])
  const taken = new Set([...links, ...known].flatMap((p) => [`${p.fromId}>${p.toId}`, `${p.toId}>${p.fromId}`]))
  const fresh: NewProposal[] = []
  for (const p of proposals) {
    if (p.fromId === p.toId || taken.has(`${p.fromId}>${p.toId}`)) continue
    fresh.push(p)
    taken.add(`${p.fromId}>${p.toId}`).add(`${p.toId}>${p.fromId}`)
  }
  if (fresh.length === 0) return 0
  const created = await client.linkProposal.createManyAndReturn({
    data: fresh,
    skipDuplicates: true,
    select: { id: true, fromId: true, toId: true, relation: true, confidence: true, origin: true },
  })
  // The engine's proposals are part of the record (and an audited change moves the archive's
  // change counter, so cached timeline views show them).
  await recordAuditEvents(
    created.map((p) => ({
      actorId: null,
      action: 'link-proposal.create',
      objectType: 'Claim',
      objectId: p.fromId,
      after: { proposalId: p.id, relation: p.relation, toId: p.toId, confidence: p.confidence, origin: p.origin },
    })),
    client,
  )
  return created.length
}

export async function getProposal(id: string, client: DbClient = getDb()) {
  return client.linkProposal.findUnique({
    where: { id },
    select: {
      id: true,
      fromId: true,
      toId: true,
      relation: true,
      confidence: true,
      origin: true,
      status: true,
      from: { select: { articleId: true } },
      to: { select: { articleId: true } },
    },
  })
}

// Marks an open proposal decided; false when it was not open (decided meanwhile, or gone).
export async function decideProposalRecord(
  id: string,
  status: Exclude<SuggestionStatus, 'open'>,
  actorId: string,
  client: DbClient = getDb(),
): Promise<boolean> {
  const decided = await client.linkProposal.updateMany({ where: { id, status: 'open' }, data: { status, decidedById: actorId, decidedAt: new Date() } })
  return decided.count > 0
}
