// Other shapes of text copied from news pages than the two seeds: a UK broadsheet page with
// navigation, dek, name-only byline and a dotted time; a wire story with a breadcrumb trail,
// "By" line, bare date line and an em-dash dateline.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { extractArticle } from '@/lib/ingest/extract/extract'

const fixture = (name: string) => extractArticle(readFileSync(path.join(import.meta.dirname, '../../../fixtures/text', name)))

test('broadsheet page: headline, dek, names-only byline, date; navigation and "Most viewed" left out', () => {
  const draft = fixture('guardian-style.txt')
  expect(draft.title).toBe('Microsoft handed the NSA access to encrypted messages, files show')
  expect(draft.standfirst).toBe('Secret files show scale of Silicon Valley co-operation on Prism')
  expect(draft.bylines).toEqual(['Alex Hartley', 'Sam Moreno'])
  expect(draft.published).toEqual({ iso: '2013-07-11T18:27:00+01:00', source: 'dateline', confidence: 0.9 })
  expect(draft.paragraphs).toHaveLength(4)
  expect(draft.paragraphs[0]).toMatch(/^Microsoft has collaborated closely/)
  expect(draft.paragraphs.at(-1)).toMatch(/the statement said\.$/)
})

test('wire story: breadcrumb is not the headline; "By" line, date line and dateline are read', () => {
  const draft = fixture('wire-style.txt')
  expect(draft.title).toBe('Company denies it gave agency direct server access')
  expect(draft.standfirst).toBeNull()
  expect(draft.bylines).toEqual(['Jane Doe'])
  expect(draft.published).toEqual({ iso: '2013-06-07', source: 'dateline', confidence: 0.6 })
  expect(draft.dateline).toBe('WASHINGTON')
  expect(draft.publisher).toBeNull()
  expect(draft.paragraphs).toHaveLength(4)
  expect(draft.paragraphs.join(' ')).not.toMatch(/Related Stories|Comments/)
})
