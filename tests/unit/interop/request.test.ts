// Export requests from query strings (GET /api/export and `claimline export` share this).
import { expect, test } from 'vitest'
import { exportQueryString, parseExportRequest } from '@/lib/interop/request'

const ID = '01970000-0000-7000-8000-000000000001'
const OTHER = '01970000-0000-7000-8000-000000000002'
const parse = (query: string) => parseExportRequest(new URLSearchParams(query))

test('nothing is the whole archive as a Claimline export; a scope without a format is JSON-LD', () => {
  expect(parse('')).toEqual({ ok: true, request: { format: 'claimline', scope: { kind: 'all' } } })
  expect(parse('format=csv')).toEqual({ ok: true, request: { format: 'csv', scope: { kind: 'all' } } })
  expect(parse(`article=${ID}`)).toEqual({ ok: true, request: { format: 'jsonld', scope: { kind: 'article', id: ID } } })
  expect(parse(`format=annotations&claim=${ID}`)).toEqual({ ok: true, request: { format: 'annotations', scope: { kind: 'claim', id: ID } } })
  expect(parse(`format=csv&story=${ID}`)).toEqual({ ok: true, request: { format: 'csv', scope: { kind: 'story', id: ID } } })
})

test('timeline parameters make a timeline scope, with the story as one of its filters', () => {
  const parsed = parse(`format=csv&entity=${ID}&kind=denial&story=${OTHER}&from=2013-01-01`)
  expect(parsed).toMatchObject({
    ok: true,
    request: { format: 'csv', scope: { kind: 'timeline', params: { entity: [ID], kind: ['denial'], story: OTHER, from: '2013-01-01' } } },
  })
  if (parsed.ok) expect(exportQueryString(parsed.request)).toBe(`format=csv&entity=${ID}&story=${OTHER}&kind=denial&from=2013-01-01`)
})

test.each([
  ['an unknown format', 'format=pdf', /format must be one of/],
  ['a Claimline export of a part', `format=claimline&article=${ID}`, /whole archive/],
  ['two scopes', `claim=${ID}&article=${ID}`, /one scope/],
  ['a scope and timeline parameters', `article=${ID}&entity=${ID}`, /one scope/],
  ['an id that is not one', 'article=42', /article must be an id/],
  ['a timeline filter that does not read', `entity=${ID}&kind=rumour`, /kind=rumour/],
  ['a timeline without a company or story', 'kind=denial', /needs a company/],
])('%s is refused', (_what, query, message) => {
  const parsed = parse(query)
  expect(parsed.ok).toBe(false)
  if (!parsed.ok) expect(parsed.message).toMatch(message)
})
