// Pages built to attack the reader (tests/fixtures/hostile) are ingested, then opened by an
// editor: no script runs, no dialog opens, no javascript: link is clickable. Every script in
// them calls alert(), and the session fails any test during which a dialog opened.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const editor = inject('accounts').editor
const session = browserSession({ as: 'editor' })
const folder = path.resolve(import.meta.dirname, '../fixtures/hostile')

type Result = { name: string; status: string; article?: { id: string }; error?: { code: string; message: string } }
const results = new Map<string, Result>()

beforeAll(async () => {
  const form = new FormData()
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.html')))
    form.append('files', new File([readFileSync(path.join(folder, name))], name, { type: 'text/html' }))
  const response = await fetch(`${baseUrl}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${editor.apiToken}` }, body: form })
  expect(response.status).toBe(201)
  for (const result of ((await response.json()) as { results: Result[] }).results) results.set(result.name, result)
})

test('each hostile page gives a clear result: stored, or refused with a reason', () => {
  expect(Object.fromEntries([...results].map(([name, r]) => [name, r.status === 'failed' ? `failed: ${r.error?.code}` : r.status]))).toEqual({
    'binary-disguised.html': 'failed: binary',
    'css-expressions.html': 'created',
    'event-handlers.html': 'created',
    'invalid-utf8.html': 'created',
    'javascript-urls.html': 'created',
    'lookalike-unicode.html': 'created',
    'script-tags.html': 'created',
    'svg-script.html': 'created',
  })
})

test.each([
  'script-tags.html',
  'event-handlers.html',
  'javascript-urls.html',
  'svg-script.html',
  'css-expressions.html',
  'lookalike-unicode.html',
  'invalid-utf8.html',
])('%s renders as inert text', async (name) => {
  const page = session.page()
  const id = results.get(name)?.article?.id
  expect(id).toBeTruthy()
  const response = await page.goto(`${baseUrl}/articles/${id}`)
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/)
  await page.getByRole('heading', { level: 1 }).waitFor()
  // Give any timer- or event-driven script a chance, and hover and focus what an attacker targets.
  await page.locator('main').hover()
  await page.keyboard.press('Tab')
  await page.waitForTimeout(300)
  const inert = await page.evaluate(() => {
    const main = document.querySelector('main')
    const elements = main ? [main, ...main.querySelectorAll('*')] : []
    return {
      handlers: elements.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
      scriptLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((href) => !/^(https?:|\/|#)/.test(href)),
      embedded: main ? main.querySelectorAll('script, iframe, object, embed, svg, math, style, form[action^="javascript"]').length : -1,
    }
  })
  expect(inert).toEqual({ handlers: [], scriptLinks: [], embedded: 0 })
})

test('the escaped markup an article quotes is shown as the words it is', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/articles/${results.get('script-tags.html')?.article?.id}`)
  expect(await page.getByText('<script>alert("escaped text stays text")</script> was pasted by a reader').count()).toBe(1)
})
