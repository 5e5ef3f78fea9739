// Request bodies between Next's proxy default (10 MB) and our own limits reach their handler
// whole, and bodies over a limit are refused with a 413 naming that limit, against the
// production build. (Next's proxy used to cut every body at 10 MB, so a 12 MB upload was
// answered "not valid multipart/form-data".)
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const editor = inject('accounts').editor
const session = browserSession({ as: 'editor' })
const MB = 1024 * 1024

function post(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editor.apiToken}`, ...headers },
    body,
    duplex: 'half',
  } as RequestInit)
}

// A body sent in chunks with no Content-Length, so only counting the bytes can refuse it.
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let at = 0
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close()
      controller.enqueue(bytes.subarray(at, at + 256 * 1024))
      at += 256 * 1024
    },
  })
}

type Results = { results: { status: string; name: string; error?: { code: string } }[] }

test('a 12 MB JSON body reaches the handler whole (JSON whitespace around a one-word article)', async () => {
  const response = await post(`{"text": "Hello"${' '.repeat(12 * MB)}}`, { 'content-type': 'application/json' })
  const body = (await response.json()) as Results
  expect([response.status, body.results.map((r) => r.status)]).toEqual([422, ['failed']])
})

test('a 12 MB multipart upload reaches the handler whole', async () => {
  const form = new FormData()
  form.append(
    'files',
    new File(['<html><body><p>A short page sent with twelve megabytes of padding beside it.</p></body></html>'], 'short.html', { type: 'text/html' }),
  )
  form.append('padding', 'x'.repeat(12 * MB))
  const response = await post(form)
  const body = (await response.json()) as Results
  expect([response.status, body.results.map((r) => `${r.name} ${r.status}`)]).toEqual([201, ['short.html created']])
})

test('API answers carry the security headers without passing through the proxy', async () => {
  const response = await fetch(`${baseUrl}/api/openapi.json`)
  expect([response.headers.get('x-content-type-options'), response.headers.get('content-security-policy'), response.headers.get('x-frame-options')]).toEqual([
    'nosniff',
    "default-src 'none'; frame-ancestors 'none'",
    'DENY',
  ])
})

// Last of the API requests: the server answers before the body is sent and closes the connection.
test('a JSON body over the 20 MB limit, sent without a length, is a 413 that names the limit', async () => {
  const response = await post(chunked(`{"text": "${'a'.repeat(21 * MB)}"}`), { 'content-type': 'application/json' })
  expect([response.status, await response.json()]).toEqual([413, { error: { code: 'too-large', message: 'The request is over the 20.0625 MB limit.' } }])
})

test('a 12 MB paste on the Add articles page is held outside the text box and reaches its server action whole', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/articles/new`)
  // Pasted as the browser pastes (a paste event carrying the clipboard's text), not typed.
  await page.getByRole('textbox', { name: 'Article text or page HTML' }).evaluate((box, size) => {
    const clipboard = new DataTransfer()
    clipboard.setData('text/plain', `Hello ${'word '.repeat(size / 5)}`)
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }))
  }, 12 * MB)
  await page.getByText(/^12\.0 MB pasted: too long to show here/).waitFor()
  // A URL the browser accepts but the action refuses: the answer proves the whole form arrived.
  await page.getByRole('textbox', { name: 'Original URL (optional)' }).fill('ftp://files.example.org/a.txt')
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByText('The original URL must be an http(s) address.').waitFor({ timeout: 30_000 })
})
