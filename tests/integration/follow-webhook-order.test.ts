// The webhook's scan against commit order: a claim stamped before another but committed after it
// (two transactions at once, as on PostgreSQL with several writers) is still sent, once. The
// scan that ran between the two commits saw only the later-stamped claim and moved its cursor
// past the earlier one's time.
import { expect, inject, test } from 'vitest'
import { getDb } from '@/lib/db'
import { scanWebhookNews, setWebhook } from '@/lib/follow/webhook'
import { followEntity } from '@/lib/queries/follows'
import { createTestAccount } from './helpers/accounts'

// On the embedded database one transaction runs at a time: the second claim would wait for the first.
const concurrentWriters = inject('database').kind !== 'pglite'
const reason = { meta: { skipReason: 'PostgreSQL only: on the embedded database transactions run one at a time, so commits follow their stamps' } }

test.skipIf(!concurrentWriters)('a claim committed after a later-stamped one, with a scan between the commits, is sent once', reason, async () => {
  const db = getDb()
  const reader = await createTestAccount('viewer')
  // Two followed companies: writers of claims about one company take turns on its row of tallies
  // (the company page's numbers), so their commits follow their stamps; about two they need not.
  const company = await db.entity.create({ data: { kind: 'company', name: `Fabrikam Shipping ${reader.user.id.slice(-6)}` } })
  const regulator = await db.entity.create({ data: { kind: 'company', name: `Contoso Audit ${reader.user.id.slice(-6)}` } })
  await followEntity(reader.user.id, company.id)
  await followEntity(reader.user.id, regulator.id)
  await setWebhook(reader.user.id, 'https://receiver.example/hook')
  const body = 'Fabrikam Shipping hid losses from investors, the regulator said.'
  const article = await db.article.create({
    data: { title: 'Fabrikam', bodyText: body, bodyHash: `order-test-${reader.user.id}`, extractorVersion: 'test' },
  })
  const claim = (quote: string, subjectId: string) => ({
    articleId: article.id,
    kind: 'allegation' as const,
    quote,
    subjectId,
    target: [{ type: 'TextQuoteSelector', exact: quote }],
  })

  // The first claim's transaction inserts (its time is taken now) and stays open …
  let commit = () => {}
  const open = new Promise<void>((resolve) => (commit = resolve))
  let inserted = () => {}
  const first = new Promise<void>((resolve) => (inserted = resolve))
  const earlier = db.$transaction(async (tx) => {
    const row = await tx.claim.create({ data: claim('hid losses from investors', company.id), select: { id: true, createdAt: true } })
    inserted()
    await open
    return row
  })
  await first
  await new Promise((resolve) => setTimeout(resolve, 20))
  // … while a second claim, stamped later, commits, and a scan runs.
  const later = await db.claim.create({ data: claim('the regulator said', regulator.id), select: { id: true, createdAt: true } })
  const scanned = (await scanWebhookNews(reader.user.id)).map((d) => d.id)
  commit()
  const early = await earlier
  expect(early.createdAt.getTime()).toBeLessThan(later.createdAt.getTime())
  expect(scanned).toEqual([`claim:${later.id}`])

  // The next scans send the earlier claim, once, and never the later one again.
  const next = (await scanWebhookNews(reader.user.id)).map((d) => d.id)
  const after = (await scanWebhookNews(reader.user.id)).map((d) => d.id)
  expect([next, after]).toEqual([[`claim:${early.id}`], []])
})
