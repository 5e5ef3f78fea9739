// Inputs built to stall the server (issue 14), against the production build: each one ends,
// refused or done, and /api/health keeps answering while it is worked on, because the work
// runs on analysis workers under a deadline, never on the thread that answers requests. The
// times are printed for the record (no timing assertion: the machine may be busy).
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const editor = inject('accounts').editor
const session = browserSession({ as: 'editor' })

type Result = { name: string; status: string; article?: { id: string }; error?: { code: string; message: string } }

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${editor.apiToken}`, ...headers }, body })

// Runs `work` while asking /api/health every 50 ms; every answer must be a 200.
async function watchingHealth<T>(label: string, work: () => Promise<T>): Promise<T> {
  let working = true
  const answers: { status: number; ms: number }[] = []
  const poll = (async () => {
    while (working) {
      const started = performance.now()
      const response = await fetch(`${baseUrl}/api/health`)
      await response.arrayBuffer()
      answers.push({ status: response.status, ms: performance.now() - started })
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  const started = performance.now()
  const result = await work()
  const took = performance.now() - started
  working = false
  await poll
  const slowest = Math.max(0, ...answers.map((a) => a.ms))
  console.log(`${label}: ended in ${Math.round(took)} ms; /api/health answered ${answers.length} times meanwhile, slowest ${Math.round(slowest)} ms`)
  expect(answers.every((a) => a.status === 200)).toBe(true)
  return result
}

test('a page of 100 000 <div/> is refused as too complex', async () => {
  const html = `<html><body>${'<div/>'.repeat(100_000)}<p>The regulator said on Tuesday that the company had failed to disclose the breach.</p></body></html>`
  const form = new FormData()
  form.append('files', new File([html], 'deep.html', { type: 'text/html' }))
  const response = await watchingHealth('100 000 <div/>', () => post(form))
  const { results } = (await response.json()) as { results: Result[] }
  expect(
    results.map((r) => [r.name, r.status, r.error?.code]),
    JSON.stringify(results),
  ).toEqual([['deep.html', 'failed', 'too-complex']])
})

test('a feed of 10 000 items is cut to the first 500, with a notice', async () => {
  const items = Array.from(
    { length: 10_000 },
    (_, i) => `<item><title>Item ${i}</title><link>http://10.0.0.1/${i}</link><description>Teaser ${i}.</description></item>`,
  ).join('')
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items}</channel></rss>`
  const form = new FormData()
  form.append('files', new File([feed], 'wire.rss', { type: 'application/rss+xml' }))
  const response = await watchingHealth('10 000-item feed', () => post(form))
  const body = (await response.json()) as { results: Result[]; notices?: string[] }
  // Every item is a teaser linking to a private address: each is refused at once, not fetched.
  expect(body.results).toHaveLength(500)
  expect(body.notices).toEqual(['wire.rss: first 500 of 10,000 items taken (the limit per feed is 500; CLAIMLINE_FEED_MAX_ITEMS).'])
})

test('an article of one 200 KB paragraph without full stops opens for an editor, suggestions and all', async () => {
  const words = ['the', 'company', 'said', 'regulators', 'claimed', 'that', 'records', 'showed', 'and', 'critics', 'alleged', 'denied']
  const paragraph = Array.from({ length: 40_000 }, (_, i) => words[(i * 7) % words.length])
    .join(' ')
    .slice(0, 200 * 1024)
  const response = await post(JSON.stringify({ text: `One long paragraph\n\n${paragraph}` }), { 'content-type': 'application/json' })
  const { results } = (await response.json()) as { results: Result[] }
  const id = results[0]?.article?.id
  expect(id).toBeTruthy()
  const page = session.page()
  await watchingHealth('200 KB paragraph, first open by an editor', async () => {
    await page.goto(`${baseUrl}/articles/${id}`)
    await page.getByRole('heading', { level: 1 }).waitFor()
  })
  // Either the engine finished, or the article says why it made no suggestions.
  const status = await page
    .getByRole('status')
    .filter({ hasText: /suggested claim|No suggestions for this article|No open suggestions/ })
    .first()
    .textContent()
  expect(status).toBeTruthy()
})
