// The demo data is cut from the seed texts at the labelled boundaries; this checks the cut
// against every label in seeds.gold.json.
import { expect, test } from 'vitest'
import { demoArticle, readGold } from '@/lib/demo/load-demo'
import { normalizeForComparison } from '@/lib/ingest/normalize'

const gold = readGold()

function labelsFor(file: string) {
  const labels = gold.articles.find((a) => a.file === file)
  if (!labels) throw new Error(`no labels for ${file}`)
  return labels
}

test.each(gold.articles.map((a) => [a.file, a] as const))('%s: body runs from the labelled first to last sentence', (_file, labels) => {
  const article = demoArticle(labels)
  const body = normalizeForComparison(article.bodyText)
  expect(body.startsWith(normalizeForComparison(labels.body.first))).toBe(true)
  expect(body.endsWith(normalizeForComparison(labels.body.last))).toBe(true)
  for (const chrome of labels.not_body) expect(body).not.toContain(normalizeForComparison(chrome))
  for (const claim of labels.claims) expect(article.bodyText).toContain(normalizeForComparison(claim.exact))
})

test('Reuters keeps its dateline time and zone; iTnews carries the editor-supplied day', () => {
  const reuters = demoArticle(labelsFor('004_beb8acb8efdee709.txt'))
  const itnews = demoArticle(labelsFor('000_c08aa10e5cdda9cf.txt'))
  expect(reuters.publishedAt?.toISOString()).toBe('2013-06-07T00:43:00.000Z')
  expect(reuters.publishedOffset).toBe('-04:00')
  expect(reuters.bylines).toEqual(['Bill Rigby'])
  expect(itnews.publishedSource).toBe('editor')
  expect(itnews.publishedOffset).toBeNull()
  expect(itnews.standfirst).toBe('Wants to fix damaged reputation.')
  expect(itnews.bodyText).not.toContain('\u00a0')
})
