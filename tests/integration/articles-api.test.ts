// POST /api/articles, called as Next.js calls it, against the real database.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { POST } from '@/app/api/articles/route'
import { getDb } from '@/lib/db'
import { DEMO_DIR } from '@/lib/demo/load-demo'
import { callRoute, createTestAccount, withBearer } from './helpers/accounts'

let editorToken = ''
beforeAll(async () => {
  editorToken = (await createTestAccount('editor')).apiToken
})

// Every request here is an editor's; who may call the route is proven in auth-guard.test.ts.
const post = (request: Request) => callRoute(POST, withBearer(request, editorToken))

const json = (body: unknown) =>
  new Request('http://localhost/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const seedText = (file: string) => readFileSync(path.join(DEMO_DIR, file), 'utf8')

test('pasted text becomes an article (201); the same text again is a duplicate (200)', async () => {
  const response = await post(json({ text: seedText('004_beb8acb8efdee709.txt') }))
  expect(response.status).toBe(201)
  const body = await response.json()
  expect(body.results[0]).toMatchObject({ status: 'created', article: { title: 'Microsoft says not part of broad government online monitoring' } })

  const again = await post(json({ text: seedText('004_beb8acb8efdee709.txt') }))
  expect(again.status).toBe(200)
  expect((await again.json()).results[0]).toMatchObject({ status: 'duplicate', reason: 'same-text' })
})

test('an editor’s fixes are applied when the article is saved', async () => {
  const response = await post(json({ text: seedText('000_c08aa10e5cdda9cf.txt'), fixes: { publishedAt: '2013-07-17', publisher: 'iTnews' } }))
  expect(response.status).toBe(201)
  const { results } = await response.json()
  const article = await getDb().article.findUniqueOrThrow({ where: { id: results[0].article.id }, include: { outlet: true } })
  expect([article.outlet?.name, article.publishedSource, article.publishedAt?.toISOString().slice(0, 10)]).toEqual(['iTnews', 'editor', '2013-07-17'])
})

test('pasted HTML with its URL, and several uploaded files at once', async () => {
  const html = `<html><head><title>Port strike ends</title><link rel="canonical" href="https://port.example/strike"></head><body><article><h1>Port strike ends</h1><p>${'Dock workers returned to work on Monday after a two-week strike over pay and shift patterns. '.repeat(3)}</p></article></body></html>`
  const response = await post(json({ html, url: 'https://port.example/strike' }))
  expect(response.status).toBe(201)

  const form = new FormData()
  form.append('files', new File([html], 'strike.html', { type: 'text/html' }))
  form.append('files', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.png', { type: 'image/png' }))
  const upload = await post(new Request('http://localhost/api/articles', { method: 'POST', body: form }))
  expect(upload.status).toBe(200)
  const { results } = await upload.json()
  expect(results.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
    ['strike.html', 'duplicate'],
    ['photo.png', 'failed'],
  ])
})

test('bad requests get a clear 4xx with a stable error shape', async () => {
  const cases: [Request, number, string][] = [
    [new Request('http://localhost/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' }), 400, 'bad-json'],
    [json({ txt: 'typo' }), 400, 'bad-request'],
    [json({ url: 'javascript:alert(1)' }), 400, 'bad-request'],
    [json({ url: 'http://127.0.0.1:9/' }), 400, 'blocked-url'],
    [new Request('http://localhost/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }), 415, 'unsupported-media-type'],
    [
      new Request('http://localhost/api/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
        body: '{}',
      }),
      413,
      'too-large',
    ],
    [new Request('http://localhost/api/articles', { method: 'POST', body: new FormData() }), 400, 'no-files'],
  ]
  for (const [request, status, code] of cases) {
    const response = await post(request)
    expect([response.status, (await response.json()).error?.code]).toEqual([status, code])
  }
})

test('a body larger than the limit without a Content-Length is cut off at the limit', async () => {
  const big = new ReadableStream<Uint8Array>({
    start(controller) {
      const chunk = new Uint8Array(1024 * 1024).fill(0x61)
      for (let i = 0; i < 30; i++) controller.enqueue(chunk)
      controller.close()
    },
  })
  const request = new Request('http://localhost/api/articles', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: big,
    duplex: 'half',
  } as RequestInit)
  const response = await post(request)
  expect(response.status).toBe(413)
})
