// Fetching a URL an editor entered (or a feed linked to), safely: only http(s); every address
// the host name resolves to must be public (no loopback, private, link-local, cloud metadata,
// or IPv4-mapped forms of those), checked at connection time so a DNS answer cannot change
// between the check and the connection; a bounded number of redirects, each checked again;
// a timeout; a size cap; only page, text and feed content types.
import { lookup as dnsLookup } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Readable } from 'node:stream'
import { IngestError } from './errors'
import { MAX_INPUT_BYTES } from './extract'
import type { IngestInput } from './ingest'

export type FetchOptions = {
  // Hosts or addresses (exact) that may be fetched even though private: for tests and
  // intranet deployments. Defaults to CLAIMLINE_FETCH_ALLOW (comma-separated).
  allow?: string[]
  timeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
  // How host names are resolved; the system resolver by default. Tests give names answers.
  resolve?: Resolver
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))))

const ACCEPTED_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|application\/(rss|atom)\+xml|application\/xml|text\/xml)\b/i

const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  // ::/96 also holds the deprecated IPv4-compatible forms (::127.0.0.1); Teredo (2001::/32)
  // and 6to4 (2002::/16) tunnel to IPv4 addresses inside them.
  ['::', 96], ['::1', 128], ['fc00::', 7], ['2001::', 32], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64], ['64:ff9b::', 96], ['2002::', 16],
] as const) blocked.addSubnet(net, prefix, 'ipv6')

// ::ffff:127.0.0.1 and ::ffff:7f00:1 reach 127.0.0.1: check the IPv4 address inside.
function embeddedIpv4(address: string): string | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (dotted?.[1]) return dotted[1]
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address)
  if (!hex?.[1] || !hex[2]) return null
  const high = parseInt(hex[1], 16)
  const low = parseInt(hex[2], 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return blocked.check(address, 'ipv4')
  if (family !== 6) return true
  const v4 = embeddedIpv4(address)
  return v4 ? blocked.check(v4, 'ipv4') : blocked.check(address, 'ipv6')
}

function allowList(options: FetchOptions): Set<string> {
  const configured = options.allow ?? (process.env.CLAIMLINE_FETCH_ALLOW ?? '').split(',')
  return new Set(configured.map((s) => s.trim().toLowerCase()).filter(Boolean))
}

// Resolves like the OS does, refuses if any answer is a blocked address, and hands the
// connection the vetted address: the check and the connection use the same answer.
function guardedLookup(host: string, allowed: Set<string>, resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => isBlockedAddress(a.address) && !allowed.has(a.address) && !allowed.has(host))
        if (refused) {
          return callback(new IngestError('blocked-url', `${host} resolves to ${refused.address}, a private or local address; it is not fetched.`), '', 4)
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

function checkUrl(raw: string, allowed: Set<string>): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new IngestError('blocked-url', `"${raw}" is not a URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestError('blocked-url', `Only http and https URLs are fetched, not ${url.protocol}`)
  if (url.username || url.password) throw new IngestError('blocked-url', 'URLs with a user name or password are not fetched.')
  // "localhost." is localhost: a trailing dot only marks the name as fully qualified.
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase()
  if (isIP(host) && isBlockedAddress(host) && !allowed.has(host)) throw new IngestError('blocked-url', `${host} is a private or local address; it is not fetched.`)
  if ((host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) && !allowed.has(host)) {
    throw new IngestError('blocked-url', `${host} is a local name; it is not fetched.`)
  }
  return url
}

type Response = { status: number; headers: http.IncomingHttpHeaders; body: Readable }

function request(url: URL, allowed: Set<string>, timeoutMs: number, resolver: Resolver): Promise<Response> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        lookup: guardedLookup(host, allowed, resolver),
        timeout: timeoutMs,
        headers: { 'user-agent': 'Claimline/1.0 (newsroom archive)', accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8', 'accept-encoding': 'gzip, deflate, br' },
      },
      (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }),
    )
    req.on('timeout', () => req.destroy(new IngestError('fetch', `${url.host} did not answer within ${timeoutMs / 1000} s.`)))
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof IngestError) return reject(error)
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return reject(new IngestError('fetch', `Could not look up ${url.hostname}: no network, or no such host.`))
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

async function readCapped(stream: Readable, maxBytes: number, host: string): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
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
    if (error instanceof IngestError) throw error
    throw new IngestError('fetch', `The download from ${host} broke off: ${error instanceof Error ? error.message : String(error)}`)
  }
  return Buffer.concat(chunks)
}

export async function fetchArticle(raw: string, options: FetchOptions = {}): Promise<IngestInput> {
  const allowed = allowList(options)
  const timeoutMs = options.timeoutMs ?? 15_000
  let url = checkUrl(raw, allowed)
  for (let hop = 0; ; hop++) {
    const response = await request(url, allowed, timeoutMs, options.resolve ?? systemResolver)
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
    const bytes = await readCapped(decoded(response), maxBytes, url.host)
    return { bytes, name: url.toString(), url: url.toString(), contentType: contentType || null }
  }
}
