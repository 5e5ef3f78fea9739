import { expect, test } from 'vitest'
import { claimTarget } from '@/lib/anchoring/selectors'
import { getDb } from '@/lib/db'
import { loadDemoData, readGold } from '@/lib/demo/load-demo'
import { listClaimsForArticle } from '@/lib/queries/claims'
import { getArticle, listArticles } from '@/lib/queries/articles'

const gold = readGold()

test('loads the two seed articles with their labelled claims and links, once', async () => {
  expect(await loadDemoData()).toEqual({ loaded: true, articles: 2 })
  const articles = await listArticles()
  expect(articles.map((a) => a.title)).toEqual([
    // newest first: iTnews (17 Jul 2013) then Reuters (6 Jun 2013)
    'Microsoft asks US to let it disclose security requests',
    'Microsoft says not part of broad government online monitoring',
  ])
  const byTitle = new Map(gold.articles.map((a) => [a.metadata.title, a]))
  for (const article of articles) expect(article._count.claims).toBe(byTitle.get(article.title)?.claims.length)
  expect(articles.map((a) => a.outlet?.name)).toEqual(['iTnews', 'Reuters'])

  expect(await getDb().claimLink.count()).toBe(gold.articles.reduce((n, a) => n + a.links.length, 0))
  expect(await loadDemoData()).toEqual({ loaded: false, articles: 0 })
  expect(await getDb().article.count()).toBe(2)
})

test('every claim target points at its own words in the stored body', async () => {
  const [first] = await listArticles({ q: 'monitoring' })
  const article = await getArticle(first?.id ?? '')
  const claims = await listClaimsForArticle(first?.id ?? '')
  expect(claims.length).toBeGreaterThan(0)
  expect(article?.bylines).toEqual(['Bill Rigby'])
  expect(article?.dateline).toBe('SEATTLE')
  for (const claim of claims) {
    const target = claimTarget.parse(claim.target)
    const position = target.find((s) => s.type === 'TextPositionSelector')
    const quote = target.find((s) => s.type === 'TextQuoteSelector')
    expect(article?.bodyText.slice(position?.start, position?.end)).toBe(claim.quote)
    expect(quote?.exact).toBe(claim.quote)
  }
  const denial = claims.find((c) => c.kind === 'denial')
  expect(denial?.speaker?.name).toBe('Microsoft')
  expect(denial?.claimDate?.toISOString().slice(0, 10)).toBe('2013-06-06')
})

test('title search is case-insensitive and narrows the list', async () => {
  expect((await listArticles({ q: 'DISCLOSE' })).map((a) => a.title)).toEqual(['Microsoft asks US to let it disclose security requests'])
  expect(await listArticles({ q: 'no such words' })).toEqual([])
  expect(await listArticles({ q: '%' })).toEqual([]) // a LIKE wildcard is matched literally
})

test('the demo load is in the audit trail', async () => {
  const events = await getDb().auditEvent.findMany({ where: { action: 'demo.load' } })
  expect(events).toHaveLength(1)
})
