// Every mutation goes through the guard: this walks every server action (every export of every
// 'use server' file under app/) and every mutating route handler, and calls each one as nobody,
// as a viewer, as an editor and as an admin. The table below is the access policy: a new action
// or route fails this test until it is given a role here.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { glob } from 'tinyglobby'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import { roleAllows, type Role } from '@/lib/auth/roles'
import { SESSION_COOKIE, startSession } from '@/lib/auth/sessions'
import { getDb } from '@/lib/db'
import { callRoute, createTestAccount, type TestAccount } from './helpers/accounts'

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true'

// The request that next/headers describes while an action runs.
const request = { cookie: null as string | null, authorization: null as string | null }
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === SESSION_COOKIE && request.cookie ? { name, value: request.cookie } : undefined),
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers(request.authorization ? { authorization: request.authorization } : {}),
}))

// 'public' actions run for anyone and authenticate by other means (a password, a setup code).
const ACTION_ROLES: Record<string, Role | 'public'> = {
  'app/login/actions.ts#signInWithPassword': 'public',
  'app/login/actions.ts#signOut': 'viewer',
  'app/setup/actions.ts#createFirstAdmin': 'public',
  'app/account/actions.ts#changeOwnPassword': 'viewer',
  'app/account/actions.ts#createApiToken': 'viewer',
  'app/account/actions.ts#revokeOwnApiToken': 'viewer',
  'app/admin/users/actions.ts#createUserAccount': 'admin',
  'app/admin/users/actions.ts#changeUserAccount': 'admin',
  'app/admin/users/actions.ts#resetUserPassword': 'admin',
  'app/articles/new/actions.ts#previewPaste': 'editor',
  'app/articles/new/actions.ts#savePaste': 'editor',
  'app/articles/new/actions.ts#ingestFiles': 'editor',
  'app/articles/new/actions.ts#ingestUrls': 'editor',
  'app/articles/[id]/actions.ts#saveArticleDetails': 'editor',
  'app/articles/[id]/claim-actions.ts#createClaim': 'editor',
  'app/articles/[id]/claim-actions.ts#updateClaim': 'editor',
  'app/articles/[id]/claim-actions.ts#deleteClaim': 'editor',
  'app/articles/[id]/claim-actions.ts#setVerdict': 'editor',
  'app/articles/[id]/claim-actions.ts#linkClaim': 'editor',
  'app/articles/[id]/claim-actions.ts#unlinkClaim': 'editor',
  'app/articles/[id]/claim-actions.ts#createEntity': 'editor',
  'app/articles/[id]/claim-actions.ts#acceptSuggestionAsIs': 'editor',
  'app/articles/[id]/claim-actions.ts#acceptEditedSuggestion': 'editor',
  'app/articles/[id]/claim-actions.ts#rejectSuggestionForGood': 'editor',
  'app/articles/[id]/claim-actions.ts#suggestAgain': 'editor',
  'app/articles/[id]/claim-actions.ts#splitClaimCluster': 'editor',
  'app/articles/[id]/claim-actions.ts#sameClaimAs': 'editor',
  'app/links/actions.ts#decideProposedLink': 'editor',
  'app/entities/actions.ts#saveEntity': 'editor',
  'app/entities/actions.ts#mergeEntity': 'editor',
  'app/stories/actions.ts#addStory': 'editor',
  'app/stories/actions.ts#changeStoryMember': 'editor',
  'app/feeds/actions.ts#followFeedAction': 'editor',
  'app/feeds/actions.ts#pauseFeedAction': 'editor',
  'app/feeds/actions.ts#resumeFeedAction': 'editor',
  'app/feeds/actions.ts#unfollowFeedAction': 'editor',
  // Following companies, the new-since list, its Atom link and webhook are each user's own.
  'app/follows/actions.ts#followEntityAction': 'viewer',
  'app/follows/actions.ts#unfollowEntityAction': 'viewer',
  'app/follows/actions.ts#markSeenAction': 'viewer',
  'app/follows/actions.ts#createFeedLinkAction': 'viewer',
  'app/follows/actions.ts#setWebhookAction': 'viewer',
  'app/follows/actions.ts#rotateWebhookSecretAction': 'viewer',
  'app/follows/actions.ts#removeWebhookAction': 'viewer',
}

// Every route handler and method; reads are for viewers and up, except the health check.
const ROUTE_ROLES: Record<string, Role | 'public'> = {
  'app/api/articles/route.ts#GET': 'viewer',
  'app/api/articles/route.ts#POST': 'editor',
  'app/api/articles/[id]/route.ts#GET': 'viewer',
  'app/api/articles/[id]/route.ts#PATCH': 'editor',
  'app/api/articles/[id]/route.ts#DELETE': 'editor',
  'app/api/claims/route.ts#POST': 'editor',
  'app/api/claims/[id]/route.ts#GET': 'viewer',
  'app/api/claims/[id]/route.ts#PATCH': 'editor',
  'app/api/claims/[id]/route.ts#DELETE': 'editor',
  'app/api/entities/route.ts#POST': 'editor',
  'app/api/entities/[id]/route.ts#GET': 'viewer',
  'app/api/entities/[id]/route.ts#PATCH': 'editor',
  'app/api/links/route.ts#POST': 'editor',
  'app/api/links/[id]/route.ts#GET': 'viewer',
  'app/api/links/[id]/route.ts#DELETE': 'editor',
  'app/api/openapi.json/route.ts#GET': 'public',
  'app/api/stories/route.ts#GET': 'viewer',
  'app/api/stories/route.ts#POST': 'editor',
  'app/api/stories/[id]/route.ts#GET': 'viewer',
  'app/api/stories/[id]/route.ts#PATCH': 'editor',
  'app/api/stories/[id]/route.ts#DELETE': 'editor',
  'app/api/stories/[id]/articles/[articleId]/route.ts#PUT': 'editor',
  'app/api/stories/[id]/articles/[articleId]/route.ts#DELETE': 'editor',
  'app/api/stories/[id]/claims/[claimId]/route.ts#PUT': 'editor',
  'app/api/stories/[id]/claims/[claimId]/route.ts#DELETE': 'editor',
  'app/api/claims/route.ts#GET': 'viewer',
  'app/api/entities/route.ts#GET': 'viewer',
  'app/api/export/route.ts#GET': 'viewer',
  'app/api/health/route.ts#GET': 'public',
  'app/api/import/route.ts#POST': 'editor',
  'app/api/timeline/route.ts#GET': 'viewer',
  'app/api/search/route.ts#GET': 'viewer',
  // A feed reader cannot sign in: the Atom feed authenticates by the user's API token in its URL
  // (tests/integration/follow.test.ts: 401 without a valid one).
  'app/follows/atom/route.ts#GET': 'public',
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const root = path.resolve(import.meta.dirname, '../..')

type Callable = (...args: unknown[]) => Promise<unknown>

async function serverActions(): Promise<Map<string, Callable>> {
  const found = new Map<string, Callable>()
  for (const file of (await glob('app/**/*.{ts,tsx}', { cwd: root })).sort()) {
    if (!/^\s*['"]use server['"]/.test(readFileSync(path.join(root, file), 'utf8'))) continue
    const exported: Record<string, unknown> = await import(path.join(root, file))
    for (const [name, value] of Object.entries(exported)) if (typeof value === 'function') found.set(`${file}#${name}`, value as Callable)
  }
  return found
}

async function routeHandlers(): Promise<Map<string, Callable>> {
  const found = new Map<string, Callable>()
  for (const file of (await glob('app/**/route.ts', { cwd: root })).sort()) {
    const exported: Record<string, unknown> = await import(path.join(root, file))
    for (const method of METHODS) if (typeof exported[method] === 'function') found.set(`${file}#${method}`, exported[method] as Callable)
  }
  return found
}

// What a refused server action throws: Next.js's unauthorized() / forbidden() interrupts.
async function interruptStatus(call: Promise<unknown>): Promise<number | 'ran'> {
  try {
    await call
    return 'ran'
  } catch (error) {
    const digest = typeof error === 'object' && error && 'digest' in error ? String(error.digest) : ''
    const match = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest)
    return match ? Number(match[1]) : 'ran' // any other error came from the action's own code
  }
}

const accounts = {} as Record<Role, TestAccount>
beforeAll(async () => {
  for (const role of ['viewer', 'editor', 'admin'] as const) accounts[role] = await createTestAccount(role)
})

describe('server actions', async () => {
  const actions = await serverActions()

  test('every server action has a role in the policy table, and the table names no missing action', () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTION_ROLES).sort())
  })

  for (const [id, action] of actions) {
    const needed = ACTION_ROLES[id]
    if (!needed || needed === 'public') continue
    test(`${id}: 401 anonymous, 403 below ${needed}, and nothing written when refused`, async () => {
      // Each refused call is checked on its own: an allowed role's call may write (an action
      // without inputs, such as making a feed link, runs to the end).
      const refused = async (call: () => Promise<unknown>) => {
        const auditBefore = await getDb().auditEvent.count()
        const status = await interruptStatus(call())
        expect(await getDb().auditEvent.count()).toBe(auditBefore)
        return status
      }
      request.cookie = null
      request.authorization = null
      expect(await refused(() => action({ error: null }, new FormData()))).toBe(401)
      request.cookie = 'not-a-session'
      expect(await refused(() => action({ error: null }, new FormData()))).toBe(401)
      for (const role of ['viewer', 'editor', 'admin'] as const) {
        // A fresh session each time: the sign-out action ends the one it is called with.
        request.cookie = (await startSession(accounts[role].user.id, { ip: null, userAgent: null })).token
        const allowed = roleAllows(role, needed)
        const status = allowed ? await interruptStatus(action({ error: null }, new FormData())) : await refused(() => action({ error: null }, new FormData()))
        // Allowed roles get past the guard (the empty form is then refused by validation or used up).
        expect([role, status]).toEqual([role, allowed ? 'ran' : 403])
      }
      request.cookie = null
    })
  }
})

// A request each role may make, where a route's default needs more than its floor: the full
// Claimline export (no format given) is for editors, the per-claim formats for viewers.
const ROUTE_QUERY: Record<string, string> = {
  'app/api/export/route.ts#GET': '?format=csv',
}

describe('route handlers', async () => {
  const routes = await routeHandlers()

  test('every route handler has a role in the policy table', () => {
    expect([...routes.keys()].sort()).toEqual(Object.keys(ROUTE_ROLES).sort())
  })

  for (const [id, handler] of routes) {
    const needed = ROUTE_ROLES[id]
    if (!needed || needed === 'public') continue
    const method = id.split('#')[1] ?? 'POST'
    const send = (headers: Record<string, string>) =>
      callRoute(
        handler as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
        new Request(`http://localhost/x${ROUTE_QUERY[id] ?? ''}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          body: method === 'GET' ? undefined : '{}',
        }),
      )
    test(`${id}: 401 anonymous or with a bad token, 403 below ${needed}, 403 cross-site with a cookie`, async () => {
      const anonymous = await send({})
      expect([anonymous.status, (await anonymous.json()).error.code, anonymous.headers.get('www-authenticate')]).toEqual([
        401,
        'unauthenticated',
        'Bearer realm="claimline"',
      ])
      expect((await send({ authorization: 'Bearer clk_not-a-token' })).status).toBe(401)
      // A cookie that is not valid percent-encoding names no session: anonymous, not a 500.
      for (const cookie of [`${SESSION_COOKIE}=%`, `${SESSION_COOKIE}=%E0%A4%A`, `other=%; ${SESSION_COOKIE}=%zz`]) {
        const malformed = await send({ cookie })
        expect([cookie, malformed.status, (await malformed.json()).error.code]).toEqual([cookie, 401, 'unauthenticated'])
      }
      for (const role of ['viewer', 'editor', 'admin'] as const) {
        const response = await send({ authorization: `Bearer ${accounts[role].apiToken}` })
        expect([role, response.status === 403]).toEqual([role, !roleAllows(role, needed)])
      }
      const { token } = await startSession(accounts.admin.user.id, { ip: null, userAgent: null })
      const crossSite = await send({ cookie: `${SESSION_COOKIE}=${token}`, origin: 'https://evil.example', host: 'localhost' })
      if (method !== 'GET') expect([crossSite.status, (await crossSite.json()).error.code]).toEqual([403, 'cross-origin'])
      const sameSite = await send({ cookie: `${SESSION_COOKIE}=${token}`, origin: 'http://localhost', host: 'localhost' })
      expect(sameSite.status).not.toBe(403)
    })
  }
})
