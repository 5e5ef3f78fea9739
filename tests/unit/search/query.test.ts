// What a search is made of: its words (cut, trimmed), the any-word form used to place a snippet,
// whether it excludes words, its page parameters and where a result opens.
import { describe, expect, test } from 'vitest'
import { searchResultHref } from '@/lib/search/links'
import { searchPageHref, searchPageParams } from '@/lib/search/params'
import { anyWordQuery, hasExclusion, searchText } from '@/lib/search/query'

describe('anyWordQuery', () => {
  test('every wanted word becomes optional; excluded words and phrases and the operator are left out', () => {
    expect(anyWordQuery('Microsoft "direct access" -Skype')).toBe('Microsoft or direct or access')
    expect(anyWordQuery('NSA or GCHQ -"mass surveillance"')).toBe('NSA or GCHQ')
    expect(anyWordQuery('e-mail "unbalanced')).toBe('e-mail or unbalanced')
  })

  test('nothing wanted is null', () => {
    expect(anyWordQuery('')).toBeNull()
    expect(anyWordQuery('-skype or -"x y"')).toBeNull()
  })
})

test('hasExclusion sees a dash that starts a word, not one inside a word', () => {
  expect(hasExclusion('nsa -skype')).toBe(true)
  expect(hasExclusion('-"direct access" nsa')).toBe(true)
  expect(hasExclusion('nsa (-skype)')).toBe(true)
  expect(hasExclusion('e-mail follow-up')).toBe(false)
})

test('searchText trims and cuts at 200 characters', () => {
  expect(searchText.parse('  nsa  ')).toBe('nsa')
  expect(searchText.parse('x'.repeat(500))).toHaveLength(200)
})

test('page parameters: bad values are dropped, and the address leaves defaults out', () => {
  expect(searchPageParams.parse({ q: ['  nsa ', 'x'], type: 'claim', page: '3' })).toEqual({ q: 'nsa', type: 'claim', page: 3 })
  expect(searchPageParams.parse({ type: 'people', page: '-1' })).toEqual({ q: '', type: undefined, page: 1 })
  expect(searchPageHref({ q: 'direct access', type: 'article', page: 2 })).toBe('/search?q=direct+access&type=article&page=2')
  expect(searchPageHref({ q: '', page: 1 })).toBe('/search')
})

test('a claim opens at its words, an article at its snippet’s paragraph or at the top', () => {
  expect(searchResultHref({ type: 'claim', id: 'c', articleId: 'a', paragraph: null })).toBe('/claims/c')
  expect(searchResultHref({ type: 'article', id: 'a', articleId: 'a', paragraph: 4 })).toBe('/articles/a#p-4')
  expect(searchResultHref({ type: 'article', id: 'a', articleId: 'a', paragraph: null })).toBe('/articles/a')
})
