// POSTing a webhook to a URL a user entered, behind the same SSRF guard as URL ingestion
// (lib/ingest/fetch/fetch-url.ts): only http(s), no credentials in the URL, no local names, and
// every address the host resolves to must be public (checked at connection time, so a DNS
// answer cannot change in between) unless CLAIMLINE_FETCH_ALLOW lists it. No redirects are
// followed (a receiver that moved must be re-entered), and the whole request has a deadline.
import { lookup as dnsLookup } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { IngestError } from '../ingest/errors'
import { isBlockedAddress } from '../ingest/fetch/fetch-url'

export type PostOptions = {
  // Hosts or addresses that may be reached although private; CLAIMLINE_FETCH_ALLOW by default.
  allow?: string[]
  deadlineMs?: number
}

export const WEBHOOK_DEADLINE_MS = 10_000
// A receiver's answer is only read for its status and the start of an error.
const MAX_ANSWER_BYTES = 2_000

function allowList(options: PostOptions): Set<string> {
  return new Set((options.allow ?? (process.env.CLAIMLINE_FETCH_ALLOW ?? '').split(',')).map((s) => s.trim().toLowerCase()).filter(Boolean))
}

// The URL checks before any connection; refusals are IngestError 'blocked-url', never retried.
export function checkWebhookUrl(raw: string, options: PostOptions = {}): URL {
  const allowed = allowList(options)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new IngestError('blocked-url', `"${raw}" is not a URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestError('blocked-url', `Only http and https URLs are called, not ${url.protocol}`)
  if (url.username || url.password) throw new IngestError('blocked-url', 'URLs with a user name or password are not called.')
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase()
  if (isIP(host) && isBlockedAddress(host) && !allowed.has(host)) throw new IngestError('blocked-url', `${host} is a private or local address; it is not called.`)
  if ((host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) && !allowed.has(host)) throw new IngestError('blocked-url', `${host} is a local name; it is not called.`)
  return url
}

function guardedLookup(host: string, allowed: Set<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const refused = addresses.find((a) => isBlockedAddress(a.address) && !allowed.has(a.address) && !allowed.has(host))
      if (refused) return callback(new IngestError('blocked-url', `${host} resolves to ${refused.address}, a private or local address; it is not called.`), '', 4)
      const first = addresses[0]
      if (!first) return callback(new IngestError('fetch', `${host} has no address.`), '', 4)
      if (options.all) return callback(null, addresses)
      callback(null, first.address, first.family)
    })
  }
}

export type PostAnswer = { status: number; body: string }

export function postJson(raw: string, body: string, headers: Record<string, string>, options: PostOptions = {}): Promise<PostAnswer> {
  const url = checkWebhookUrl(raw, options)
  const allowed = allowList(options)
  const deadlineMs = options.deadlineMs ?? WEBHOOK_DEADLINE_MS
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const client = url.protocol === 'https:' ? https : http
  const signal = AbortSignal.timeout(deadlineMs)
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(host, allowed),
        signal,
        headers: { 'user-agent': 'Claimline/1.0 (webhook)', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          if (text.length < MAX_ANSWER_BYTES) text += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.slice(0, MAX_ANSWER_BYTES) }))
        res.on('error', (error) => reject(new IngestError('fetch', `The answer from ${url.host} broke off: ${error.message}`)))
      },
    )
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (signal.aborted) return reject(new IngestError('fetch', `${url.host} did not answer within ${deadlineMs / 1000} s.`))
      if (error instanceof IngestError) return reject(error)
      reject(new IngestError('fetch', `Could not reach ${url.host}: ${error.message}`))
    })
    req.end(body)
  })
}
