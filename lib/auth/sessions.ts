// Server-side sessions: the browser holds a random token in a cookie, the database holds its
// hash, the user it belongs to and when it expires — so every app instance sees every session
// and signing out (or deactivating a user) ends it everywhere.
import { createSessionRecord, deleteSession, findSessionWithUser, touchSession, type SessionMeta } from '../queries/sessions'
import type { PublicUser } from '../queries/users'
import { hashSecret, newSecret } from './tokens'

export const SESSION_COOKIE = 'claimline_session'
// A session lasts two weeks from its last use, and never more than 30 days from sign-in.
export const SESSION_IDLE_MS = 14 * 24 * 60 * 60 * 1000
export const SESSION_MAX_MS = 30 * 24 * 60 * 60 * 1000
// Recording every request's time would turn each page view into a write; five minutes is as
// precise as expiry needs.
const TOUCH_EVERY_MS = 5 * 60 * 1000

export type StartedSession = { token: string; expiresAt: Date }
export type ResolvedSession = { sessionId: string; user: PublicUser; expiresAt: Date }

export async function startSession(userId: string, meta: SessionMeta, now = new Date()): Promise<StartedSession> {
  const token = newSecret()
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS)
  await createSessionRecord(hashSecret(token), userId, now, expiresAt, meta)
  return { token, expiresAt }
}

export async function resolveSession(token: string, now = new Date()): Promise<ResolvedSession | null> {
  if (!token || token.length > 200) return null
  const id = hashSecret(token)
  const session = await findSessionWithUser(id)
  if (!session) return null
  if (session.expiresAt <= now || !session.user.active) {
    await deleteSession(id)
    return null
  }
  if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return { sessionId: id, user: session.user, expiresAt: session.expiresAt }
  const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, session.createdAt.getTime() + SESSION_MAX_MS))
  await touchSession(id, now, expiresAt)
  return { sessionId: id, user: session.user, expiresAt }
}

export async function endSession(token: string): Promise<void> {
  if (token) await deleteSession(hashSecret(token))
}
