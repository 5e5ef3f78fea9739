// The session cookie: HttpOnly (no script can read it), SameSite=Lax (not sent on cross-site
// POSTs), Secure in production, and expiring with the session.
import { cookies } from 'next/headers'
import { secureCookies } from '../env'
import { SESSION_COOKIE } from './sessions'

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  ;(await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', expires: expiresAt })
}

export async function readSessionCookie(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value ?? null
}

export async function clearSessionCookie(): Promise<void> {
  ;(await cookies()).delete(SESSION_COOKIE)
}
