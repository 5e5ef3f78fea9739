import { expect, test } from 'vitest'
import { safeNextPath } from '@/lib/auth/next-path'

// How a browser reads a Location header: with the URL parser, against the page's address.
const here = 'https://claimline.example.org/login?next=x'
const landsOn = (location: string) => new URL(location, here)

test('a path on this site is kept with its query and fragment', () => {
  expect(safeNextPath('/articles/1?x=2#claim-3')).toBe('/articles/1?x=2#claim-3')
  expect(safeNextPath('/timeline?from=2024-01-01&entity=abc')).toBe('/timeline?from=2024-01-01&entity=abc')
  expect(safeNextPath('/')).toBe('/')
  // Kept, but in the parser's serialised form, which a browser reads back as the same path.
  expect(safeNextPath('/?q=a b')).toBe('/?q=a%20b')
})

test('nothing, or anything that is not a path, goes home', () => {
  expect(
    [
      undefined,
      null,
      '',
      'articles/1',
      'https://evil.example/',
      'http://claimline.invalid/x',
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
    ].map(safeNextPath),
  ).toEqual(Array(9).fill('/'))
})

test('the spellings a browser turns into another host go home (tabs, newlines, backslashes, dot segments)', () => {
  const hostile = [
    '//evil.example/',
    '/\t/evil.example/', // what `?next=/%09/evil.example/` decodes to
    '/\n/evil.example/', // `?next=/%0a/…`, a 500 (a newline in Location) before
    '/\r\n/evil.example/',
    '/.//evil.example', // what `?next=/.%2F%2Fevil.example` decodes to
    '/..//evil.example',
    '/a/../..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/\\evil.example',
    '/\\\\evil.example',
    '\\\\evil.example',
    '/./\\evil.example',
    '/\t\\evil.example',
    '/\t\n/\tevil.example',
    '//user:pass@evil.example/',
    '/\\@evil.example',
  ]
  for (const next of hostile) expect([next, safeNextPath(next)]).toEqual([next, '/'])
})

test('percent-encoded separators stay encoded: a path on this site, never a host', () => {
  for (const next of ['/%09/evil.example/', '/.%2F%2Fevil.example', '/%2F%2Fevil.example', '/%5Cevil.example', '/%0a/x', '/%00/x']) {
    const path = safeNextPath(next)
    expect(path).toBe(next)
    expect(landsOn(path).host).toBe('claimline.example.org')
  }
})

test('control characters never reach a header: they are dropped or encoded', () => {
  for (const next of ['/a\u0000b', '/a\u0007b', '/a\u007fb', '/a b?c d#e f', '/caf\u00e9', '/\u3000/x']) {
    const path = safeNextPath(next)
    expect(path).toMatch(/^\/[\x21-\x7e]*$/)
    expect(landsOn(path).host).toBe('claimline.example.org')
  }
})

test('whatever follows a slash, the result stays on this site when a browser reads it', () => {
  const pieces = ['/', '\\', '.', '..', '%2e', '%2F', '%5C', '\t', '\n', '\r', ' ', '@', ':', '?', '#', 'evil.example', 'javascript:', '%09', '\u00a0']
  for (const a of pieces) {
    for (const b of pieces) {
      for (const c of pieces) {
        const path = safeNextPath(`/${a}${b}${c}evil.example/`)
        expect(path.startsWith('/') && !path.startsWith('//')).toBe(true)
        expect(landsOn(path).host).toBe('claimline.example.org')
        // Read again, the path is the same: it means one thing to us and to the browser.
        expect(safeNextPath(path)).toBe(path)
      }
    }
  }
})
