// The timeline's outlet filter offers the outlets whose articles carry claims, and the one chosen:
// a followed feed's publisher, whose articles nobody has tagged yet, does not grow the menu.
import { expect, test } from 'vitest'
import { getDb } from '@/lib/db'
import { listTimelineOutlets } from '@/lib/queries/outlets'

test('the outlet menu lists outlets with claims, plus the chosen one', async () => {
  const db = getDb()
  const outlet = async (name: string) => (await db.outlet.create({ data: { name, domain: null } })).id
  const article = async (outletId: string, n: number) =>
    (
      await db.article.create({
        data: {
          title: `Story ${n}`,
          bylines: [],
          bodyText: `Body ${n}.`,
          bodyHash: `timeline-outlets-${n}`,
          extractorVersion: 'test',
          extractionWarnings: [],
          outletId,
        },
      })
    ).id
  const tagged = await outlet('Tagged Courier')
  const untagged = await outlet('Untagged Feed Outlet')
  const empty = await outlet('Outlet Without Articles')
  await db.claim.create({ data: { articleId: await article(tagged, 1), kind: 'allegation', quote: 'Body', target: [] } })
  await article(untagged, 2)

  const names = async (chosen?: string) => (await listTimelineOutlets(chosen)).map((o) => o.name)
  expect(await names()).toEqual(['Tagged Courier'])
  expect(await names(untagged)).toEqual(['Tagged Courier', 'Untagged Feed Outlet'])
  expect(await names(empty)).toEqual(['Outlet Without Articles', 'Tagged Courier'])
})
