// A user's outgoing webhook against the real database, the pg-boss jobs and a local receiver
// (127.0.0.1): a followed company's new allegation, brought in by a followed feed, is POSTed
// once with a valid signature; a failing receiver is retried and its error shown; a private
// address is refused unless allowed; the secret rotates.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDb } from '@/lib/db'
import { followFeed } from '@/lib/follow/feeds'
import { startFollowJobs } from '@/lib/follow/jobs'
import { deliverWebhook, rotateWebhookSecret, setWebhook, webhookStatus, type WebhookPayload } from '@/lib/follow/webhook'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { followEntity } from '@/lib/queries/follows'
import { createTestAccount } from './helpers/accounts'

// The receiver and the feed server run on 127.0.0.1, which is refused unless allowed.
process.env.CLAIMLINE_FETCH_ALLOW = '127.0.0.1'

type Received = { path: string; headers: IncomingHttpHeaders; body: string }
const received: Received[] = []
// Paths that answer 500 this many more times.
const failures = new Map<string, number>()
let server: Server
let base = ''

const story = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Courts</title>
<item><title>Dockworkers sue Contoso Freight over unpaid overtime</title><link>LINK</link><pubDate>${new Date(Date.UTC(2026, 10, 18, 8)).toUTCString()}</pubDate>
<content:encoded><![CDATA[<p>Contoso Freight withheld overtime pay from hundreds of dockworkers for three years, a lawsuit filed on Monday alleges.</p>
<p>The complaint, filed by the dockworkers’ union in federal court, says managers told crews to work through breaks without pay.</p>
<p>“Contoso Freight cheated these workers out of their wages and then lied about it,” said Maria Lopez, the union’s president.</p>
<p>The union accused Contoso Freight of falsifying time sheets at two terminals to hide the extra hours.</p>
<p>The company did not respond to a request for comment on Monday.</p>]]></content:encoded></item></channel></rss>`

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? ''
    if (req.method === 'GET' && path === '/courts')
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(story.replace('LINK', `${base}/courts/contoso`))
    if (req.method !== 'POST') return res.writeHead(404).end()
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      received.push({ path, headers: req.headers, body })
      const left = failures.get(path) ?? 0
      if (left > 0) {
        failures.set(path, left - 1)
        return res.writeHead(500, { 'content-type': 'text/plain' }).end('receiver is down')
      }
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

// What a receiver does: HMAC-SHA256 of the raw body with the secret, compared in constant time.
function signatureValid(secret: string, body: string, header: string | string[] | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`)
  const given = Buffer.from(typeof header === 'string' ? header : '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

test('a followed company’s new allegation is POSTed once, signed; a failing receiver is retried and its error shown', async () => {
  const reader = await createTestAccount('viewer')
  const company = await getDb().entity.create({ data: { kind: 'company', name: 'Contoso Freight', aliases: ['Contoso'] } })
  await followEntity(reader.user.id, company.id)
  const { secret } = await setWebhook(reader.user.id, `${base}/hook`)
  if (!secret) throw new Error('a new webhook has a secret')
  expect(secret).toMatch(/^whsec_/)
  // Set again (same URL): the secret stays, and is not shown again.
  expect((await setWebhook(reader.user.id, `${base}/hook`)).secret).toBeNull()

  await followFeed({ url: `${base}/courts`, intervalMinutes: 30 }, null)
  const attempts: string[] = []
  const jobs = await startFollowJobs({
    schedule: false,
    pollingIntervalSeconds: 0.5,
    webhook: { retryLimit: 2, retryDelaySeconds: 1, onDelivery: (_d, outcome) => attempts.push(outcome.status) },
  })
  try {
    await jobs.idle()
    const hooks = received.filter((r) => r.path === '/hook')
    expect(hooks.length).toBeGreaterThan(0)
    const payloads = hooks.map((r) => JSON.parse(r.body) as WebhookPayload)
    expect(payloads.map((p) => p.claimKind)).toContain('allegation')
    expect(payloads.every((p) => p.company.id === company.id && p.event === 'claim.new' && p.article.url === `${base}/courts/contoso`)).toBe(true)
    expect(hooks.every((r) => signatureValid(secret, r.body, r.headers['x-claimline-signature']))).toBe(true)
    expect(hooks.every((r) => r.headers['content-type'] === 'application/json')).toBe(true)
    // Once each: the delivery ids are distinct, and another pass sends nothing more.
    expect(new Set(hooks.map((r) => r.headers['x-claimline-delivery'])).size).toBe(hooks.length)
    await jobs.tick()
    await jobs.idle()
    expect(received.filter((r) => r.path === '/hook')).toHaveLength(hooks.length)
    expect(await webhookStatus(reader.user.id)).toMatchObject({ lastStatus: 204, lastError: null, url: `${base}/hook` })

    // A receiver that fails twice: retried (backoff from 1 s), its error shown meanwhile, then delivered.
    failures.set('/down', 2)
    await setWebhook(reader.user.id, `${base}/down`)
    // Something new about the company, as a later poll would bring (what was sent is not sent again).
    const known = await getDb().claimSuggestion.findFirstOrThrow({ where: { subjectId: company.id } })
    await getDb().claimSuggestion.create({
      data: {
        articleId: known.articleId,
        kind: known.kind,
        quote: known.quote,
        target: [{ type: 'TextQuoteSelector', exact: known.quote }],
        subjectId: company.id,
        confidence: known.confidence,
        rule: known.rule,
      },
    })
    const before = attempts.length
    await jobs.tick()
    for (let i = 0; i < 100 && attempts.length === before; i++) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(attempts[before]).toBe('failed')
    const shown = await webhookStatus(reader.user.id)
    expect(shown?.lastStatus).toBe(500)
    expect(shown?.lastError).toMatch(/answered 500: receiver is down/)
    await jobs.idle()
    const down = received.filter((r) => r.path === '/down')
    const ids = new Set(down.map((r) => r.headers['x-claimline-delivery']))
    // The receiver failed its first two requests; each item then arrived once.
    expect(down).toHaveLength(ids.size + 2)
    expect(await webhookStatus(reader.user.id)).toMatchObject({ lastStatus: 204, lastError: null })
  } finally {
    await jobs.stop()
  }

  // The secret rotates: the next delivery is signed with the new one, not the old.
  const rotated = await rotateWebhookSecret(reader.user.id)
  if (!rotated) throw new Error('rotated')
  const body = JSON.stringify({ event: 'claim.new', id: 'test:1' })
  await setWebhook(reader.user.id, `${base}/hook`)
  expect(await deliverWebhook({ userId: reader.user.id, id: 'test:1', body })).toEqual({ status: 'delivered', httpStatus: 204 })
  const last = received.at(-1)
  expect(signatureValid(rotated, body, last?.headers['x-claimline-signature'])).toBe(true)
  expect(signatureValid(secret, body, last?.headers['x-claimline-signature'])).toBe(false)
  // Every change is audited, the URL and never the secret.
  const audit = await listAuditEventsFor('FollowWebhook', reader.user.id)
  expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.update', 'webhook.update', 'webhook.rotate', 'webhook.update'])
  expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain('whsec_')
})

test('a private address is refused without the allowance, and the refusal is shown, not retried', async () => {
  const user = await createTestAccount('viewer')
  await setWebhook(user.user.id, `${base}/hook`)
  const count = received.length
  const outcome = await deliverWebhook({ userId: user.user.id, id: 'x:1', body: '{}' }, { allow: [] })
  expect(outcome).toEqual({ status: 'refused', error: '127.0.0.1 is a private or local address; it is not called.' })
  expect(received).toHaveLength(count)
  expect(await webhookStatus(user.user.id)).toMatchObject({ lastError: '127.0.0.1 is a private or local address; it is not called.', lastStatus: null })
  // Setting a webhook to an unallowed private address is refused at once.
  const previous = process.env.CLAIMLINE_FETCH_ALLOW
  process.env.CLAIMLINE_FETCH_ALLOW = ''
  try {
    await expect(setWebhook(user.user.id, 'http://10.0.0.5/hook')).rejects.toThrow(/private or local address/)
    await expect(setWebhook(user.user.id, `http://localhost:${new URL(base).port}/hook`)).rejects.toThrow(/local name/)
  } finally {
    process.env.CLAIMLINE_FETCH_ALLOW = previous
  }
})
