// Personal API tokens for scripts and the CLI: shown once, stored as a hash, revocable.
import { createApiTokenRecord, findApiTokenWithUser, listApiTokens, touchApiToken, type ApiTokenSummary } from '../queries/api-tokens'
import type { PublicUser } from '../queries/users'
import { API_TOKEN_PREFIX, hashSecret, newApiToken, tokenDisplayPrefix } from './tokens'

const TOUCH_EVERY_MS = 5 * 60 * 1000

export async function issueApiToken(
  userId: string,
  name: string,
  expiresInDays: number | null,
  actorId: string | null,
  now = new Date(),
): Promise<{ token: string; summary: ApiTokenSummary }> {
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

export type TokenMatch = { kind: 'one'; token: ApiTokenSummary } | { kind: 'none' } | { kind: 'many'; tokens: ApiTokenSummary[] }

// Which of an account's tokens `ref` names: its id, the visible prefix a token list shows
// (`clk_AbC123…`, with or without the ellipsis), or the whole token pasted in. Two tokens can
// share a visible prefix; then only the id tells them apart.
export async function findAccountToken(userId: string, ref: string): Promise<TokenMatch> {
  const wanted = ref.trim()
  const tokens = await listApiTokens(userId)
  const byId = tokens.find((t) => t.id === wanted.toLowerCase())
  if (byId) return { kind: 'one', token: byId }
  const shown = wanted.endsWith('…') ? wanted : `${wanted}…`
  // A visible prefix is all that tokenDisplayPrefix keeps of it; anything longer is the token itself.
  if (wanted.startsWith(API_TOKEN_PREFIX) && tokenDisplayPrefix(wanted) !== shown) {
    const record = await findApiTokenWithUser(hashSecret(wanted))
    const token = record && record.user.id === userId ? tokens.find((t) => t.id === record.id) : undefined
    return token ? { kind: 'one', token } : { kind: 'none' }
  }
  const matches = tokens.filter((t) => t.prefix === shown)
  if (matches.length === 1 && matches[0]) return { kind: 'one', token: matches[0] }
  return matches.length === 0 ? { kind: 'none' } : { kind: 'many', tokens: matches }
}
