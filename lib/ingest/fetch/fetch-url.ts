// Fetching a URL an editor entered (or a feed linked to), safely: only http(s); every address
// the host name resolves to must be public (no loopback, private, link-local, cloud metadata,
// IPv4-mapped or NAT64 addresses), checked at connection time so a DNS answer cannot change
// between the check and the connection; a bounded number of redirects, each checked again;
// a timeout for silence and a deadline for the whole fetch (a server that trickles a byte a
// second never falls silent); a size cap; only page, text and feed content types.
import { lookup as dnsLookup } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Readable } from 'node:stream'
import { IngestError } from '../errors'
import { MAX_INPUT_BYTES } from '../extract/extract'
import type { IngestInput } from '../types'
import { MAX_URL_LENGTH } from '../../urls'

export type FetchOptions = {
  // Hosts or addresses (exact) that may be fetched even though private: for tests and
  // intranet deployments. Defaults to CLAIMLINE_FETCH_ALLOW (comma-separated).
  allow?: string[]
  // Silence: no answer, or no byte of the body, for this long.
  timeoutMs?: number
  // The whole fetch: every redirect, the answer and the body.
  deadlineMs?: number
  // Stops the fetch early, e.g. when the client that asked for it disconnects.
  signal?: AbortSignal
  maxBytes?: number
  maxRedirects?: number
  // How host names are resolved; the system resolver by default. Tests give names answers.
  resolve?: Resolver
}

// What a server said about the version it sent (ETag, Last-Modified), to ask next time only
// whether it changed (If-None-Match, If-Modified-Since): a followed feed that did not change
// costs a 304 and no body.
export type Validators = { etag: string | null; lastModified: string | null }

export type ConditionalResult = { status: 'not-modified' } | { status: 'fetched'; input: IngestInput; validators: Validators }

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))))

const ACCEPTED_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|application\/(rss|atom)\+xml|application\/xml|text\/xml)\b/i

export const FETCH_IDLE_TIMEOUT_MS = 15_000
export const FETCH_DEADLINE_MS = 30_000

const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4')
// Apart: BlockList reads an IPv4 address as IPv4-mapped against IPv6 rules, so ::ffff:0:0/96
// in the same list would refuse every IPv4 address.
const blockedV6 = new BlockList()
for (const [net, prefix] of [
  // ::/96 also holds the deprecated IPv4-compatible forms (::127.0.0.1); Teredo (2001::/32)
  // and 6to4 (2002::/16) tunnel to IPv4 addresses inside them. IPv4-mapped (::ffff:0:0/96,
  // e.g. ::ffff:7f00:1, which is 127.0.0.1) and IPv4-translated (::ffff:0:0:0/96) addresses
  // are IPv4 addresses in disguise, refused whatever they carry: a public server has a plain
  // IPv4 address for them. NAT64 prefixes, well-known (64:ff9b::/96) and local-use
  // (64:ff9b:1::/48), reach IPv4 through a translator, private addresses included.
  ['::', 96],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['::ffff:0:0:0', 96],
  ['fc00::', 7],
  ['2001::', 32],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
] as const)
  blockedV6.addSubnet(net, prefix, 'ipv6')

// BlockList reads every spelling of an address (::FFFF:127.0.0.1, 0:0:0:0:0:ffff:7f00:1, …).
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return blocked.check(address, 'ipv4')
  if (family !== 6) return true
  return blockedV6.check(address, 'ipv6')
}

// The URL guard below is shared with the follow webhook (lib/follow/webhook-post.ts), which
// calls URLs users enter rather than fetching them: `verb` says which in the refusals.
export type GuardVerb = 'fetched' | 'called'

export function allowList(options: { allow?: string[] }): Set<string> {
  const configured = options.allow ?? (process.env.CLAIMLINE_FETCH_ALLOW ?? '').split(',')
  return new Set(configured.map((s) => s.trim().toLowerCase()).filter(Boolean))
}

// Resolves like the OS does, refuses if any answer is a blocked address, and hands the
// connection the vetted address: the check and the connection use the same answer.
export function guardedLookup(host: string, allowed: Set<string>, resolver: Resolver = systemResolver, verb: GuardVerb = 'fetched'): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => isBlockedAddress(a.address) && !allowed.has(a.address) && !allowed.has(host))
        if (refused) {
          return callback(new IngestError('blocked-url', `${host} resolves to ${refused.address}, a private or local address; it is not ${verb}.`), '', 4)
        }
        const first = addresses[0]
        if (!first) return callback(new IngestError('fetch', `${host} has no address.`), '', 4)
        if (options.all) return callback(null, addresses)
        callback(null, first.address, first.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    )
  }
}

export function checkUrl(raw: string, allowed: Set<string>, verb: GuardVerb = 'fetched'): URL {
  if (raw.length > MAX_URL_LENGTH)
    throw new IngestError(
      'blocked-url',
      `URLs over ${MAX_URL_LENGTH.toLocaleString('en')} characters are not ${verb} (this one has ${raw.length.toLocaleString('en')}).`,
    )
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new IngestError('blocked-url', `"${raw}" is not a URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestError('blocked-url', `Only http and https URLs are ${verb}, not ${url.protocol}`)
  if (url.username || url.password) throw new IngestError('blocked-url', `URLs with a user name or password are not ${verb}.`)
  // "localhost." is localhost: a trailing dot only marks the name as fully qualified.
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase()
  if (isIP(host) && isBlockedAddress(host) && !allowed.has(host))
    throw new IngestError('blocked-url', `${host} is a private or local address; it is not ${verb}.`)
  if ((host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) && !allowed.has(host)) {
    throw new IngestError('blocked-url', `${host} is a local name; it is not ${verb}.`)
  }
  return url
}

type Response = { status: number; headers: http.IncomingHttpHeaders; body: Readable }

function conditionalHeaders(validators: Validators | null): Record<string, string> {
  const headers: Record<string, string> = {}
  if (validators?.etag) headers['if-none-match'] = validators.etag
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified
  return headers
}

function request(url: URL, allowed: Set<string>, timeoutMs: number, resolver: Resolver, signal: AbortSignal, validators: Validators | null): Promise<Response> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup: guardedLookup(host, allowed, resolver),
        timeout: timeoutMs,
        signal,
        headers: {
          'user-agent': 'Claimline/1.0 (newsroom archive)',
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
          ...conditionalHeaders(validators),
        },
      },
      (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }),
    )
    req.on('timeout', () => req.destroy(new IngestError('fetch', `${url.host} did not answer within ${timeoutMs / 1000} s.`)))
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted) return reject(stopReason(signal))
      if (error instanceof IngestError) return reject(error)
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
        return reject(new IngestError('fetch', `Could not look up ${url.hostname}: no network, or no such host.`))
      reject(new IngestError('fetch', `Could not fetch ${url.host}: ${error.message}`))
    })
    req.end()
  })
}

function decoded(response: Response): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase()
  if (encoding === 'gzip') return response.body.pipe(createGunzip())
  if (encoding === 'deflate') return response.body.pipe(createInflate())
  if (encoding === 'br') return response.body.pipe(createBrotliDecompress())
  return response.body
}

// Why a fetch was stopped: the deadline, or the caller (fetchArticle aborts with an IngestError).
function stopReason(signal: AbortSignal): IngestError {
  return signal.reason instanceof IngestError ? signal.reason : new IngestError('fetch', 'The fetch was stopped.')
}

async function readCapped(stream: Readable, maxBytes: number, host: string, signal: AbortSignal): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  // Destroying the stream being read (a decompressor, when the body is compressed) is what ends
  // the loop below: aborting the request alone would leave a piped decompressor waiting.
  const stop = () => stream.destroy(stopReason(signal))
  if (signal.aborted) stop()
  signal.addEventListener('abort', stop, { once: true })
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
      size += buffer.length
      if (size > maxBytes) {
        stream.destroy()
        throw new IngestError('too-large', `The page at ${host} is over ${maxBytes / 1024 / 1024} MB.`)
      }
      chunks.push(buffer)
    }
  } catch (error) {
    if (signal.aborted) throw stopReason(signal)
    if (error instanceof IngestError) throw error
    throw new IngestError('fetch', `The download from ${host} broke off: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    signal.removeEventListener('abort', stop)
  }
  return Buffer.concat(chunks)
}

export async function fetchArticle(raw: string, options: FetchOptions = {}): Promise<IngestInput> {
  const result = await fetchGuarded(raw, options, null)
  if (result.status !== 'fetched') throw new IngestError('fetch', `${raw} answered 304 to a request that was not conditional.`)
  return result.input
}

// The same fetch, asking only for a version newer than `validators` describe.
export function fetchIfChanged(raw: string, validators: Validators, options: FetchOptions = {}): Promise<ConditionalResult> {
  return fetchGuarded(raw, options, validators)
}

async function fetchGuarded(raw: string, options: FetchOptions, validators: Validators | null): Promise<ConditionalResult> {
  const allowed = allowList(options)
  const timeoutMs = options.timeoutMs ?? FETCH_IDLE_TIMEOUT_MS
  const deadlineMs = options.deadlineMs ?? FETCH_DEADLINE_MS
  const url = checkUrl(raw, allowed)
  const stop = new AbortController()
  const deadline = setTimeout(
    () => stop.abort(new IngestError('fetch', `${url.host} took more than ${deadlineMs / 1000} s in all; the fetch was stopped.`)),
    deadlineMs,
  )
  const cancel = () => stop.abort(new IngestError('fetch', `The fetch of ${url.host} was cancelled.`))
  if (options.signal?.aborted) cancel()
  options.signal?.addEventListener('abort', cancel, { once: true })
  try {
    return await fetchWithin(url, raw, allowed, timeoutMs, options, stop.signal, validators)
  } finally {
    clearTimeout(deadline)
    options.signal?.removeEventListener('abort', cancel)
  }
}

function header(headers: http.IncomingHttpHeaders, name: string): string | null {
  const value = headers[name]
  return typeof value === 'string' && value.length > 0 && value.length <= 1000 ? value : null
}

async function fetchWithin(
  first: URL,
  raw: string,
  allowed: Set<string>,
  timeoutMs: number,
  options: FetchOptions,
  signal: AbortSignal,
  validators: Validators | null,
): Promise<ConditionalResult> {
  let url = first
  for (let hop = 0; ; hop++) {
    if (signal.aborted) throw stopReason(signal)
    const response = await request(url, allowed, timeoutMs, options.resolve ?? systemResolver, signal, validators)
    if (response.status === 304 && validators) {
      response.body.resume()
      return { status: 'not-modified' }
    }
    if (response.status >= 300 && response.status < 400 && response.headers.location) {
      response.body.resume()
      if (hop >= (options.maxRedirects ?? 5)) throw new IngestError('fetch', `Too many redirects from ${raw}.`)
      url = checkUrl(new URL(response.headers.location, url).toString(), allowed)
      continue
    }
    if (response.status < 200 || response.status >= 300) {
      response.body.resume()
      throw new IngestError('fetch', `${url.host} answered ${response.status}${response.status === 404 ? ' (not found)' : ''} for ${url.pathname}.`)
    }
    const contentType = String(response.headers['content-type'] ?? '')
    if (contentType && !ACCEPTED_TYPES.test(contentType)) {
      response.body.resume()
      throw new IngestError('fetch', `${url.toString()} is ${contentType.split(';')[0]}, not a web page or feed.`)
    }
    const declared = Number(response.headers['content-length'] ?? NaN)
    const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES
    if (declared > maxBytes) {
      response.body.destroy()
      throw new IngestError('too-large', `The page at ${url.host} is ${(declared / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB.`)
    }
    const bytes = await readCapped(decoded(response), maxBytes, url.host, signal)
    const input = { bytes, name: url.toString(), url: url.toString(), contentType: contentType || null }
    return { status: 'fetched', input, validators: { etag: header(response.headers, 'etag'), lastModified: header(response.headers, 'last-modified') } }
  }
}
