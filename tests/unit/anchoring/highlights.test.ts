// Segments for rendering claims as <mark>s, on synthetic text and on the Reuters seed's stored body.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { splitIntoSegments, type ParagraphSegments } from '@/lib/anchoring/highlights'
import { DEMO_DIR, readGold } from '@/lib/demo/load-demo'
import { extractArticle } from '@/lib/ingest/extract/extract'
import { normalizeParagraph } from '@/lib/text/normalize'
import { joinParagraphs, splitParagraphs } from '@/lib/text/paragraphs'

// The first paragraph is 0-23, the break 23-25, the second paragraph 25-57.
const text = 'Acme denied the report.\n\nRegulators said the fine stands.'

// [start, end, ids] per segment, per paragraph: short enough to read in an assertion.
function shape(paragraphs: ParagraphSegments[]): [number, number, string[]][][] {
  return paragraphs.map((p) => p.segments.map((s) => [s.start, s.end, s.ids]))
}

test('no highlights: one plain segment per paragraph, with absolute offsets', () => {
  const paragraphs = splitIntoSegments(text, [])
  expect(paragraphs).toEqual([
    { start: 0, end: 23, segments: [{ start: 0, end: 23, text: 'Acme denied the report.', ids: [] }] },
    { start: 25, end: 57, segments: [{ start: 25, end: 57, text: 'Regulators said the fine stands.', ids: [] }] },
  ])
})

test('one highlight cuts its paragraph in three', () => {
  const paragraphs = splitIntoSegments(text, [{ id: 'a', start: 5, end: 11 }])
  expect(paragraphs[0]?.segments.map((s) => [s.text, s.ids])).toEqual([
    ['Acme ', []],
    ['denied', ['a']],
    [' the report.', []],
  ])
  expect(paragraphs[1]?.segments).toHaveLength(1)
})

test('nested highlights: the inner run carries both ids', () => {
  const paragraphs = splitIntoSegments(text, [
    { id: 'outer', start: 0, end: 23 },
    { id: 'inner', start: 5, end: 11 },
  ])
  expect(shape(paragraphs)[0]).toEqual([
    [0, 5, ['outer']],
    [5, 11, ['outer', 'inner']],
    [11, 23, ['outer']],
  ])
})

test('partially overlapping highlights: three runs, the middle one shared', () => {
  const paragraphs = splitIntoSegments(text, [
    { id: 'a', start: 0, end: 11 },
    { id: 'b', start: 5, end: 15 },
  ])
  expect(shape(paragraphs)[0]).toEqual([
    [0, 5, ['a']],
    [5, 11, ['a', 'b']],
    [11, 15, ['b']],
    [15, 23, []],
  ])
})

test('a highlight across a paragraph break appears in both paragraphs, not on the break', () => {
  const paragraphs = splitIntoSegments(text, [{ id: 'x', start: 12, end: 35 }])
  expect(shape(paragraphs)).toEqual([
    [
      [0, 12, []],
      [12, 23, ['x']],
    ],
    [
      [25, 35, ['x']],
      [35, 57, []],
    ],
  ])
  expect(paragraphs.flatMap((p) => p.segments.map((s) => s.text)).join('')).not.toContain('\n')
})

test('adjacent highlights stay separate, with no empty segment between them', () => {
  const paragraphs = splitIntoSegments(text, [
    { id: 'a', start: 0, end: 4 },
    { id: 'b', start: 4, end: 11 },
  ])
  expect(shape(paragraphs)[0]).toEqual([
    [0, 4, ['a']],
    [4, 11, ['b']],
    [11, 23, []],
  ])
})

test('separate highlights in different paragraphs do not touch each other', () => {
  const paragraphs = splitIntoSegments(text, [
    { id: 'a', start: 5, end: 11 },
    { id: 'b', start: 41, end: 45 },
  ])
  expect(shape(paragraphs)).toEqual([
    [
      [0, 5, []],
      [5, 11, ['a']],
      [11, 23, []],
    ],
    [
      [25, 41, []],
      [41, 45, ['b']],
      [45, 57, []],
    ],
  ])
})

test('empty highlights and one covering only the break are ignored', () => {
  const paragraphs = splitIntoSegments(text, [
    { id: 'empty', start: 7, end: 7 },
    { id: 'break', start: 23, end: 25 },
  ])
  expect(paragraphs.flatMap((p) => p.segments.flatMap((s) => s.ids))).toEqual([])
})

test('the labelled claims on the Reuters seed: segments rebuild each paragraph, each claim is marked whole', () => {
  const body = joinParagraphs(extractArticle(readFileSync(path.join(DEMO_DIR, '004_beb8acb8efdee709.txt'))).paragraphs)
  const claims = readGold().articles.find((a) => a.file === '004_beb8acb8efdee709.txt')?.claims ?? []
  const labelled = claims.map((claim, i) => {
    const exact = normalizeParagraph(claim.exact)
    const start = body.indexOf(exact)
    return { id: `c${i}`, start, end: start + exact.length }
  })
  expect(labelled.every((h) => h.start >= 0)).toBe(true)
  // One more, overlapping the end of the first claim, as an editor's second reading might.
  const overlapStart = body.indexOf('specific accounts, after the Washington Post')
  const highlights = [...labelled, { id: 'overlap', start: overlapStart, end: overlapStart + 44 }]
  const paragraphs = splitIntoSegments(body, highlights)
  expect(paragraphs.map((p) => p.segments.map((s) => s.text).join(''))).toEqual(splitParagraphs(body))
  for (const paragraph of paragraphs) {
    for (const segment of paragraph.segments) expect(body.slice(segment.start, segment.end)).toBe(segment.text)
  }
  for (const h of highlights) {
    const marked = paragraphs.flatMap((p) => p.segments.filter((s) => s.ids.includes(h.id)).map((s) => s.text)).join('')
    expect(marked).toBe(body.slice(h.start, h.end))
  }
  expect(paragraphs[0]?.segments.find((s) => s.text === 'specific accounts')?.ids).toEqual(['c0', 'overlap'])
})
