// The hostile corpus (tests/fixtures/hostile): each page gives a clear result or a clear
// error, and nothing executable survives into the stored text or the links we keep.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { IngestError } from '@/lib/ingest/errors'
import { extractArticle } from '@/lib/ingest/extract/extract'
import { MAX_ELEMENTS, MAX_NESTING_DEPTH, parseHtml } from '@/lib/ingest/extract/html/parse'
import { suspiciousTextWarnings } from '@/lib/ingest/extract/suspicious-text'

const page = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../../fixtures/hostile', name)))
const extract = (name: string) => extractArticle(page(name), { url: 'https://news.example/story' })
const textOf = (name: string) => {
  const draft = extract(name)
  return [draft.title, draft.standfirst, ...draft.bylines, ...draft.paragraphs].join('\n')
}

function failure(run: () => unknown): { code: string; message: string } | null {
  try {
    run()
    return null
  } catch (error) {
    if (error instanceof IngestError) return { code: error.code, message: error.message }
    throw error
  }
}

test.each(['script-tags.html', 'event-handlers.html', 'javascript-urls.html', 'svg-script.html', 'css-expressions.html'])(
  '%s: the story is kept, no script, handler or style survives',
  (name) => {
    const text = textOf(name)
    expect(extract(name).paragraphs.length).toBeGreaterThanOrEqual(3)
    // Only the sentence that shows script source as visible text (escaped in the page) may mention alert.
    const mentions = text.split('\n').filter((line) => line.includes('alert('))
    expect(mentions.every((line) => line.includes('escaped text stays text') || line.includes("ipt>alert('split')"))).toBe(true)
    for (const gone of ['expression(', 'javascript:', 'vbscript:', 'onerror', 'onload', '-moz-binding', 'Enable JavaScript']) expect(text).not.toContain(gone)
  },
)

test('markup written as text stays text, character for character', () => {
  expect(extract('script-tags.html').paragraphs).toContain(
    '<script>alert("escaped text stays text")</script> was pasted by a reader into the form, the court heard on Wednesday.',
  )
})

test('javascript: canonical, og:url, base and refresh URLs are not kept as the article’s address', () => {
  expect(extract('javascript-urls.html').canonicalUrl).toBe('https://news.example/story')
  expect(extractArticle(page('javascript-urls.html')).canonicalUrl).toBeNull()
})

test('look-alike and direction-changing Unicode is kept as written, with warnings for the editor', () => {
  const draft = extract('lookalike-unicode.html')
  expect(draft.title).toContain('\u0410\u0441m\u0435') // Cyrillic А and с, е
  expect(draft.paragraphs.join(' ')).toContain('finance') // the ﬁ ligature folded by NFKC
  expect(draft.paragraphs.join(' ')).toContain('Acme in full-width') // full-width letters folded
  expect(draft.paragraphs.join(' ')).toContain('zerowidth') // zero-width space removed
  expect(draft.warnings).toEqual(
    expect.arrayContaining([expect.stringMatching(/bidirectional overrides/), expect.stringMatching(/look-alike Cyrillic or Greek ones \(Асmе\)/)]),
  )
})

test('ordinary Greek, Russian and accented Latin text raises no look-alike warning', () => {
  expect(suspiciousTextWarnings(['Η Microsoft αρνήθηκε.', 'Компания Microsoft опровергла сообщения.', 'Café owners in Zürich said so.'])).toEqual([])
})

test('invalid UTF-8 is read with replacement characters and a warning, not refused', () => {
  const draft = extract('invalid-utf8.html')
  expect(draft.title).toBe('Acme results \uFFFD( broken')
  expect(draft.warnings[0]).toBe('Some bytes were not valid UTF-8 and were replaced with \uFFFD.')
})

test('a PNG named .html is refused as an image', () => {
  expect(failure(() => extract('binary-disguised.html'))).toEqual({ code: 'binary', message: 'This is a PNG image, not a web page or text.' })
})

test('a 50 MB page is refused before it is read', () => {
  const big = new TextEncoder().encode(`<html><body><article><p>${'Acme said so. '.repeat(4 * 1024 * 1024)}</p></article></body></html>`)
  expect(big.length).toBeGreaterThan(50 * 1024 * 1024)
  expect(failure(() => extractArticle(big))).toEqual({ code: 'too-large', message: 'This input is 56.0 MB; the limit is 20 MB.' })
})

test('tags nested 100 000 deep are refused as the parser builds them (it would take minutes)', () => {
  const story = '<p>The regulator said on Tuesday that the company had failed to disclose the breach for eleven weeks.</p>'
  const deep = `<html><body>${'<div>'.repeat(100_000)}${story}${'</div>'.repeat(100_000)}</body></html>`
  expect(failure(() => extractArticle(new TextEncoder().encode(deep)))?.code).toBe('too-complex')
})

// Depth as the HTML parser counts it, not as the markup looks: each of these nests 100 000
// deep in the parser's tree, though a tag counter sees them as flat.
test.each([
  ['<div/> is not self-closing in HTML', '<div/>'],
  ['a stray end tag closes nothing', '<i></i></i><div>'],
  ['<title> inside <svg> holds markup, not text', '<svg><title><div>'],
  ['formatting elements reopened by the parser', '<b><i><p>x</p>'],
])('%s', (_name, unit) => {
  const page = `<html><body>${unit.repeat(100_000)}<p>The regulator said on Tuesday.</p></body></html>`
  expect(failure(() => extractArticle(new TextEncoder().encode(page)))).toEqual({
    code: 'too-complex',
    message: `This page nests its tags more than ${MAX_NESTING_DEPTH} deep, far beyond any real article: it was not read.`,
  })
})

test('real nesting and size are far inside the bounds', () => {
  expect(() => parseHtml(`${'<div>'.repeat(MAX_NESTING_DEPTH - 3)}x`)).not.toThrow()
  // Thousands of unclosed paragraphs, list items and line breaks are flat, not deep.
  expect(() => parseHtml(`<div>${'<p>para<li>item<br>'.repeat(5000)}</div>`)).not.toThrow()
  expect(() => parseHtml(`<script>${'<div>'.repeat(5000)}</script><!-- ${'<div>'.repeat(5000)} -->`)).not.toThrow()
})

test('a page of more elements than any article is refused', () => {
  expect(failure(() => parseHtml('<span>x</span>'.repeat(MAX_ELEMENTS + 1)))).toEqual({
    code: 'too-complex',
    message: `This page has more than ${MAX_ELEMENTS.toLocaleString('en-GB')} elements, far beyond any real article: it was not read.`,
  })
})
