// The timeline on the real database, with the demo data: the query finds what is about a
// company or said by it and its people, filters narrow it, and the export route serves it.
import { beforeAll, expect, test } from 'vitest'
import { GET } from '@/app/api/timeline/route'
import { getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import { deleteClaimRecord, updateClaimRecord } from '@/lib/claims/edit'
import { updateEntityRecord } from '@/lib/queries/entities'
import { loadTimeline } from '@/lib/timeline/load'
import { timelineParams } from '@/lib/timeline/params'
import { callRoute, createTestAccount, withBearer } from './helpers/accounts'

let microsoft = ''
let token = ''

beforeAll(async () => {
  await loadDemoData()
  microsoft = (await getDb().entity.findFirstOrThrow({ where: { name: 'Microsoft' } })).id
  token = (await createTestAccount('viewer')).apiToken
})

test('Microsoft’s timeline holds every gold claim about it or by its people, in two lanes, with both denial links', async () => {
  const view = await loadTimeline(timelineParams.parse({ entity: microsoft }))
  const company = view.companies[0]
  const said = company?.rows.flatMap((r) => r.said) ?? []
  const reported = company?.rows.flatMap((r) => r.reported) ?? []
  // Every claim, as a card or as a copy on the card of the same claim in another article.
  expect(view.items).toHaveLength(14)
  expect([...said, ...reported].reduce((n, card) => n + 1 + card.copies.length, 0)).toBe(14)
  expect(new Set(said.map((i) => i.speaker))).toEqual(new Set(['Microsoft', 'Brad Smith']))
  expect(reported.every((i) => i.kind === 'allegation')).toBe(true)
  expect(view.links.filter((l) => l.status === 'confirmed').map((l) => l.relation)).toEqual(['denies', 'denies'])
  expect(company?.rows.map((r) => r.key)).toEqual(['2013-06-06', '2013-07-11', '2013-07-16'])
})

test('the PRISM allegation is one card: first reported via Reuters, also iTnews; answered, so not among the unanswered', async () => {
  const view = await loadTimeline(timelineParams.parse({ entity: microsoft }))
  const reported = view.companies[0]?.rows.flatMap((r) => r.reported) ?? []
  const prism = reported.find((card) => card.quote.includes('tapping directly into the central servers'))
  // The editor dated iTnews' copy to the Post's report, 6 June.
  expect(prism?.copies.map((c) => [c.outlet, c.date])).toEqual([['iTnews', '2013-06-06']])
  expect([prism?.outlet, prism?.date, prism?.answered]).toEqual(['Reuters', '2013-06-06', true])
  const unanswered = await loadTimeline(timelineParams.parse({ entity: microsoft, unanswered: '1' }))
  expect(unanswered.items.every((i) => i.kind === 'allegation' && !i.answered)).toBe(true)
  expect(unanswered.items.map((i) => i.cluster)).not.toContain(prism?.cluster)
  expect(unanswered.items.map((i) => i.quote)).toEqual(['U.S. security agencies had access to its central servers'])
})

test('filters: kind, speaker, dates and words narrow the view', async () => {
  const brad = (await getDb().entity.findFirstOrThrow({ where: { name: 'Brad Smith' } })).id
  const only = async (query: Record<string, string | string[]>) => (await loadTimeline(timelineParams.parse({ entity: microsoft, ...query }))).items
  expect((await only({ kind: 'denial' })).every((i) => i.kind === 'denial')).toBe(true)
  expect(new Set((await only({ speaker: brad })).map((i) => i.speaker))).toEqual(new Set(['Brad Smith']))
  expect(new Set((await only({ from: '2013-07-01', to: '2013-07-31' })).map((i) => i.date?.slice(0, 7)))).toEqual(new Set(['2013-07']))
  expect((await only({ q: 'Outlook' })).map((i) => i.quote)).toEqual([
    'Microsoft reportedly allowed US security agencies to circumvent encryption of Outlook emails and capture Skype online chats',
  ])
  expect(await only({ q: '100%' })).toEqual([])
})

test('GET /api/timeline serves the view as JSON and as CSV, for viewers and up', async () => {
  const url = `http://localhost/api/timeline?entity=${microsoft}&kind=denial`
  expect((await callRoute(GET, new Request(url))).status).toBe(401)
  const json = await (await callRoute(GET, withBearer(new Request(url), token))).json()
  expect(json.claims.every((c: { kind: string }) => c.kind === 'denial')).toBe(true)
  expect(json.query).toBe(`entity=${microsoft}&kind=denial`)
  const csv = await callRoute(GET, withBearer(new Request(`${url}&format=csv`), token))
  expect(csv.headers.get('content-disposition')).toBe('attachment; filename="claimline-timeline.csv"')
  const rows = (await csv.text()).trim().split('\r\n')
  expect(rows.length).toBe(json.claims.length + 1)
})

test('a long timeline pages by date without splitting a day', async () => {
  const first = await loadTimeline(timelineParams.parse({ entity: microsoft }), 8)
  expect(new Set(first.items.map((i) => i.date))).toEqual(new Set(['2013-06-06']))
  expect(first.nextFrom).toBe('2013-07-11')
  const second = await loadTimeline(timelineParams.parse({ entity: microsoft, from: first.nextFrom ?? '' }), 8)
  expect(second.nextFrom).toBeNull()
  expect(first.items.length + second.items.length).toBe(14)
  const crowded = await loadTimeline(timelineParams.parse({ entity: microsoft }), 3)
  expect([crowded.items.length, crowded.truncated, crowded.nextFrom]).toEqual([3, true, null])
})

test('a cached view is never older than the last change: an edit, a new link or a deletion shows at once', async () => {
  const params = timelineParams.parse({ entity: microsoft, kind: 'denial' })
  const first = await loadTimeline(params)
  expect(await loadTimeline(params)).toBe(first) // the same object: served from the cache
  const denial = first.items[0]
  if (!denial) throw new Error('no denial on the timeline')
  const claim = await getDb().claim.findUniqueOrThrow({ where: { id: denial.id } })
  const editor = (await createTestAccount('editor')).user.id
  await updateClaimRecord(claim.id, claim.version, { channel: 'court filing' }, editor)
  const edited = await loadTimeline(params)
  expect(edited).not.toBe(first)
  expect(edited.items.find((i) => i.id === claim.id)?.channel).toBe('court filing')
  await deleteClaimRecord(claim.id, claim.version + 1, editor)
  expect((await loadTimeline(params)).items.map((i) => i.id)).not.toContain(claim.id)
})

test('GET /api/timeline answers a repeated question with 304 until the archive changes', async () => {
  const url = `http://localhost/api/timeline?entity=${microsoft}`
  const first = await callRoute(GET, withBearer(new Request(url), token))
  const etag = first.headers.get('etag')
  expect(etag).toMatch(/^W\/"\d+-[\w-]+"$/)
  const again = await callRoute(GET, withBearer(new Request(url, { headers: { 'if-none-match': etag ?? '' } }), token))
  expect([again.status, await again.text()]).toEqual([304, ''])
  const listed = await callRoute(GET, withBearer(new Request(url, { headers: { 'if-none-match': `W/"0-other", ${etag}` } }), token))
  expect(listed.status).toBe(304)
  const other = await callRoute(GET, withBearer(new Request(`${url}&format=csv`, { headers: { 'if-none-match': etag ?? '' } }), token))
  expect(other.status).toBe(200)
  const entity = await getDb().entity.findFirstOrThrow({ where: { name: 'Brad Smith' } })
  await updateEntityRecord(
    entity.id,
    { name: 'Brad Smith', aliases: ['Bradford L. Smith'], affiliationId: entity.affiliationId },
    (await createTestAccount('editor')).user.id,
  )
  const changed = await callRoute(GET, withBearer(new Request(url, { headers: { 'if-none-match': etag ?? '' } }), token))
  expect(changed.status).toBe(200)
  expect(changed.headers.get('etag')).not.toBe(etag)
})
