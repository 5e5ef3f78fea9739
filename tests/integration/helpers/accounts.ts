// Accounts for integration tests, created through the same code as the setup page and the CLI.
import { randomBytes } from 'node:crypto'
import { createAccount } from '@/lib/auth/accounts'
import { issueApiToken } from '@/lib/auth/api-tokens'
import type { Role } from '@/lib/auth/roles'
import { startSession } from '@/lib/auth/sessions'
import type { PublicUser } from '@/lib/queries/users'

export type TestAccount = { user: PublicUser; password: string; apiToken: string; sessionToken: string }

export async function createTestAccount(role: Role): Promise<TestAccount> {
  const password = `pw-${randomBytes(12).toString('hex')}`
  const email = `${role}-${randomBytes(4).toString('hex')}@example.org`
  const user = await createAccount({ email, name: `Test ${role}`, role, password }, null)
  if (!user) throw new Error('account not created')
  const { token: apiToken } = await issueApiToken(user.id, 'tests', null, user.id)
  const { token: sessionToken } = await startSession(user.id, { ip: '127.0.0.1', userAgent: 'vitest' })
  return { user, password, apiToken, sessionToken }
}

// Route handlers as Next.js calls them: the request and a context with the route's params.
export function callRoute<P extends Record<string, string>>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  request: Request,
  params: P = {} as P,
): Promise<Response> {
  return handler(request, { params: Promise.resolve(params) })
}

export function withBearer(request: Request, token: string): Request {
  const headers = new Headers(request.headers)
  headers.set('authorization', `Bearer ${token}`)
  return new Request(request, { headers, duplex: 'half' } as RequestInit)
}
