// Snippets: ts_headline's marked string read into text and matched ranges, and back into runs
// for the page, without any of it being taken for markup.
import { describe, expect, test } from 'vitest'
import { MATCH_START as S, MATCH_STOP as E } from '@/lib/queries/search'
import { clipped, parseHeadline, snippetSegments } from '@/lib/search/snippet'

describe('parseHeadline', () => {
  test('marked words become ranges of the plain text', () => {
    expect(parseHeadline(`Microsoft ${S}denies${E} giving the ${S}NSA${E} access`)).toEqual({
      text: 'Microsoft denies giving the NSA access',
      highlights: [
        { start: 10, end: 16 },
        { start: 28, end: 31 },
      ],
    })
  })

  test('matches with only spaces between them read as one (a phrase), other words keep them apart', () => {
    expect(parseHeadline(`gave ${S}direct${E} ${S}access${E} to`).highlights).toEqual([{ start: 5, end: 18 }])
    expect(parseHeadline(`${S}direct${E}, ${S}access${E}`).highlights).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 14 },
    ])
  })

  test('markup is text; unbalanced or empty markers mark nothing', () => {
    expect(parseHeadline(`<script>${S}alert${E}</script>`)).toEqual({ text: '<script>alert</script>', highlights: [{ start: 8, end: 13 }] })
    expect(parseHeadline(`a ${E}b${S} c ${S}${E}d`)).toEqual({ text: 'a b c d', highlights: [] })
  })
})

test('clipped puts an ellipsis where the excerpt is cut and moves the ranges with the text', () => {
  const snippet = parseHeadline(`the ${S}NSA${E} said`)
  expect(clipped(snippet, true, true)).toEqual({ text: '… the NSA said …', highlights: [{ start: 6, end: 9 }] })
  expect(clipped(snippet, false, false)).toEqual(snippet)
})

test('snippetSegments covers the text once, in order, and ignores ranges outside it', () => {
  expect(snippetSegments({ text: 'a NSA b', highlights: [{ start: 2, end: 5 }] })).toEqual([
    { text: 'a ', match: false },
    { text: 'NSA', match: true },
    { text: ' b', match: false },
  ])
  expect(
    snippetSegments({
      text: 'abc',
      highlights: [
        { start: 1, end: 9 },
        { start: 2, end: 3 },
      ],
    }),
  ).toEqual([
    { text: 'a', match: false },
    { text: 'bc', match: true },
  ])
})
