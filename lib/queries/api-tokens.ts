import { getDb } from '../db'
import type { PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from './audit'
import type { DbClient } from './client'
import { publicUserSelect, type PublicUser } from './users'

export type ApiTokenSummary = {
  id: string
  name: string
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  expiresAt: Date | null
  revokedAt: Date | null
}

const summarySelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const

export async function createApiTokenRecord(
  input: { userId: string; name: string; tokenHash: string; prefix: string; expiresAt: Date | null },
  actorId: string | null,
  client: PrismaClient = getDb(),
): Promise<ApiTokenSummary> {
  return client.$transaction(async (tx) => {
    const token = await tx.apiToken.create({ data: input, select: summarySelect })
    await recordAuditEvent(
      { actorId, action: 'token.create', objectType: 'ApiToken', objectId: token.id, after: { name: token.name, prefix: token.prefix, userId: input.userId } },
      tx,
    )
    return token
  })
}

export async function listApiTokens(userId: string, client: DbClient = getDb()): Promise<ApiTokenSummary[]> {
  return client.apiToken.findMany({ where: { userId }, select: summarySelect, orderBy: { createdAt: 'desc' } })
}

export async function findApiTokenWithUser(tokenHash: string, client: DbClient = getDb()) {
  return client.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: publicUserSelect } },
  })
}

export async function touchApiToken(id: string, at: Date, client: DbClient = getDb()): Promise<void> {
  await client.apiToken.updateMany({ where: { id }, data: { lastUsedAt: at } })
}

// Only the token's owner revokes it here (admins deactivate the user instead); false when there
// was no such live token of theirs.
export async function revokeApiToken(id: string, userId: string, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } })
    if (revoked.count === 0) return false
    await recordAuditEvent({ actorId, action: 'token.revoke', objectType: 'ApiToken', objectId: id }, tx)
    return true
  })
}

export type { PublicUser }
