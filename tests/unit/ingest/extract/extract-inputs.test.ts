// Bad and unusual inputs to the whole extractor: each is a clear result or a clear error.
import { gzipSync } from 'node:zlib'
import { expect, test } from 'vitest'
import { IngestError } from '@/lib/ingest/errors'
import { extractArticle, looksLikeHtml } from '@/lib/ingest/extract/extract'

const utf8 = (text: string) => new TextEncoder().encode(text)
const ARTICLE =
  '<!doctype html><html lang="en"><head><title>A headline</title></head><body><article><h1>A headline</h1>' +
  '<p>The first paragraph of the story is long enough to be prose that a reader would read.</p>' +
  '<p>The second paragraph carries on with more of the story, also at a decent length for prose.</p>' +
  '</article></body></html>'

function codeOf(run: () => unknown): string | null {
  try {
    run()
    return null
  } catch (error) {
    return error instanceof IngestError ? error.code : `not an IngestError: ${String(error)}`
  }
}

test('empty and white-space-only inputs', () => {
  expect(codeOf(() => extractArticle(new Uint8Array()))).toBe('empty')
  expect(codeOf(() => extractArticle(utf8(' \n\t \n')))).toBe('empty')
})

test('an input over the size cap is refused before any parsing', () => {
  expect(codeOf(() => extractArticle(new Uint8Array(1024 + 1), { maxBytes: 1024 }))).toBe('too-large')
  expect(() => extractArticle(new Uint8Array(51 * 1024 * 1024))).toThrow(/51\.0 MB; the limit is 20 MB/)
})

test('gzip is unpacked, within the same cap; a gzip bomb is refused', () => {
  expect(extractArticle(gzipSync(utf8(ARTICLE))).paragraphs).toHaveLength(2)
  const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20))
  expect(codeOf(() => extractArticle(bomb, { maxBytes: 1024 * 1024 }))).toBe('too-large')
  expect(codeOf(() => extractArticle(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02])))).toBe('binary')
})

test('binary files are refused', () => {
  expect(codeOf(() => extractArticle(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))).toBe('binary')
})

test('a page with no article text is "no-article"', () => {
  expect(codeOf(() => extractArticle(utf8('<html><body><nav><a href="/">Home</a></nav></body></html>')))).toBe('no-article')
})

test('HTML and text are told apart', () => {
  expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true)
  expect(looksLikeHtml('  <html lang="en">')).toBe(true)
  expect(looksLikeHtml('<div><p>One</p><p>Two</p></div>')).toBe(true)
  expect(looksLikeHtml('Microsoft says not part of broad government online monitoring\n\nSEATTLE (Reuters) - …')).toBe(false)
  expect(looksLikeHtml('He wrote that 3 < 4 and 5 > 2.')).toBe(false)
  expect(extractArticle(utf8(ARTICLE)).format).toBe('html')
})

test('deeply nested tags do not overflow the stack', () => {
  const nested = `<html><body>${'<div>'.repeat(20_000)}<p>${'Deep text that is long enough to count as a paragraph of prose. '.repeat(2)}</p>${'</div>'.repeat(20_000)}</body></html>`
  expect(() => extractArticle(utf8(nested))).not.toThrow(RangeError)
})
