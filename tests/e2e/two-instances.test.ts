// Two app instances on different ports against one PostgreSQL, as behind a newsroom's load
// balancer: a sign-in on one is a sign-in on the other, an edit through one is seen by the
// other, a stale edit is refused whichever instance it reaches, concurrent edits through both
// lose nothing, and a duplicate is recognised across them. Needs TEST_DATABASE_URL (CI sets it).
import { spawnSync } from 'node:child_process'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startAppServer, type AppServer } from '../../scripts/lib/app-server'
import { createPostgresDatabase, type TestDatabase } from '../integration/helpers/test-databases'
import { launchBrowser, signIn } from './helpers/browser'
import { createAccounts } from './helpers/cli-accounts'
import type { TestLogin } from './helpers/provided'

const adminUrl = process.env.TEST_DATABASE_URL

type ClaimJson = { id: string; version: number; note: string | null }

describe.skipIf(!adminUrl)('two app instances on one PostgreSQL', { meta: { skipReason: 'needs PostgreSQL: set TEST_DATABASE_URL (CI does)' } }, () => {
  let database: TestDatabase | null = null
  const servers: AppServer[] = []
  let editor: TestLogin
  let browser: Browser | null = null

  const api = (server: AppServer, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${editor.apiToken}`, 'content-type': 'application/json', ...init.headers } })
  const getClaim = async (server: AppServer, id: string) => (await (await api(server, `/api/claims/${id}`)).json()) as ClaimJson
  const patchNote = (server: AppServer, id: string, version: number, note: string) =>
    api(server, `/api/claims/${id}`, { method: 'PATCH', body: JSON.stringify({ version, note }) })

  beforeAll(async () => {
    database = await createPostgresDatabase(adminUrl ?? '', null)
    const env = { ...process.env, DATABASE_URL: database.url, CLAIMLINE_DEMO_DATA: '1', NEXT_TELEMETRY_DISABLED: '1' }
    // As on deploy: migrate (and load the demo) once, then start the instances.
    const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-prepare.ts'], { env, encoding: 'utf8' })
    if (prepared.status !== 0) throw new Error(`db-prepare failed: ${prepared.stderr}`)
    editor = createAccounts(env).editor
    servers.push(await startAppServer(env), await startAppServer(env))
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all(servers.map((s) => s.stop()))
    await database?.drop()
  })

  const pair = () => {
    const [a, b] = servers
    if (!a || !b) throw new Error('the instances did not start')
    return [a, b] as const
  }

  const firstClaimId = async (server: AppServer) => {
    const { claims } = (await (await api(server, '/api/claims?limit=5')).json()) as { claims: ClaimJson[] }
    const claim = claims[0]
    if (!claim) throw new Error('the demo data has no claims')
    return claim.id
  }

  test('both report healthy on the same database and migrations', async () => {
    const [a, b] = pair()
    const health = await Promise.all([a, b].map(async (s) => (await fetch(`${s.url}/api/health`)).json()))
    expect(health[0]).toEqual(health[1])
    expect(health[0]).toMatchObject({ status: 'ok', migrations: { pending: [] } })
  })

  test('a sign-in on one instance is a sign-in on the other (sessions live in the database)', async () => {
    const [a, b] = pair()
    const context = await (browser as Browser).newContext()
    const page = await context.newPage()
    await signIn(page, editor, a.url)
    // Cookies are not kept apart by port: the browser sends the same session to the other instance.
    await page.goto(`${b.url}/account`)
    await expect.poll(() => page.url()).toBe(`${b.url}/account`)
    expect(await page.getByText(editor.email).count()).toBeGreaterThan(0)
    await context.close()
  })

  test('an edit through one is seen through the other; a stale edit is refused by either', async () => {
    const [a, b] = pair()
    const id = await firstClaimId(a)
    const start = (await getClaim(a, id)).version
    expect((await patchNote(a, id, start, 'edited on A')).status).toBe(200)
    expect(await getClaim(b, id)).toMatchObject({ version: start + 1, note: 'edited on A' })
    const stale = await patchNote(b, id, start, 'stale on B')
    expect(stale.status).toBe(409)
    expect(((await stale.json()) as { error: { currentVersion: number } }).error.currentVersion).toBe(start + 1)
    expect((await patchNote(b, id, start + 1, 'edited on B')).status).toBe(200)
    expect(await getClaim(a, id)).toMatchObject({ version: start + 2, note: 'edited on B' })
  })

  test('eight editors racing through both instances lose no update', async () => {
    const [a, b] = pair()
    const id = await firstClaimId(a)
    const start = (await getClaim(a, id)).version
    const writers = Array.from({ length: 8 }, (_, i) => ({ server: i % 2 === 0 ? a : b, token: `w${i}` }))
    const acknowledged: string[] = []
    // Each writer appends its token three times, re-reading and retrying whenever it is refused as stale.
    await Promise.all(
      writers.map(async ({ server, token }) => {
        for (let n = 0; n < 3; n++) {
          for (;;) {
            const current = await getClaim(server, id)
            const response = await patchNote(server, id, current.version, `${current.note ?? ''} ${token}.${n}`.trim())
            if (response.status === 200) {
              acknowledged.push(`${token}.${n}`)
              break
            }
            expect(response.status).toBe(409)
          }
        }
      }),
    )
    const final = await getClaim(b, id)
    expect(final.version).toBe(start + acknowledged.length)
    const words = (final.note ?? '').split(' ')
    for (const mark of acknowledged) expect(words).toContain(mark)
  })

  test('an article ingested through one is a duplicate through the other', async () => {
    const [a, b] = pair()
    const text =
      'Ferry fares to rise\n\nThe island ferry company said on Monday that fares would rise by eight percent from June, blaming fuel costs.\n\nPassenger groups said the rise was the third in two years and called on the council to intervene.'
    const first = await api(a, '/api/articles', { method: 'POST', body: JSON.stringify({ text }) })
    expect(first.status).toBe(201)
    const again = await api(b, '/api/articles', { method: 'POST', body: JSON.stringify({ text }) })
    expect(again.status).toBe(200)
    expect(JSON.stringify(await again.json())).toContain('duplicate')
  })
})
