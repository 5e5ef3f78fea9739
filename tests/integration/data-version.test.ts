// The archive's change counter is raised by the database when a transaction that wrote audit
// rows commits: not by one that rolls back, and not before the commit (so a long transaction
// does not hold the counter's row while other editors' writes wait on it).
import { expect, test } from 'vitest'
import { getDb } from '@/lib/db'
import { recordAuditEvent, recordAuditEvents } from '@/lib/queries/audit'
import { getDataVersion } from '@/lib/queries/data-version'

const event = (objectId: string) => ({ actorId: null, action: 'test.change', objectType: 'Test', objectId })

test('a committed audited change raises the counter; a rolled-back one does not', async () => {
  const before = BigInt(await getDataVersion())
  await expect(
    getDb().$transaction(async (tx) => {
      await recordAuditEvent(event('rolled-back'), tx)
      throw new Error('changed my mind')
    }),
  ).rejects.toThrow('changed my mind')
  expect(BigInt(await getDataVersion())).toBe(before)

  await getDb().$transaction(async (tx) => {
    await recordAuditEvents([event('a'), event('b')], tx)
    // Not yet: the trigger is deferred to the commit.
    expect(BigInt(await getDataVersion(tx))).toBe(before)
  })
  expect(BigInt(await getDataVersion())).toBeGreaterThan(before)
})

test('changes no claim shows leave the counter alone; a change to claims raises it', async () => {
  const before = BigInt(await getDataVersion())
  for (const action of ['article.ingest', 'article.update-extraction', 'suggestion.reject', 'feed.follow', 'token.create']) {
    await recordAuditEvent({ ...event(action), action })
  }
  expect(BigInt(await getDataVersion())).toBe(before)
  await recordAuditEvent({ ...event('claim'), action: 'claim.create' })
  expect(BigInt(await getDataVersion())).toBe(before + 1n)
})
