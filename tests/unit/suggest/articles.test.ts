// End to end on the seed articles and the synthetic fixtures: the engine must keep finding the
// labelled claims (floors, not exact lists, so that better rules do not break the test).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test, expect } from 'vitest'
import { metrics, scoreArticle, totals, type GoldClaim } from '@/lib/claims/suggest/score'
import { suggestClaims } from '@/lib/claims/suggest/suggest'
import type { KnownEntity } from '@/lib/claims/suggest/types'
import { extractArticle } from '@/lib/ingest/extract/extract'
import { joinParagraphs } from '@/lib/text/paragraphs'

type GoldFile = { articles: { file: string; claims: GoldClaim[]; entities?: KnownEntity[] }[] }

function run(goldPath: string, dir: string) {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile
  const bodies = gold.articles.map((a) => joinParagraphs(extractArticle(readFileSync(path.join(dir, a.file))).paragraphs))
  const scores = gold.articles.map((a, i) => {
    const suggestions = suggestClaims(bodies[i]!)
    for (const s of suggestions) expect(bodies[i]!.slice(s.start, s.end)).toBe(s.exact)
    return scoreArticle(bodies[i]!, a.claims, suggestions, { entities: a.entities ?? [] })
  })
  return metrics(totals(scores))
}

test('the seed articles: recall and precision at least 0.9 with no entities given', () => {
  const m = run(path.join('prisma', 'demo', 'seeds.gold.json'), path.join('prisma', 'demo'))
  expect(m.recall).toBeGreaterThanOrEqual(0.9)
  expect(m.precision).toBeGreaterThanOrEqual(0.9)
  expect(m.speakerAccuracy).toBeGreaterThanOrEqual(0.9)
})

test('the synthetic articles: recall and precision at least 0.8 with no entities given', () => {
  const m = run(path.join('tests', 'fixtures', 'suggest', 'gold.json'), path.join('tests', 'fixtures', 'suggest'))
  expect(m.recall).toBeGreaterThanOrEqual(0.8)
  expect(m.precision).toBeGreaterThanOrEqual(0.8)
})

test('offsets hold on text with no-break spaces, curly quotes and several paragraphs', () => {
  const text =
    'Acme\u00a0Corp said on Monday that it would “review every contract”.\n\n“We have nothing to hide,” said John Doe, a spokesman for Acme.\n\nThe company reportedly paid $5 million to settle, according to filings.'
  const suggestions = suggestClaims(text)
  expect(suggestions.length).toBeGreaterThanOrEqual(3)
  for (const s of suggestions) expect(text.slice(s.start, s.end)).toBe(s.exact)
  expect(suggestClaims('')).toEqual([])
})

test('no two suggestions overlap', () => {
  const body = joinParagraphs(extractArticle(readFileSync(path.join('prisma', 'demo', '004_beb8acb8efdee709.txt'))).paragraphs)
  const found = suggestClaims(body)
  for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end)
})
