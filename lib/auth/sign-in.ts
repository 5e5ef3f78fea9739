// Checking a password, with throttling per account and per address recorded in the database.
import { countRecentFailures, deleteLoginAttemptsBefore, recordLoginAttempt } from '../queries/login-attempts'
import { findUserByEmailForSignIn, recordSignIn, replacePasswordHash, type PublicUser } from '../queries/users'
import { hashPassword, passwordNeedsRehash, verifyAgainstNothing, verifyPassword } from './password'
import { normaliseEmail, THROTTLE_WINDOW_MS, throttleVerdict } from './throttle'

export type SignInResult = { ok: true; user: PublicUser } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

export async function signIn(emailInput: string, password: string, ip: string, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(emailInput)
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS)
  const verdict = throttleVerdict(await countRecentFailures(email, ip, since), now)
  // A throttled attempt is not recorded: otherwise waiting would never be enough.
  if (!verdict.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds }

  const user = await findUserByEmailForSignIn(email)
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password)
  const succeeded = valid && user !== null && user.active
  await recordLoginAttempt(email, ip, succeeded, now)
  if (!succeeded || !user) return { ok: false, reason: 'invalid' }

  await recordSignIn(user.id, now)
  if (passwordNeedsRehash(user.passwordHash)) await replacePasswordHash(user.id, await hashPassword(password))
  // Old attempts only matter inside the window; sign-ins are rare enough to tidy up here.
  await deleteLoginAttemptsBefore(new Date(now.getTime() - 2 * THROTTLE_WINDOW_MS))
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, lastLoginAt: now, createdAt: user.createdAt },
  }
}
