// A user's optional outgoing webhook: each new claim about a company they follow (the items of
// their Atom feed) is POSTed to their URL as JSON, one request per item, signed with a secret of
// theirs (HMAC-SHA256 of the body, `X-Claimline-Signature: sha256=<hex>`) so the receiver knows
// it came from us. Scanning for new items and sending them run as jobs (lib/follow/jobs.ts): a
// scan moves the user's cursor before it queues the deliveries, so an item is queued once even
// with several instances; a delivery that fails is retried by pg-boss with backoff, and the last
// outcome is kept for the user to see.
//
// An item's time is taken when its transaction writes it, so with several writers at once (on
// PostgreSQL) an item can commit after a later-stamped one that a scan has already sent. A scan
// therefore looks back LOOK_BACK before its cursor and sends what it has not sent before
// (FollowWebhookSent lists what was queued): no item is skipped unless it committed more than
// LOOK_BACK after it was stamped, far beyond any transaction's time limit (30 s).
import { createHmac, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { DomainError } from '../errors'
import { IngestError } from '../ingest/errors'
import {
  claimWebhookItems,
  deleteFollowWebhook,
  getFollowWebhook,
  recordWebhookDelivery,
  saveFollowWebhook,
  type FollowWebhookRow,
} from '../queries/follow-webhooks'
import { findNewsForUser, type NewsItem } from '../queries/follows'
import { MAX_URL_LENGTH } from '../urls'
import { checkWebhookUrl, postJson, type PostOptions } from './webhook-post'

export const SIGNATURE_HEADER = 'x-claimline-signature'
export const DELIVERY_HEADER = 'x-claimline-delivery'
// Items a scan queues at most; a larger burst sends its newest ones.
const SCAN_LIMIT = 200
export const LOOK_BACK_MS = 5 * 60 * 1000

export const webhookInput = z.object({ url: z.url({ protocol: /^https?$/, error: 'Enter an http or https URL.' }).max(MAX_URL_LENGTH) })

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

export type WebhookPayload = {
  event: 'claim.new'
  // Stable per item: a receiver that sees it twice (a retry after a lost answer) can drop it.
  id: string
  kind: NewsItem['kind']
  claimKind: NewsItem['claimKind']
  quote: string
  company: NewsItem['subject']
  speaker: string | null
  article: { id: string; title: string; url: string | null; publishedAt: string | null }
  at: string
}

export function webhookPayload(item: NewsItem): WebhookPayload {
  return {
    event: 'claim.new',
    id: `${item.kind}:${item.id}`,
    kind: item.kind,
    claimKind: item.claimKind,
    quote: item.quote,
    company: item.subject,
    speaker: item.speaker,
    article: { ...item.article, publishedAt: item.article.publishedAt?.toISOString() ?? null },
    at: item.at.toISOString(),
  }
}

// Setting a webhook: a new one gets a secret (returned once, to show the user); changing the
// URL keeps it. Only what is new from now on is sent, not the history.
export async function setWebhook(userId: string, url: string, now = new Date()): Promise<{ webhook: FollowWebhookRow; secret: string | null }> {
  checkWebhookUrl(url)
  const existing = await getFollowWebhook(userId)
  const secret = existing ? null : newWebhookSecret()
  const webhook = await saveFollowWebhook(userId, { url, secret: secret ?? undefined, deliveredUpTo: now })
  return { webhook, secret }
}

export async function rotateWebhookSecret(userId: string): Promise<string | null> {
  const existing = await getFollowWebhook(userId)
  if (!existing) return null
  const secret = newWebhookSecret()
  await saveFollowWebhook(userId, { url: existing.url, secret, deliveredUpTo: existing.deliveredUpTo })
  return secret
}

export async function removeWebhook(userId: string): Promise<void> {
  await deleteFollowWebhook(userId)
}

export type WebhookStatus = Omit<FollowWebhookRow, 'secret'>

// What the Following page shows: never the secret.
export async function webhookStatus(userId: string): Promise<WebhookStatus | null> {
  const row = await getFollowWebhook(userId)
  if (!row) return null
  return {
    userId: row.userId,
    url: row.url,
    deliveredUpTo: row.deliveredUpTo,
    lastAttemptAt: row.lastAttemptAt,
    lastDeliveredAt: row.lastDeliveredAt,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    createdAt: row.createdAt,
  }
}

export type Delivery = { userId: string; body: string; id: string }

// The user's items not sent yet, oldest first, once: those since LOOK_BACK before the cursor
// (never from before the webhook was set) that no scan has queued; they are marked queued before
// they are returned.
export async function scanWebhookNews(userId: string): Promise<Delivery[]> {
  const webhook = await getFollowWebhook(userId)
  if (!webhook) return []
  const since = new Date(Math.max(webhook.deliveredUpTo.getTime() - LOOK_BACK_MS, webhook.createdAt.getTime()))
  const items = (await findNewsForUser(userId, since, SCAN_LIMIT)).map((item) => ({ item, payload: webhookPayload(item) }))
  const claimed = await claimWebhookItems(
    userId,
    items.map(({ item, payload }) => ({ itemId: payload.id, at: item.at })),
    LOOK_BACK_MS,
  )
  return items
    .filter(({ payload }) => claimed.has(payload.id))
    .reverse()
    .map(({ payload }) => ({ userId, id: payload.id, body: JSON.stringify(payload) }))
}

// The receiver answered, but not with success: kept with its status for the user to see. A
// 'fetch' failure, like a receiver that cannot be reached (webhook-post.ts): the URL was called
// and did not take the item.
class ReceiverError extends DomainError {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super('fetch', message)
    this.name = 'ReceiverError'
  }
}

export type DeliveryOutcome = { status: 'delivered'; httpStatus: number } | { status: 'refused'; error: string } | { status: 'gone' }

// Sends one item, signed with the user's current secret. A refused URL (private address, bad
// scheme) is recorded and not retried: it will not change by waiting. Any other failure is
// recorded and thrown, for the job to be retried.
export async function deliverWebhook(delivery: Delivery, options: PostOptions = {}, now = () => new Date()): Promise<DeliveryOutcome> {
  const webhook = await getFollowWebhook(delivery.userId)
  if (!webhook) return { status: 'gone' }
  const headers = { [SIGNATURE_HEADER]: signBody(webhook.secret, delivery.body), [DELIVERY_HEADER]: delivery.id }
  try {
    const answer = await postJson(webhook.url, delivery.body, headers, options)
    if (answer.status < 200 || answer.status >= 300) {
      const detail = answer.body.trim().slice(0, 200)
      throw new ReceiverError(answer.status, `${new URL(webhook.url).host} answered ${answer.status}${detail ? `: ${detail}` : ''}`)
    }
    await recordWebhookDelivery(delivery.userId, { at: now(), status: answer.status, error: null })
    return { status: 'delivered', httpStatus: answer.status }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    const httpStatus = error instanceof ReceiverError ? error.httpStatus : null
    await recordWebhookDelivery(delivery.userId, { at: now(), status: httpStatus, error: text })
    if (error instanceof IngestError && error.code === 'blocked-url') return { status: 'refused', error: text }
    throw error
  }
}
