// Accounts against the real database: sign-in and its throttling, sessions, API tokens,
// first-run setup, admin changes, and the audit rows they leave.
import { expect, test } from 'vitest'
import { createAccount } from '@/lib/auth/accounts'
import { issueApiToken, resolveApiToken } from '@/lib/auth/api-tokens'
import { authenticate } from '@/lib/auth/credentials'
import { endSession, resolveSession, SESSION_IDLE_MS, SESSION_MAX_MS, startSession } from '@/lib/auth/sessions'
import { completeSetup, issueSetupCode, SetupClosedError, SetupCodeError, setupNeeded } from '@/lib/auth/setup'
import { signIn } from '@/lib/auth/sign-in'
import { MAX_ACCOUNT_FAILURES, MAX_ADDRESS_FAILURES, THROTTLE_WINDOW_MS } from '@/lib/auth/throttle'
import { getDb } from '@/lib/db'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { revokeApiToken } from '@/lib/queries/api-tokens'
import { DuplicateEmailError, LastAdminError, setPasswordHash, updateUser } from '@/lib/queries/users'
import { hashPassword } from '@/lib/auth/password'
import { hashSecret } from '@/lib/auth/tokens'
import { createTestAccount } from './helpers/accounts'

const at = (iso: string) => new Date(iso)

// Runs first: this file's database starts with no accounts.
test('first run: setup needs the code, creates one admin, and closes', async () => {
  expect(await setupNeeded()).toBe(true)
  const code = await issueSetupCode()
  expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
  const account = { email: 'Chief@Example.org ', name: 'Chief Editor', password: 'a long enough passphrase' }
  await expect(completeSetup('WRONG-CODE1', account)).rejects.toBeInstanceOf(SetupCodeError)
  // Two people finishing setup at once: exactly one admin results.
  const outcomes = await Promise.allSettled([completeSetup(code ?? '', account), completeSetup(code ?? '', { ...account, email: 'other@example.org' })])
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
  expect(await getDb().user.findMany({ select: { email: true, role: true } })).toEqual([expect.objectContaining({ role: 'admin' })])
  expect(await setupNeeded()).toBe(false)
  expect(await issueSetupCode()).toBeNull()
  await expect(completeSetup(code ?? '', { ...account, email: 'late@example.org' })).rejects.toBeInstanceOf(SetupClosedError)
  const admin = await getDb().user.findFirstOrThrow()
  expect(admin.email).toMatch(/^(chief|other)@example\.org$/)
  expect(admin.passwordHash).toMatch(/^\$argon2id\$/)
  expect((await listAuditEventsFor('User', admin.id)).map((e) => e.action)).toEqual(['user.create'])
})

test('sign-in: the right password works, the wrong one and unknown or deactivated accounts do not', async () => {
  const { user, password } = await createTestAccount('editor')
  expect(await signIn(user.email.toUpperCase(), password, '192.0.2.1')).toMatchObject({ ok: true, user: { id: user.id } })
  expect(await signIn(user.email, `${password}x`, '192.0.2.1')).toEqual({ ok: false, reason: 'invalid' })
  expect(await signIn('nobody@example.org', password, '192.0.2.1')).toEqual({ ok: false, reason: 'invalid' })
  const admin = await createTestAccount('admin')
  await updateUser(user.id, { active: false }, admin.user.id)
  expect(await signIn(user.email, password, '192.0.2.1')).toEqual({ ok: false, reason: 'invalid' })
  expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull()
})

test('sign-in is throttled per account after five failures, and per address after twenty', async () => {
  const { user, password } = await createTestAccount('viewer')
  const t0 = Date.parse('2030-01-01T10:00:00Z')
  for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++)
    expect(await signIn(user.email, 'wrong password!', `198.51.100.${i}`, new Date(t0 + i * 1000))).toMatchObject({ reason: 'invalid' })
  // Even the right password is refused while the account is throttled, from any address.
  const throttled = await signIn(user.email, password, '203.0.113.50', new Date(t0 + 10_000))
  expect(throttled).toMatchObject({ ok: false, reason: 'throttled' })
  expect(throttled.ok === false && throttled.reason === 'throttled' ? throttled.retryAfterSeconds : 0).toBe(THROTTLE_WINDOW_MS / 1000 - 10)
  expect(await signIn(user.email, password, '203.0.113.50', new Date(t0 + THROTTLE_WINDOW_MS + 1000))).toMatchObject({ ok: true })

  const sprayer = '203.0.113.99'
  for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) await signIn(`victim${i}@example.org`, 'guess guess guess', sprayer, new Date(t0 + 2 * THROTTLE_WINDOW_MS + i))
  expect(await signIn(user.email, password, sprayer, new Date(t0 + 2 * THROTTLE_WINDOW_MS + 100))).toMatchObject({ ok: false, reason: 'throttled' })
  expect(await signIn(user.email, password, '203.0.113.100', new Date(t0 + 2 * THROTTLE_WINDOW_MS + 100))).toMatchObject({ ok: true })
})

test('a successful sign-in forgives the account’s earlier typos', async () => {
  const { user, password } = await createTestAccount('viewer')
  const t0 = Date.parse('2031-01-01T10:00:00Z')
  for (let i = 0; i < MAX_ACCOUNT_FAILURES - 1; i++) await signIn(user.email, 'typo typo typo', '192.0.2.7', new Date(t0 + i))
  expect(await signIn(user.email, password, '192.0.2.7', new Date(t0 + 100))).toMatchObject({ ok: true })
  for (let i = 0; i < MAX_ACCOUNT_FAILURES - 1; i++) await signIn(user.email, 'typo typo typo', '192.0.2.7', new Date(t0 + 200 + i))
  expect(await signIn(user.email, password, '192.0.2.7', new Date(t0 + 300))).toMatchObject({ ok: true })
})

test('sessions: stored as a hash, slide with use, end at the absolute limit, on sign-out, and with deactivation', async () => {
  const { user } = await createTestAccount('editor')
  const t0 = at('2030-03-01T09:00:00Z')
  const { token, expiresAt } = await startSession(user.id, { ip: '192.0.2.1', userAgent: 'test' }, t0)
  expect(expiresAt.getTime()).toBe(t0.getTime() + SESSION_IDLE_MS)
  expect(await getDb().session.count({ where: { id: token } })).toBe(0) // the raw token is nowhere in the database
  expect((await resolveSession(token, t0))?.user.id).toBe(user.id)
  expect(await resolveSession(`${token}x`, t0)).toBeNull()

  // Used every 10 days, it lives on — but never past 30 days from sign-in.
  let now = t0
  for (let day = 10; day <= 30; day += 10) {
    now = new Date(t0.getTime() + day * 24 * 3600 * 1000 - 1000)
    expect((await resolveSession(token, now))?.expiresAt.getTime()).toBeLessThanOrEqual(t0.getTime() + SESSION_MAX_MS)
  }
  expect(await resolveSession(token, new Date(t0.getTime() + SESSION_MAX_MS))).toBeNull()
  expect(await getDb().session.count({ where: { id: hashSecret(token) } })).toBe(0) // an expired session is removed when seen

  const second = await startSession(user.id, { ip: null, userAgent: null })
  await endSession(second.token)
  expect(await resolveSession(second.token)).toBeNull()

  const third = await startSession(user.id, { ip: null, userAgent: null })
  const admin = await createTestAccount('admin')
  await updateUser(user.id, { active: false }, admin.user.id)
  expect(await resolveSession(third.token)).toBeNull()
})

test('an idle session expires after two weeks', async () => {
  const { user } = await createTestAccount('viewer')
  const t0 = at('2030-05-01T09:00:00Z')
  const { token } = await startSession(user.id, { ip: null, userAgent: null }, t0)
  expect(await resolveSession(token, new Date(t0.getTime() + SESSION_IDLE_MS - 1000))).not.toBeNull()
  const { token: idle } = await startSession(user.id, { ip: null, userAgent: null }, t0)
  expect(await resolveSession(idle, new Date(t0.getTime() + SESSION_IDLE_MS + 1000))).toBeNull()
})

test('a password change ends the user’s other sessions but keeps the current one', async () => {
  const { user, sessionToken } = await createTestAccount('viewer')
  const current = await startSession(user.id, { ip: null, userAgent: null })
  const currentSession = await resolveSession(current.token)
  await setPasswordHash(user.id, await hashPassword('another long passphrase'), user.id, currentSession?.sessionId ?? null)
  expect(await resolveSession(sessionToken)).toBeNull()
  expect(await resolveSession(current.token)).not.toBeNull()
  expect(await signIn(user.email, 'another long passphrase', '192.0.2.9')).toMatchObject({ ok: true })
  expect((await listAuditEventsFor('User', user.id)).map((e) => e.action)).toEqual(['user.create', 'user.password'])
})

test('a password change, own or by an admin, revokes every API token of the account, audited, and no one else’s', async () => {
  for (const byAdmin of [false, true]) {
    const { user, apiToken, sessionToken } = await createTestAccount('editor')
    const second = await issueApiToken(user.id, 'nightly import', null, user.id)
    const bystander = await createTestAccount('editor')
    const admin = await createTestAccount('admin')
    const keep = byAdmin ? null : ((await resolveSession(sessionToken))?.sessionId ?? null)
    const actorId = byAdmin ? admin.user.id : user.id

    expect(await setPasswordHash(user.id, await hashPassword('another long passphrase'), actorId, keep)).toEqual({ tokensRevoked: 2 })

    for (const token of [apiToken, second.token]) expect(await authenticate({ sessionToken: null, authorization: `Bearer ${token}` })).toBeNull()
    expect((await authenticate({ sessionToken: null, authorization: `Bearer ${bystander.apiToken}` }))?.id).toBe(bystander.user.id)
    expect(await resolveSession(sessionToken)).toEqual(byAdmin ? null : expect.objectContaining({ sessionId: keep }))
    const tokens = await getDb().apiToken.findMany({ where: { userId: user.id }, select: { id: true, revokedAt: true } })
    expect(tokens.map((t) => t.revokedAt instanceof Date)).toEqual([true, true])
    for (const { id } of tokens) {
      const events = await listAuditEventsFor('ApiToken', id)
      expect(events.map((e) => [e.action, e.actorId])).toEqual([
        ['token.create', user.id],
        ['token.revoke', actorId],
      ])
    }
    const password = (await listAuditEventsFor('User', user.id)).filter((e) => e.action === 'user.password')
    expect(password.map((e) => [e.actorId, e.after])).toEqual([[actorId, { tokensRevoked: 2 }]])
    // Tokens already revoked are not counted or audited again.
    expect(await setPasswordHash(user.id, await hashPassword('a third long passphrase'), actorId, null)).toEqual({ tokensRevoked: 0 })
    for (const { id } of tokens) expect(await listAuditEventsFor('ApiToken', id)).toHaveLength(2)
  }
})

test('API tokens: shown once, stored hashed, expire, and stop working when revoked', async () => {
  const { user } = await createTestAccount('editor')
  const t0 = at('2030-06-01T00:00:00Z')
  const { token, summary } = await issueApiToken(user.id, 'nightly import', 30, user.id, t0)
  expect(await getDb().apiToken.count({ where: { tokenHash: token } })).toBe(0)
  expect(summary).toMatchObject({ name: 'nightly import', prefix: `${token.slice(0, 10)}…` })
  expect((await authenticate({ sessionToken: null, authorization: `Bearer ${token}` }, t0))?.id).toBe(user.id)
  expect(await resolveApiToken(token, new Date(t0.getTime() + 31 * 24 * 3600 * 1000))).toBeNull()

  const other = await createTestAccount('editor')
  expect(await revokeApiToken(summary.id, other.user.id, other.user.id)).toBe(false) // not theirs to revoke
  expect(await revokeApiToken(summary.id, user.id, user.id)).toBe(true)
  expect(await resolveApiToken(token, t0)).toBeNull()
  expect((await listAuditEventsFor('ApiToken', summary.id)).map((e) => e.action)).toEqual(['token.create', 'token.revoke'])
})

test('admins: no duplicate emails, never without an active admin, changes audited with before and after', async () => {
  const first = await createTestAccount('admin')
  await expect(
    createAccount({ email: first.user.email.toUpperCase(), name: 'Copy', role: 'viewer', password: 'a long enough passphrase' }, first.user.id),
  ).rejects.toBeInstanceOf(DuplicateEmailError)
  const editor = await createTestAccount('editor')
  await updateUser(editor.user.id, { role: 'viewer' }, first.user.id)
  const [event] = (await listAuditEventsFor('User', editor.user.id)).filter((e) => e.action === 'user.update')
  expect([event?.actorId, event?.before, event?.after]).toEqual([
    first.user.id,
    { name: 'Test editor', role: 'editor', active: true },
    { name: 'Test editor', role: 'viewer', active: true },
  ])

  // Demote every admin but one; the last one cannot be demoted or deactivated.
  const admins = await getDb().user.findMany({ where: { role: 'admin', active: true }, select: { id: true } })
  for (const admin of admins.slice(1)) await updateUser(admin.id, { role: 'editor' }, first.user.id)
  const last = admins[0]?.id ?? ''
  await expect(updateUser(last, { active: false }, first.user.id)).rejects.toBeInstanceOf(LastAdminError)
  await expect(updateUser(last, { role: 'viewer' }, first.user.id)).rejects.toBeInstanceOf(LastAdminError)
  expect(await getDb().user.count({ where: { role: 'admin', active: true } })).toBe(1)
})
