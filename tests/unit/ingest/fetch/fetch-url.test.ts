// URL fetching and its SSRF guard, against a local HTTP server. The server is on 127.0.0.1,
// which the guard refuses unless a test allows it explicitly.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { IngestError } from '@/lib/ingest/errors'
import { fetchArticle, isBlockedAddress, type FetchOptions } from '@/lib/ingest/fetch/fetch-url'
import { safeHttpUrl } from '@/lib/urls'

let server: Server
let base: string
const allow = { allow: ['127.0.0.1'] } satisfies FetchOptions

// Sends `body` a byte every 100 ms until the client hangs up: never silent for long, never done.
function trickle(res: import('node:http').ServerResponse, body: Buffer): void {
  let at = 0
  const timer = setInterval(() => {
    if (at < body.length) res.write(body.subarray(at, ++at))
  }, 100)
  res.on('close', () => clearInterval(timer))
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const routes: Record<string, () => void> = {
      '/article': () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><p>Hello</p></body></html>'),
      '/redirect-local': () => res.writeHead(302, { location: '/article' }).end(),
      '/redirect-private': () => res.writeHead(302, { location: 'http://10.0.0.7/secret' }).end(),
      '/redirect-name': () => res.writeHead(301, { location: 'http://intranet.example/' }).end(),
      '/loop': () => res.writeHead(302, { location: '/loop' }).end(),
      '/missing': () => res.writeHead(404).end('no'),
      '/image': () => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10)),
      '/big': () => res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.alloc(4096, 0x61)),
      '/slow': () => undefined, // never answers
      '/trickle': () => trickle(res.writeHead(200, { 'content-type': 'text/html' }), Buffer.alloc(100_000, 0x61)),
      '/trickle-gzip': () => trickle(res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }), gzipSync(Buffer.alloc(100_000, 0x61))),
    }
    ;(routes[req.url ?? ''] ?? (() => res.writeHead(404).end()))()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof IngestError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected a failure')
}

test.each([
  '127.0.0.1',
  '127.8.9.10',
  '10.1.2.3',
  '172.16.5.4',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '::1',
  '::',
  'fe80::1',
  'fc00::1',
  'fd12:3456::1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:10.0.0.1',
  '64:ff9b::a00:1',
  'not-an-ip',
  '::127.0.0.1',
  '::7f00:1',
  '2001:0:4136:e378::1',
  '2002:7f00:1::1',
  '0:0:0:0:0:0:0:1',
  'ff02::1',
  // IPv4-mapped, in every spelling, whatever IPv4 address it carries; IPv4-translated; NAT64 local-use.
  '::FFFF:7F00:1',
  '0:0:0:0:0:ffff:7f00:1',
  '0000:0000:0000:0000:0000:ffff:127.0.0.1',
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '::ffff:0:0',
  '::ffff:ffff:ffff',
  '::ffff:0:7f00:1',
  '64:ff9b:1::a00:1',
  '64:ff9b:1::7f00:1',
  '64:ff9b:1:ffff:ffff:ffff:ffff:ffff',
])('%s is refused', (address) => {
  expect(isBlockedAddress(address)).toBe(true)
})

test.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '64:ff9b:2::1'])('%s is public', (address) => {
  expect(isBlockedAddress(address)).toBe(false)
})

test('loopback, local names, IPv6 and mapped forms are refused before any connection', async () => {
  const port = new URL(base).port
  // Decimal, hexadecimal, octal and shortened IPv4, and long IPv6 forms all mean loopback.
  const spellings = [
    `http://2130706433:${port}/`,
    `http://0x7f.0.0.1:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://127.1:${port}/`,
    `http://[0:0:0:0:0:0:0:1]:${port}/`,
    `http://[::127.0.0.1]:${port}/`,
    'http://LOCALHOST./',
    'http://metadata.google.internal/',
  ]
  const mapped = [
    `http://[::ffff:7f00:1]:${port}/`,
    `http://[0:0:0:0:0:ffff:127.0.0.1]:${port}/`,
    `http://[::FFFF:8.8.8.8]/`,
    `http://[64:ff9b:1::7f00:1]:${port}/`,
  ]
  for (const url of [
    base,
    `http://localhost:${port}/`,
    `http://[::1]:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    'http://169.254.169.254/latest/meta-data/',
    ...spellings,
    ...mapped,
  ]) {
    expect((await failure(fetchArticle(url))).code).toBe('blocked-url')
  }
})

test('only http(s), and no credentials in URLs', async () => {
  expect(await failure(fetchArticle('file:///etc/passwd'))).toMatchObject({ code: 'blocked-url', message: 'Only http and https URLs are fetched, not file:' })
  expect((await failure(fetchArticle('http://user:secret@example.com/'))).code).toBe('blocked-url')
  expect((await failure(fetchArticle('not a url'))).code).toBe('blocked-url')
})

test('a URL over 2,000 characters is refused before it is parsed, fetched or stored', async () => {
  const long = `https://example.com/${'a'.repeat(9000)}`
  expect(await failure(fetchArticle(long))).toMatchObject({ code: 'blocked-url', message: 'URLs over 2,000 characters are not fetched (this one has 9,020).' })
  expect(safeHttpUrl(long)).toBeNull()
  expect(safeHttpUrl(long.slice(0, 2000))).toBe(long.slice(0, 2000))
})

test('a public-looking name that resolves to a private address is refused', async () => {
  const resolve = async () => [{ address: '10.0.0.5', family: 4 }]
  expect(await failure(fetchArticle('http://news.example/story', { resolve }))).toMatchObject({
    code: 'blocked-url',
    message: expect.stringContaining('resolves to 10.0.0.5'),
  })
  const mixed = async () => [
    { address: '93.184.216.34', family: 4 },
    { address: '::1', family: 6 },
  ]
  expect((await failure(fetchArticle('http://news.example/story', { resolve: mixed }))).code).toBe('blocked-url')
  for (const address of ['::ffff:7f00:1', '64:ff9b:1::a9fe:a9fe']) {
    expect(await failure(fetchArticle('http://news.example/story', { resolve: async () => [{ address, family: 6 }] }))).toMatchObject({
      code: 'blocked-url',
      message: expect.stringContaining(`resolves to ${address}`),
    })
  }
})

// A server that sends a byte every 100 ms is never silent for the idle timeout: only the
// deadline for the whole fetch ends it. Without one, this test runs until vitest gives up.
test('a server that trickles its answer is stopped at the deadline, compressed or not', { timeout: 20_000 }, async () => {
  for (const path of ['/trickle', '/trickle-gzip']) {
    expect(await failure(fetchArticle(`${base}${path}`, { ...allow, timeoutMs: 1000, deadlineMs: 1500 }))).toEqual({
      code: 'fetch',
      message: `${new URL(base).host} took more than 1.5 s in all; the fetch was stopped.`,
    })
  }
})

test('the caller can stop a fetch: before it starts, while it reads', { timeout: 20_000 }, async () => {
  const host = new URL(base).host
  const cancelled = { code: 'fetch', message: `The fetch of ${host} was cancelled.` }
  expect(await failure(fetchArticle(`${base}/article`, { ...allow, signal: AbortSignal.abort() }))).toEqual(cancelled)
  for (const path of ['/trickle', '/trickle-gzip', '/slow']) {
    const caller = new AbortController()
    setTimeout(() => caller.abort(), 300)
    expect(await failure(fetchArticle(`${base}${path}`, { ...allow, signal: caller.signal }))).toEqual(cancelled)
  }
})

test('an allowed local server is fetched, following a redirect', async () => {
  const page = await fetchArticle(`${base}/redirect-local`, allow)
  expect(new TextDecoder().decode(page.bytes)).toContain('<p>Hello</p>')
  expect(page.url).toBe(`${base}/article`)
  expect(page.contentType).toBe('text/html; charset=utf-8')
})

test('redirects to private addresses or names are refused', async () => {
  expect((await failure(fetchArticle(`${base}/redirect-private`, allow))).code).toBe('blocked-url')
  const resolve = async () => [{ address: '192.168.0.10', family: 4 }]
  expect(
    (await failure(fetchArticle(`${base}/redirect-name`, { ...allow, resolve: async (h) => (h === '127.0.0.1' ? [{ address: h, family: 4 }] : resolve()) })))
      .code,
  ).toBe('blocked-url')
})

test('bad answers: redirect loops, 404, images, oversized pages, silence, unknown hosts', async () => {
  expect(await failure(fetchArticle(`${base}/loop`, allow))).toMatchObject({ code: 'fetch', message: expect.stringContaining('Too many redirects') })
  expect(await failure(fetchArticle(`${base}/missing`, allow))).toMatchObject({ code: 'fetch', message: expect.stringContaining('404') })
  expect(await failure(fetchArticle(`${base}/image`, allow))).toMatchObject({ code: 'fetch', message: expect.stringContaining('image/png, not a web page') })
  expect((await failure(fetchArticle(`${base}/big`, { ...allow, maxBytes: 1024 }))).code).toBe('too-large')
  expect(await failure(fetchArticle(`${base}/slow`, { ...allow, timeoutMs: 300 }))).toMatchObject({
    code: 'fetch',
    message: expect.stringContaining('did not answer'),
  })
  const offline = async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }))
  expect(await failure(fetchArticle('http://news.example/', { resolve: offline }))).toMatchObject({
    code: 'fetch',
    message: expect.stringContaining('no network, or no such host'),
  })
})
