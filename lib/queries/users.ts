import { getDb } from '../db'
import { DomainError } from '../errors'
import type { PrismaClient, Role } from '../generated/prisma/client'
import { recordAuditEvent, recordAuditEvents } from './audit'
import type { DbClient } from './client'

// What the app may know about a user outside sign-in: never the password hash.
export const publicUserSelect = { id: true, email: true, name: true, role: true, active: true, lastLoginAt: true, createdAt: true } as const

export type PublicUser = { id: string; email: string; name: string; role: Role; active: boolean; lastLoginAt: Date | null; createdAt: Date }

export class DuplicateEmailError extends DomainError {
  constructor(email: string) {
    super('exists', `There is already an account for ${email}.`)
  }
}

export class LastAdminError extends DomainError {
  constructor() {
    super('refused', 'This is the last active admin: make another admin first.')
  }
}

export async function countUsers(client: DbClient = getDb()): Promise<number> {
  return client.user.count()
}

export async function listUsers(client: DbClient = getDb()): Promise<PublicUser[]> {
  return client.user.findMany({ select: publicUserSelect, orderBy: [{ active: 'desc' }, { name: 'asc' }] })
}

export async function getUser(id: string, client: DbClient = getDb()): Promise<PublicUser | null> {
  return client.user.findUnique({ where: { id }, select: publicUserSelect })
}

export async function findUserByEmailForSignIn(email: string, client: DbClient = getDb()) {
  return client.user.findUnique({ where: { email }, select: { ...publicUserSelect, passwordHash: true } })
}

export async function getPasswordHash(id: string, client: DbClient = getDb()): Promise<string | null> {
  return (await client.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null
}

type NewUser = { email: string; name: string; role: Role; passwordHash: string }

// `onlyIfNoUsers` makes the first-run setup safe against two people finishing it at once: the
// count and the insert happen in one transaction holding a lock on the User table.
export async function createUser(
  input: NewUser,
  actorId: string | null,
  options: { onlyIfNoUsers?: boolean } = {},
  client: PrismaClient = getDb(),
): Promise<PublicUser | null> {
  return client.$transaction(async (tx) => {
    if (options.onlyIfNoUsers) {
      await tx.$executeRaw`LOCK TABLE "User" IN SHARE ROW EXCLUSIVE MODE`
      if ((await tx.user.count()) > 0) return null
    }
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new DuplicateEmailError(input.email)
    const user = await tx.user.create({ data: input, select: publicUserSelect })
    await recordAuditEvent(
      {
        actorId: actorId ?? user.id,
        action: 'user.create',
        objectType: 'User',
        objectId: user.id,
        after: { email: user.email, name: user.name, role: user.role },
      },
      tx,
    )
    return user
  })
}

type UserChanges = { name?: string; role?: Role; active?: boolean }

// Role and activation changes keep at least one active admin, and a deactivated user's
// sessions and tokens stop working at once.
export async function updateUser(id: string, changes: UserChanges, actorId: string | null, client: PrismaClient = getDb()): Promise<PublicUser | null> {
  return client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: publicUserSelect })
    if (!before) return null
    const losesAdmin = before.role === 'admin' && before.active && ((changes.role !== undefined && changes.role !== 'admin') || changes.active === false)
    if (losesAdmin) {
      await tx.$executeRaw`LOCK TABLE "User" IN SHARE ROW EXCLUSIVE MODE`
      const admins = await tx.user.count({ where: { role: 'admin', active: true } })
      if (admins <= 1) throw new LastAdminError()
    }
    const after = await tx.user.update({ where: { id }, data: changes, select: publicUserSelect })
    if (changes.active === false) {
      await tx.session.deleteMany({ where: { userId: id } })
      await tx.apiToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } })
    }
    await recordAuditEvent(
      {
        actorId,
        action: 'user.update',
        objectType: 'User',
        objectId: id,
        before: { name: before.name, role: before.role, active: before.active },
        after: { name: after.name, role: after.role, active: after.active },
      },
      tx,
    )
    return after
  })
}

// A new password ends every other session of that user and revokes all their API tokens:
// whoever had the old password could have made either. One transaction, so no token outlives
// the change; each revoked token is audited as if revoked by hand.
export async function setPasswordHash(
  id: string,
  passwordHash: string,
  actorId: string | null,
  keepSessionId: string | null,
  client: PrismaClient = getDb(),
): Promise<{ tokensRevoked: number }> {
  return client.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { passwordHash } })
    await tx.session.deleteMany({ where: { userId: id, ...(keepSessionId ? { NOT: { id: keepSessionId } } : {}) } })
    const revoked = await tx.apiToken.updateManyAndReturn({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() }, select: { id: true } })
    await recordAuditEvent({ actorId, action: 'user.password', objectType: 'User', objectId: id, after: { tokensRevoked: revoked.length } }, tx)
    await recordAuditEvents(
      revoked.map((token) => ({ actorId, action: 'token.revoke', objectType: 'ApiToken', objectId: token.id, after: { reason: 'password change' } })),
      tx,
    )
    return { tokensRevoked: revoked.length }
  })
}

// Sign-in upgrades an old hash quietly; not an audited change of the account.
export async function replacePasswordHash(id: string, passwordHash: string, client: DbClient = getDb()): Promise<void> {
  await client.user.update({ where: { id }, data: { passwordHash } })
}

export async function recordSignIn(id: string, at: Date, client: DbClient = getDb()): Promise<void> {
  await client.user.update({ where: { id }, data: { lastLoginAt: at } })
}

export async function findUserByEmail(email: string, client: DbClient = getDb()): Promise<PublicUser | null> {
  return client.user.findUnique({ where: { email }, select: publicUserSelect })
}
