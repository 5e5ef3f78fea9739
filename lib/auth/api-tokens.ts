// Personal API tokens for scripts and the CLI: shown once, stored as a hash, revocable.
import { createApiTokenRecord, findApiTokenWithUser, touchApiToken, type ApiTokenSummary } from '../queries/api-tokens'
import type { PublicUser } from '../queries/users'
import { API_TOKEN_PREFIX, hashSecret, newApiToken, tokenDisplayPrefix } from './tokens'

const TOUCH_EVERY_MS = 5 * 60 * 1000

export async function issueApiToken(userId: string, name: string, expiresInDays: number | null, actorId: string | null, now = new Date()): Promise<{ token: string; summary: ApiTokenSummary }> {
  const token = newApiToken()
  const expiresAt = expiresInDays ? new Date(now.getTime() + expiresInDays * 24 * 60 * 60 * 1000) : null
  const summary = await createApiTokenRecord({ userId, name, tokenHash: hashSecret(token), prefix: tokenDisplayPrefix(token), expiresAt }, actorId)
  return { token, summary }
}

export async function resolveApiToken(token: string, now = new Date()): Promise<PublicUser | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null
  const record = await findApiTokenWithUser(hashSecret(token))
  if (!record || record.revokedAt || !record.user.active) return null
  if (record.expiresAt && record.expiresAt <= now) return null
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= TOUCH_EVERY_MS) await touchApiToken(record.id, now)
  return record.user
}
