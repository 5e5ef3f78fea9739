// The one guard every page, server action and route handler goes through. It reads the
// request's credentials, then refuses before any of the caller's code runs:
//   pages:          anonymous → redirect to /login; too low a role → 403 page (forbidden())
//   server actions: anonymous → 401 (unauthorized()); too low a role → 403 (forbidden())
//   route handlers: anonymous → 401 JSON; too low a role → 403 JSON
import { cookies, headers } from 'next/headers'
import { forbidden, redirect, unauthorized } from 'next/navigation'
import { jsonError } from '../http/responses'
import { readCookie } from './cookie-header'
import { authenticate, sameOrigin, type AuthedUser } from './credentials'
import { safeNextPath } from './next-path'
import { roleAllows, type Role } from './roles'
import { SESSION_COOKIE } from './sessions'

export type { AuthedUser }

export async function currentUser(): Promise<AuthedUser | null> {
  const [jar, list] = await Promise.all([cookies(), headers()])
  return authenticate({ sessionToken: jar.get(SESSION_COOKIE)?.value ?? null, authorization: list.get('authorization') })
}

export async function requirePageUser(role: Role, here: string): Promise<AuthedUser> {
  const user = await currentUser()
  if (!user) redirect(`/login?next=${encodeURIComponent(safeNextPath(here))}`)
  if (!roleAllows(user.role, role)) forbidden()
  return user
}

// Wraps a server action: `export const saveX = guardedAction('editor', async (user, …args) => …)`.
export function guardedAction<Args extends unknown[], Result>(
  role: Role,
  action: (user: AuthedUser, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    const user = await currentUser()
    if (!user) unauthorized()
    if (!roleAllows(user.role, role)) forbidden()
    return action(user, ...args)
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

// Wraps a route handler: `export const POST = guardedRoute('editor', async (request, user) => …)`.
export function guardedRoute<Context>(
  role: Role,
  handler: (request: Request, user: AuthedUser, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request: Request, context: Context) => {
    const user = await authenticate({
      sessionToken: readCookie(request.headers.get('cookie'), SESSION_COOKIE),
      authorization: request.headers.get('authorization'),
    })
    if (!user) {
      const response = jsonError(401, 'unauthenticated', 'Sign in, or send an API token as "Authorization: Bearer clk_…".')
      response.headers.set('WWW-Authenticate', 'Bearer realm="claimline"')
      return response
    }
    if (user.via === 'session' && !SAFE_METHODS.has(request.method) && !sameOrigin(request.headers.get('origin'), request.headers.get('host'))) {
      return jsonError(403, 'cross-origin', 'This request came from another site.')
    }
    if (!roleAllows(user.role, role)) return jsonError(403, 'forbidden', `This needs the ${role} role; you are ${articleFor(user.role)} ${user.role}.`)
    return handler(request, user, context)
  }
}

function articleFor(role: Role): string {
  return role === 'admin' ? 'an' : 'a'
}
