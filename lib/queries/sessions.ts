import { getDb } from '../db'
import type { DbClient } from './client'
import { publicUserSelect, type PublicUser } from './users'

export type SessionMeta = { ip: string | null; userAgent: string | null }

export async function createSessionRecord(
  idHash: string,
  userId: string,
  createdAt: Date,
  expiresAt: Date,
  meta: SessionMeta,
  client: DbClient = getDb(),
): Promise<void> {
  await client.session.create({
    data: { id: idHash, userId, createdAt, lastSeenAt: createdAt, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  })
}

export async function findSessionWithUser(
  idHash: string,
  client: DbClient = getDb(),
): Promise<{ id: string; createdAt: Date; expiresAt: Date; lastSeenAt: Date; user: PublicUser } | null> {
  return client.session.findUnique({
    where: { id: idHash },
    select: { id: true, createdAt: true, expiresAt: true, lastSeenAt: true, user: { select: publicUserSelect } },
  })
}

export async function touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date, client: DbClient = getDb()): Promise<void> {
  await client.session.updateMany({ where: { id: idHash }, data: { lastSeenAt, expiresAt } })
}

export async function deleteSession(idHash: string, client: DbClient = getDb()): Promise<void> {
  await client.session.deleteMany({ where: { id: idHash } })
}

export async function deleteExpiredSessions(now: Date, client: DbClient = getDb()): Promise<number> {
  return (await client.session.deleteMany({ where: { expiresAt: { lt: now } } })).count
}
