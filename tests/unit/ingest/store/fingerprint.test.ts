import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { DEMO_DIR } from '@/lib/demo/load-demo'
import { extractArticle } from '@/lib/ingest/extract/extract'
import { bodyHash, containment, NEAR_DUPLICATE_CONTAINMENT, paragraphFingerprints } from '@/lib/ingest/store/fingerprint'

const reuters = extractArticle(readFileSync(path.join(DEMO_DIR, '004_beb8acb8efdee709.txt'))).paragraphs
const itnews = extractArticle(readFileSync(path.join(DEMO_DIR, '000_c08aa10e5cdda9cf.txt'))).paragraphs
const text = (paragraphs: string[]) => paragraphs.join('\n\n')

test('the exact hash is the SHA-256 of the stored body', () => {
  expect(bodyHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})

test('a light copy edit keeps most paragraph fingerprints and stays above the containment bar', () => {
  const edited = reuters.map((p) => p.replace('Microsoft Corp said on Thursday', 'Microsoft Corp. said Thursday').replace('emailed statement', 'statement'))
  const original = new Set(paragraphFingerprints(reuters))
  const shared = paragraphFingerprints(edited).filter((h) => original.has(h))
  expect(shared.length).toBeGreaterThanOrEqual(3)
  expect(containment(text(reuters), text(edited))).toBeGreaterThan(NEAR_DUPLICATE_CONTAINMENT)
})

test('fingerprints ignore case, spacing and punctuation, and skip short paragraphs', () => {
  const shouted = reuters.map((p) => p.toUpperCase().replace(/ /g, '\u00a0').replace(/"/g, '“'))
  expect(paragraphFingerprints(shouted)).toEqual(paragraphFingerprints(reuters))
  expect(paragraphFingerprints(['Photo', 'Reuters staff', 'Short line here.'])).toEqual([])
  expect(paragraphFingerprints(reuters).every((h) => h >= -(2n ** 63n) && h < 2n ** 63n)).toBe(true)
})

test('unrelated articles share no fingerprint and almost no shingles', () => {
  const a = new Set(paragraphFingerprints(reuters))
  expect(paragraphFingerprints(itnews).filter((h) => a.has(h))).toEqual([])
  expect(containment(text(reuters), text(itnews))).toBeLessThan(0.05)
})

test('containment: a syndicated copy with an extra paragraph contains the original', () => {
  const syndicated = [...reuters, 'Microsoft shares were up 1 percent in after-hours trading on Nasdaq.']
  expect(containment(text(reuters), text(syndicated))).toBe(1)
})
