// The two seed articles, as text copied from their pages, against every label in seeds.gold.json.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { DEMO_DIR, readGold } from '@/lib/demo/load-demo'
import { extractArticle } from '@/lib/ingest/extract/extract'
import { normalizeForComparison } from '@/lib/text/normalize'

const gold = readGold()

function extractSeed(file: string) {
  return extractArticle(readFileSync(path.join(DEMO_DIR, file)))
}

test.each(gold.articles.map((a) => [a.file, a] as const))('%s: body from the labelled first to last sentence, no page chrome', (file, labels) => {
  const draft = extractSeed(file)
  expect(draft.format).toBe('text')
  const body = normalizeForComparison(draft.paragraphs.join(' '))
  expect(normalizeForComparison(draft.paragraphs[0] ?? '')).toMatch(new RegExp(`^${escape(normalizeForComparison(labels.body.first))}`))
  expect(body.endsWith(normalizeForComparison(labels.body.last))).toBe(true)
  for (const chrome of labels.not_body) expect(body).not.toContain(normalizeForComparison(chrome))
  for (const claim of labels.claims) expect(draft.paragraphs.join('\n\n')).toContain(normalizeForComparison(claim.exact))
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

test('Reuters: title, byline from the wire credit, dateline, publisher and the dated header line', () => {
  const draft = extractSeed('004_beb8acb8efdee709.txt')
  expect(draft.title).toBe('Microsoft says not part of broad government online monitoring')
  expect(draft.standfirst).toBeNull()
  expect(draft.bylines).toEqual(['Bill Rigby'])
  expect(draft.dateline).toBe('SEATTLE')
  expect(draft.publisher).toBe('Reuters')
  expect(draft.published).toEqual({ iso: '2013-06-06T20:43:00-04:00', source: 'dateline', confidence: 0.9 })
  expect(draft.warnings).toEqual([])
})

test('iTnews: title and standfirst; "By on" is no byline and there is no date, so an editor is asked for one', () => {
  const draft = extractSeed('000_c08aa10e5cdda9cf.txt')
  expect(draft.title).toBe('Microsoft asks US to let it disclose security requests')
  expect(draft.standfirst).toBe('Wants to fix damaged reputation.')
  expect(draft.bylines).toEqual([])
  expect(draft.dateline).toBeNull()
  expect(draft.published).toBeNull()
  expect(draft.warnings).toContain('No publication date found: an editor should supply it.')
  // The copied text never names the site; the publisher comes from the source URL or the editor.
  expect(draft.publisher).toBeNull()
  expect(draft.paragraphs[0]).toContain('Microsoft has written') // the no-break space is folded
})
