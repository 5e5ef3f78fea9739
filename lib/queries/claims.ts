import { getDb } from '../db'
import type { Prisma } from '../generated/prisma/client'
import type { DbClient } from './client'

export async function createClaim(data: Prisma.ClaimUncheckedCreateInput, client: DbClient = getDb()) {
  return client.claim.create({ data })
}

export async function createClaimLink(data: Prisma.ClaimLinkUncheckedCreateInput, client: DbClient = getDb()) {
  return client.claimLink.create({ data })
}
