// The CLI takes the ids people can see: a token by the prefix `token list` shows, and says
// plainly when an id names nothing (a raw Prisma error before), exiting non-zero.
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { createAccount } from '@/lib/auth/accounts'
import { issueApiToken, resolveApiToken } from '@/lib/auth/api-tokens'
import { hashSecret } from '@/lib/auth/tokens'
import { getDatabase, getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import { createApiTokenRecord } from '@/lib/queries/api-tokens'
import { claimline, CLI_TEST_TIMEOUT } from './helpers/claimline'

test(
  'token revoke takes the id, the visible prefix (with or without …) or the token itself',
  async () => {
    await getDatabase() // this process owns the database and serves it to the CLI
    const user = await createAccount({ email: 'desk@example.org', name: 'Desk', role: 'editor', password: 'a long desk passphrase' }, null)
    if (!user) throw new Error('no account')
    const tokens = await Promise.all(['feed', 'sheet', 'bot', 'spare'].map((name) => issueApiToken(user.id, name, null, null)))
    const [feed, sheet, bot, spare] = tokens.map((t) => ({ ...t, visible: t.summary.prefix.replace('…', '') }))
    if (!feed || !sheet || !bot || !spare) throw new Error('no tokens')

    const list = await claimline(['token', 'list', '--email', 'desk@example.org'])
    expect(list.stdout.toString()).toContain(feed.summary.prefix)

    const byPrefix = await claimline(['token', 'revoke', '--email', 'desk@example.org', feed.visible])
    expect([byPrefix.code, byPrefix.stdout.toString().trim(), byPrefix.stderr]).toEqual([0, `Revoked ${feed.summary.prefix} "feed".`, ''])
    const asListed = await claimline(['token', 'revoke', '--email', 'desk@example.org', sheet.summary.prefix])
    expect(asListed.code).toBe(0)
    const whole = await claimline(['token', 'revoke', '--email', 'desk@example.org', bot.token])
    expect(whole.code).toBe(0)
    const byId = await claimline(['token', 'revoke', '--email', 'desk@example.org', spare.summary.id])
    expect(byId.code).toBe(0)
    for (const t of [feed, sheet, bot, spare]) expect(await resolveApiToken(t.token)).toBeNull()

    const again = await claimline(['token', 'revoke', '--email', 'desk@example.org', feed.visible])
    expect([again.code, again.stdout.toString().trim()]).toEqual([0, `${feed.summary.prefix} "feed" was already revoked.`])
  },
  CLI_TEST_TIMEOUT,
)

test(
  'token revoke: an unknown or ambiguous token is an error naming it, exit 1',
  async () => {
    await getDatabase()
    const user = await createAccount({ email: 'night@example.org', name: 'Night', role: 'editor', password: 'a long night passphrase' }, null)
    if (!user) throw new Error('no account')
    const other = await createAccount({ email: 'other@example.org', name: 'Other', role: 'editor', password: 'another long passphrase' }, null)
    if (!other) throw new Error('no account')
    const theirs = await issueApiToken(other.id, 'theirs', null, null)

    for (const ref of ['clk_nosuch', 'not-a-token', randomUUID(), theirs.summary.prefix, theirs.token, theirs.summary.id]) {
      const run = await claimline(['token', 'revoke', '--email', 'night@example.org', ref])
      expect([run.code, run.stderr.trim()]).toEqual([1, `No such token for night@example.org: ${ref} (token list shows them).`])
    }
    expect(await resolveApiToken(theirs.token)).not.toBeNull()

    // Two tokens whose visible prefixes agree (1 in 2^36 by chance): only the id tells them apart.
    const twins = await Promise.all(
      ['twin one', 'twin two'].map((name, i) =>
        createApiTokenRecord({ userId: user.id, name, tokenHash: hashSecret(`clk_twins_${i}`), prefix: 'clk_twins…', expiresAt: null }, null),
      ),
    )
    const ambiguous = await claimline(['token', 'revoke', '--email', 'night@example.org', 'clk_twins'])
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr.trim()).toMatch(/^clk_twins names 2 tokens of night@example\.org; give the id: /)
    for (const twin of twins) expect(ambiguous.stderr).toContain(twin.id)
    expect(await getDb().apiToken.count({ where: { userId: user.id, revokedAt: { not: null } } })).toBe(0)
  },
  CLI_TEST_TIMEOUT,
)

test(
  'reextract with an id that names no article says so and re-extracts nothing',
  async () => {
    await getDatabase()
    await loadDemoData(getDb())
    const [article] = await getDb().article.findMany({ select: { id: true }, take: 1 })
    if (!article) throw new Error('no demo article')
    const missing = randomUUID()
    const run = await claimline(['reextract', article.id, 'not-an-id', missing])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toEqual(['No such article: not-an-id', `No such article: ${missing}`])
    expect(await getDb().auditEvent.count({ where: { action: 'article.reextract' } })).toBe(0)

    const known = await claimline(['reextract', article.id])
    expect(known.code).toBe(0)
    expect(await getDb().auditEvent.count({ where: { action: 'article.reextract' } })).toBe(1)
  },
  CLI_TEST_TIMEOUT,
)
