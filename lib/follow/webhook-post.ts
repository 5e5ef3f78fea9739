// POSTing a webhook to a URL a user entered, behind the same SSRF guard as URL ingestion
// (lib/ingest/fetch/fetch-url.ts): only http(s), no credentials in the URL, no local names, and
// every address the host resolves to must be public (checked at connection time, so a DNS
// answer cannot change in between) unless CLAIMLINE_FETCH_ALLOW lists it. No redirects are
// followed (a receiver that moved must be re-entered), and the whole request has a deadline.
import http from 'node:http'
import https from 'node:https'
import { IngestError } from '../ingest/errors'
import { allowList, checkUrl, guardedLookup } from '../ingest/fetch/fetch-url'

export type PostOptions = {
  // Hosts or addresses that may be reached although private; CLAIMLINE_FETCH_ALLOW by default.
  allow?: string[]
  deadlineMs?: number
}

export const WEBHOOK_DEADLINE_MS = 10_000
// A receiver's answer is only read for its status and the start of an error.
const MAX_ANSWER_BYTES = 2_000

// The URL checks before any connection; refusals are IngestError 'blocked-url', never retried.
export function checkWebhookUrl(raw: string, options: PostOptions = {}): URL {
  return checkUrl(raw, allowList(options), 'called')
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
        lookup: guardedLookup(host, allowed, undefined, 'called'),
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
