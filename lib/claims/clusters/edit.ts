// An editor's word on clusters: "not the same claim" takes a claim out of its cluster into one
// of its own; "the same claim as that one" puts the two clusters together. Both are audited,
// and the matcher leaves the claims an editor placed where they are.
import { getDb } from '../../db'
import { DomainError } from '../../errors'
import type { PrismaClient } from '../../generated/prisma/client'
import { recordAuditEvent } from '../../queries/audit'
import { createCluster, deleteEmptyClusters, getClaimToMatch, listClusterMembers, setClaimCluster } from '../../queries/clusters'

export class ClusterEditError extends DomainError {
  constructor(message: string) {
    super('refused', message)
  }
}

export async function splitClaim(claimId: string, actorId: string, client: PrismaClient = getDb()): Promise<string> {
  return client.$transaction(async (tx) => {
    const claim = await getClaimToMatch(claimId, tx)
    if (!claim) throw new ClusterEditError('No such claim.')
    const previous = claim.clusterId
    const clusterId = await createCluster(tx)
    await setClaimCluster([claim.id], clusterId, 'editor', tx)
    if (previous) await deleteEmptyClusters([previous], tx)
    await recordAuditEvent(
      {
        actorId,
        action: 'claim.cluster',
        objectType: 'Claim',
        objectId: claim.id,
        before: { clusterId: previous },
        after: { clusterId, by: 'editor', split: true },
      },
      tx,
    )
    return clusterId
  })
}

// Every claim of `claimId`'s cluster joins `sameAsId`'s cluster.
export async function mergeClaims(claimId: string, sameAsId: string, actorId: string, client: PrismaClient = getDb()): Promise<string> {
  if (claimId === sameAsId) throw new ClusterEditError('A claim is already the same as itself.')
  return client.$transaction(async (tx) => {
    const [claim, target] = await Promise.all([getClaimToMatch(claimId, tx), getClaimToMatch(sameAsId, tx)])
    if (!claim || !target) throw new ClusterEditError('One of the two claims no longer exists.')
    if (claim.subjectId && target.subjectId && claim.subjectId !== target.subjectId)
      throw new ClusterEditError('The two claims are about different companies: they cannot be one claim.')
    const clusterId = target.clusterId ?? (await createCluster(tx))
    const moving = claim.clusterId ? (await listClusterMembers(claim.clusterId, tx)).map((m) => m.id) : [claim.id]
    await setClaimCluster([...new Set([...moving, target.id])], clusterId, 'editor', tx)
    if (claim.clusterId && claim.clusterId !== clusterId) await deleteEmptyClusters([claim.clusterId], tx)
    await recordAuditEvent(
      {
        actorId,
        action: 'claim.cluster',
        objectType: 'Claim',
        objectId: claim.id,
        before: { clusterId: claim.clusterId },
        after: { clusterId, by: 'editor', sameAs: target.id, moved: moving.length },
      },
      tx,
    )
    return clusterId
  })
}
