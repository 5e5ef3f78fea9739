// The tree the fast parser builds is the tree the standard's parser builds, where extraction
// depends on it (lib/ingest/extract/html/parse.ts). Bounds and hostile pages: hostile.test.ts.
import { load } from 'cheerio'
import { isTag, type AnyNode } from 'domhandler'
import { expect, test } from 'vitest'
import { parseHtml } from '@/lib/ingest/extract/html/parse'

// The element names from the root down to the first element matching the selector.
function path(html: string, selector: string): string[] {
  const $ = parseHtml(html)
  const names: string[] = []
  for (let node: AnyNode | null = $(selector).get(0) ?? null; node && isTag(node); node = node.parent) names.unshift(node.name)
  return names
}

test('a fragment, and a page without a <body> tag, have one <body> around their content', () => {
  expect(path('<p>Hello</p>', 'p')).toEqual(['body', 'p'])
  expect(path('<html><head><title>T</title></head><p>Hello</p></html>', 'p')).toEqual(['html', 'body', 'p'])
  expect(parseHtml('<html><head><title>T</title></head><p>Hello</p></html>')('head title').text()).toBe('T')
})

test('content after </body> or </html> is in the body, as browsers put it', () => {
  const $ = parseHtml('<html><body><p>One</p></body><p>Two</p></html><p>Three</p>')
  expect(
    $('body p')
      .map((_, el) => $(el).text())
      .get(),
  ).toEqual(['One', 'Two', 'Three'])
})

test('a second <html> or <body> inside the page gives way to its content', () => {
  const $ = parseHtml('<html><body><div><html><body><p>Inner</p></body></html></div></body></html>')
  expect($('html').length).toBe(1)
  expect($('body').length).toBe(1)
  expect(path('<html><body><div><html><body><p>Inner</p></body></html></div></body></html>', 'p')).toEqual(['html', 'body', 'div', 'p'])
})

test('a conditional comment or a second doctype is not an element', () => {
  const $ = parseHtml('<!doctype html><html><body><!--[if IE]><p>Old</p><![endif]--><![endif]><!DOCTYPE html><p>New</p></body></html>')
  const kinds = $('body')
    .get(0)
    ?.children.map((node) => node.type)
  expect(kinds).toEqual(['comment', 'comment', 'comment', 'tag'])
})

test('an open <p> or <li> is closed by what closes it in a browser, through inline markup', () => {
  expect(path('<ul><li><p>One<li><p>Two</ul>', 'li:last-child p')).toEqual(['body', 'ul', 'li', 'p'])
  expect(path('<p><span>Lead<div>Block</div>', 'div')).toEqual(['body', 'div'])
  expect(path('<dl><dt>Term<dd><p>Def<dt>Next</dl>', 'dt:last-of-type')).toEqual(['body', 'dl', 'dt'])
  expect(path('<table><tr><td><p>Cell<div>Block</div></td></tr></table>', 'div')).toEqual(['body', 'table', 'tr', 'td', 'div'])
  // But not from inside a button: the <p> outside it is not in scope.
  expect(path('<p>Intro<button><div>Label</div></button>', 'div')).toEqual(['body', 'p', 'button', 'div'])
})

test('<title> inside <svg> holds markup; a page <title> holds text', () => {
  expect(path('<svg><title><b>Icon</b></title></svg>', 'b')).toEqual(['body', 'svg', 'title', 'b'])
  expect(parseHtml('<head><title>A <b>bold</b> title</title></head>')('title').text()).toBe('A <b>bold</b> title')
})

test('entities, attributes and case are read as cheerio.load reads them', () => {
  const html = '<P CLASS="Lead" data-x="a&amp;b">Caf&eacute; &lt;tag&gt; &#8212; ok</P>'
  const ours = parseHtml(html)('p')
  const reference = load(html)('p')
  expect(ours.text()).toBe(reference.text())
  expect(ours.attr()).toEqual(reference.attr())
})
