// Users' outgoing webhooks (lib/follow/webhook.ts): the row, the audit of the user's changes,
// the delivery cursor and the last delivery's outcome.
import { getDb } from '../db'
import type { PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from './audit'
import type { DbClient } from './client'

export type FollowWebhookRow = {
  userId: string
  url: string
  secret: string
  deliveredUpTo: Date
  lastAttemptAt: Date | null
  lastDeliveredAt: Date | null
  lastStatus: number | null
  lastError: string | null
  createdAt: Date
}

const webhookSelect = {
  userId: true,
  url: true,
  secret: true,
  deliveredUpTo: true,
  lastAttemptAt: true,
  lastDeliveredAt: true,
  lastStatus: true,
  lastError: true,
  createdAt: true,
} as const

export async function getFollowWebhook(userId: string, client: DbClient = getDb()): Promise<FollowWebhookRow | null> {
  return client.followWebhook.findUnique({ where: { userId }, select: webhookSelect })
}

export async function listFollowWebhookUserIds(client: DbClient = getDb()): Promise<string[]> {
  return (await client.followWebhook.findMany({ select: { userId: true }, orderBy: { userId: 'asc' } })).map((w) => w.userId)
}

// Setting the URL keeps the secret unless `secret` is given (a new webhook, or a rotation). The
// audit records the URL, never the secret.
export async function saveFollowWebhook(
  userId: string,
  input: { url: string; secret?: string; deliveredUpTo: Date },
  client: PrismaClient = getDb(),
): Promise<FollowWebhookRow> {
  return client.$transaction(async (tx) => {
    const before = await tx.followWebhook.findUnique({ where: { userId }, select: { url: true } })
    if (!before && !input.secret) throw new Error('A new webhook needs a secret.')
    const row = before
      ? await tx.followWebhook.update({ where: { userId }, data: { url: input.url, ...(input.secret ? { secret: input.secret } : {}) }, select: webhookSelect })
      : await tx.followWebhook.create({
          data: { userId, url: input.url, secret: input.secret ?? '', deliveredUpTo: input.deliveredUpTo },
          select: webhookSelect,
        })
    const action = before ? (input.secret ? 'webhook.rotate' : 'webhook.update') : 'webhook.create'
    await recordAuditEvent(
      { actorId: userId, action, objectType: 'FollowWebhook', objectId: userId, before: before ? { url: before.url } : undefined, after: { url: row.url } },
      tx,
    )
    return row
  })
}

export async function deleteFollowWebhook(userId: string, client: PrismaClient = getDb()): Promise<void> {
  await client.$transaction(async (tx) => {
    const before = await tx.followWebhook.findUnique({ where: { userId }, select: { url: true } })
    if (!before) return
    await tx.followWebhook.delete({ where: { userId } })
    await recordAuditEvent({ actorId: userId, action: 'webhook.delete', objectType: 'FollowWebhook', objectId: userId, before: { url: before.url } }, tx)
  })
}

// Marks `items` (delivery ids, with their items' times) as queued and returns the ids that no
// scan had marked before: of two instances scanning the same news, the first to insert an id
// sends it (the second waits for its commit, then finds the row). The cursor moves forward to
// the newest item's time, never back, and marks that a scan looking `lookBackMs` behind the
// cursor can no longer meet are deleted.
export async function claimWebhookItems(
  userId: string,
  items: { itemId: string; at: Date }[],
  lookBackMs: number,
  client: PrismaClient = getDb(),
): Promise<Set<string>> {
  if (items.length === 0) return new Set()
  const newest = new Date(Math.max(...items.map((i) => i.at.getTime())))
  return client.$transaction(async (tx) => {
    // In one order, so two scans inserting the same ids cannot deadlock.
    const data = [...items].sort((a, b) => (a.itemId < b.itemId ? -1 : 1)).map((i) => ({ userId, itemId: i.itemId, at: i.at }))
    const created = await tx.followWebhookSent.createManyAndReturn({ data, skipDuplicates: true, select: { itemId: true } })
    await tx.followWebhook.updateMany({ where: { userId, deliveredUpTo: { lt: newest } }, data: { deliveredUpTo: newest } })
    const cursor = await tx.followWebhook.findUnique({ where: { userId }, select: { deliveredUpTo: true } })
    if (cursor) await tx.followWebhookSent.deleteMany({ where: { userId, at: { lt: new Date(cursor.deliveredUpTo.getTime() - lookBackMs) } } })
    return new Set(created.map((c) => c.itemId))
  })
}

export async function recordWebhookDelivery(
  userId: string,
  outcome: { at: Date; status: number | null; error: string | null },
  client: DbClient = getDb(),
): Promise<void> {
  await client.followWebhook.updateMany({
    where: { userId },
    data: {
      lastAttemptAt: outcome.at,
      lastStatus: outcome.status,
      lastError: outcome.error,
      ...(outcome.error === null ? { lastDeliveredAt: outcome.at } : {}),
    },
  })
}
