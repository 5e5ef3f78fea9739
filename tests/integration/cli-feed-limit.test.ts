// `claimline ingest` of a feed with more items than CLAIMLINE_FEED_MAX_ITEMS: the summary says
// how many were taken of how many, and only those are stored.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { getDatabase, getDb } from '@/lib/db'
import { claimline } from './helpers/claimline'
import { tempDir } from './helpers/test-databases'

test('a 10 000-item feed: the first 3 items are stored and the summary says "first 3 of 10,000 items taken"', { timeout: 120_000 }, async () => {
  await getDatabase() // this process opens the database first, as the server would
  const paragraph = (i: number) => `<p>Wire item ${i}: the harbour board met again on Tuesday to discuss the ferry terminal and its costs.</p>`
  const items = Array.from(
    { length: 10_000 },
    (_, n) =>
      `<item><title>Wire item ${n + 1}</title><link>https://wire.example/${n + 1}</link><content:encoded><![CDATA[${paragraph(n + 1).repeat(3)}]]></content:encoded></item>`,
  )
  const file = path.join(tempDir('claimline-feed-'), 'wire.rss')
  writeFileSync(
    file,
    `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>${items.join('')}</channel></rss>`,
  )

  const run = await claimline(['ingest', file], { env: { ...process.env, CLAIMLINE_FEED_MAX_ITEMS: '3' } })
  const stdout = run.stdout.toString('utf8')
  expect(run.code, run.stderr).toBe(0)
  expect(stdout).toMatch(/created\s+3\n/)
  expect(stdout).toContain(
    `Note:\n  ${path.relative(process.cwd(), file) || file}: first 3 of 10,000 items taken (the limit per feed is 3; CLAIMLINE_FEED_MAX_ITEMS).`,
  )
  expect(await getDb().article.findMany({ where: { title: { startsWith: 'Wire item ' } }, select: { title: true }, orderBy: { title: 'asc' } })).toEqual(
    [1, 2, 3].map((i) => ({ title: `Wire item ${i}` })),
  )
})
