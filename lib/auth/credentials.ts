// Who is making a request: a session cookie from a browser, or a bearer API token from a
// script. Works on plain header values so route handlers, server actions and pages share it.
import type { PublicUser } from '../queries/users'
import { resolveApiToken } from './api-tokens'
import { resolveSession } from './sessions'

export type AuthedUser = PublicUser & {
  // The browser session in use, or null for an API token.
  sessionId: string | null
  via: 'session' | 'token'
}

export type Credentials = { sessionToken: string | null; authorization: string | null }

export async function authenticate(credentials: Credentials, now = new Date()): Promise<AuthedUser | null> {
  const bearer = credentials.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
  if (bearer) {
    const user = await resolveApiToken(bearer, now)
    return user ? { ...user, sessionId: null, via: 'token' } : null
  }
  if (!credentials.sessionToken) return null
  const session = await resolveSession(credentials.sessionToken, now)
  return session ? { ...session.user, sessionId: session.sessionId, via: 'session' } : null
}

// The address sign-in throttling counts against. Next.js fills X-Forwarded-For with the socket's
// address only when the request has none, so behind a reverse proxy (which appends the client
// it saw) the last entry is the one to trust; exposed directly, a client can choose it, and
// only the per-account limit holds. The README says to deploy behind a proxy.
export function clientAddress(forwardedFor: string | null): string {
  const last = forwardedFor?.split(',').at(-1)?.trim()
  return last ? last.slice(0, 64) : 'unknown'
}

// A cookie-authenticated write must come from our own pages: SameSite=Lax already keeps the
// cookie off cross-site POSTs, and this refuses the rest (an Origin that is not this host).
export function sameOrigin(origin: string | null, host: string | null): boolean {
  if (!origin) return true // non-browser clients send none; browsers always send it on POST
  if (!host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
