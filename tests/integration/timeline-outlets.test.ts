// The timeline's outlet filter offers the outlets whose articles carry claims, and the one chosen:
// a followed feed's publisher, whose articles nobody has tagged yet, does not grow the menu. The
// list is kept until the claims' change counter moves.
import { expect, test } from 'vitest'
import { getDb } from '@/lib/db'
import { loadTimelineOutlets } from '@/lib/timeline/load'

test('the outlet menu lists outlets with claims, plus the chosen one, and follows the claims’ changes', async () => {
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
  const untaggedArticle = await article(untagged, 2)

  const names = async (version: string, chosen?: string) => (await loadTimelineOutlets(version, chosen)).map((o) => o.name)
  expect(await names('1')).toEqual(['Tagged Courier'])
  expect(await names('1', untagged)).toEqual(['Tagged Courier', 'Untagged Feed Outlet'])
  expect(await names('1', empty)).toEqual(['Outlet Without Articles', 'Tagged Courier'])

  await db.claim.create({ data: { articleId: untaggedArticle, kind: 'statement', quote: 'Body', target: [] } })
  // Until the counter moves the menu is the one computed for it; then it has the new outlet.
  expect(await names('1')).toEqual(['Tagged Courier'])
  expect(await names('2')).toEqual(['Tagged Courier', 'Untagged Feed Outlet'])
})
