// The Feeds page's and the Following page's server actions, run as Next.js runs them: an editor
// follows, pauses, resumes and removes a feed (each change audited), a viewer may not; a viewer
// follows a company, marks what is new as seen, creates the link of their Atom feed and sets,
// rotates and removes their webhook.
import { beforeAll, expect, test, vi } from 'vitest'
import { followFeedAction, pauseFeedAction, resumeFeedAction, unfollowFeedAction } from '@/app/feeds/actions'
import {
  createFeedLinkAction,
  followEntityAction,
  markSeenAction,
  removeWebhookAction,
  rotateWebhookSecretAction,
  setWebhookAction,
  unfollowEntityAction,
} from '@/app/follows/actions'
import { SESSION_COOKIE } from '@/lib/auth/sessions'
import { getDb } from '@/lib/db'
import { followFeed } from '@/lib/follow/feeds'
import { webhookStatus } from '@/lib/follow/webhook'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { getSeenAt, isFollowingEntity } from '@/lib/queries/follows'
import { findFollowedFeedByUrl } from '@/lib/queries/followed-feeds'
import { createTestAccount, type TestAccount } from './helpers/accounts'

const request = { cookie: null as string | null }
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === SESSION_COOKIE && request.cookie ? { name, value: request.cookie } : undefined) }),
  headers: async () => new Headers({ host: 'claims.example' }),
}))
// Outside a Next.js render there is no page cache to retire.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
// forbidden() and unauthorized() throw Next.js's own errors; here they become plain ones.
vi.mock('next/navigation', () => ({
  forbidden: () => {
    throw new Error('forbidden')
  },
  unauthorized: () => {
    throw new Error('unauthorized')
  },
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`)
  },
}))

let editor: TestAccount
let viewer: TestAccount

beforeAll(async () => {
  ;[editor, viewer] = await Promise.all([createTestAccount('editor'), createTestAccount('viewer')])
})

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

const initial = { error: null, message: null }

test('an editor follows, pauses, resumes and removes a feed; each change is audited; a viewer may not', async () => {
  request.cookie = viewer.sessionToken
  await expect(followFeedAction(initial, form({ url: 'https://wire.example/rss' }))).rejects.toThrow('forbidden')

  request.cookie = editor.sessionToken
  expect(await followFeedAction(initial, form({ url: 'ftp://wire.example/rss' }))).toEqual({ error: 'Give the feed as an http or https URL.', message: null })
  expect(await followFeedAction(initial, form({ url: 'https://wire.example/rss', intervalMinutes: '1' }))).toEqual({
    error: 'Poll at most every 5 minutes.',
    message: null,
  })
  expect(await followFeedAction(initial, form({ url: 'https://wire.example/rss', intervalMinutes: '' }))).toMatchObject({ error: null })
  expect(await followFeedAction(initial, form({ url: 'https://wire.example/rss' }))).toEqual({
    error: 'https://wire.example/rss is already followed.',
    message: null,
  })
  const feed = await findFollowedFeedByUrl('https://wire.example/rss')
  if (!feed) throw new Error('not followed')
  expect(feed).toMatchObject({ intervalSeconds: 1800, paused: false })
  // The command line hears the same refusal, with the feed that is followed.
  await expect(followFeed({ url: feed.url }, null)).rejects.toMatchObject({
    code: 'exists',
    message: 'https://wire.example/rss is already followed.',
    details: { existingId: feed.id },
  })

  await pauseFeedAction(form({ id: feed.id }))
  expect(await findFollowedFeedByUrl(feed.url)).toMatchObject({ paused: true })
  await resumeFeedAction(form({ id: feed.id }))
  expect(await findFollowedFeedByUrl(feed.url)).toMatchObject({ paused: false })
  await unfollowFeedAction(form({ id: feed.id }))
  expect(await findFollowedFeedByUrl(feed.url)).toBeNull()
  const audit = await listAuditEventsFor('FollowedFeed', feed.id)
  expect(audit.map((e) => [e.action, e.actorId])).toEqual([
    ['feed.follow', editor.user.id],
    ['feed.pause', editor.user.id],
    ['feed.resume', editor.user.id],
    ['feed.unfollow', editor.user.id],
  ])
})

test('a viewer follows and unfollows a company, marks what is new as seen, and gets the link of their Atom feed', async () => {
  request.cookie = viewer.sessionToken
  const company = await getDb().entity.create({ data: { kind: 'company', name: 'Contoso Freight', aliases: [] } })
  await followEntityAction(form({ entityId: company.id }))
  expect(await isFollowingEntity(viewer.user.id, company.id)).toBe(true)
  await unfollowEntityAction(form({ entityId: company.id }))
  expect(await isFollowingEntity(viewer.user.id, company.id)).toBe(false)

  // Seen up to the date given, never beyond now.
  await markSeenAction(form({ upTo: '2026-01-02T03:04:05.000Z' }))
  expect(await getSeenAt(viewer.user.id)).toEqual(new Date('2026-01-02T03:04:05.000Z'))
  await markSeenAction(form({ upTo: '2999-01-01T00:00:00.000Z' }))
  expect((await getSeenAt(viewer.user.id))?.getTime()).toBeLessThanOrEqual(Date.now())

  const { url } = await createFeedLinkAction()
  expect(url).toMatch(/^http:\/\/claims\.example\/follows\/atom\?token=clk_/)
})

test('a viewer sets a webhook (its secret shown once), rotates the secret and removes it; a bad or private URL is refused with a message', async () => {
  const empty = { error: null, message: null, secret: null }
  request.cookie = null
  await expect(setWebhookAction(empty, form({ url: 'https://hooks.example/claimline' }))).rejects.toThrow('unauthorized')
  request.cookie = viewer.sessionToken
  expect(await setWebhookAction(empty, form({ url: 'ftp://hooks.example/x' }))).toMatchObject({ error: 'Enter an http or https URL.', secret: null })
  expect(await setWebhookAction(empty, form({ url: 'http://10.1.2.3/hook' }))).toMatchObject({
    error: '10.1.2.3 is a private or local address; it is not called.',
    secret: null,
  })
  expect(await rotateWebhookSecretAction()).toMatchObject({ error: 'No webhook is set.', secret: null })

  const created = await setWebhookAction(empty, form({ url: 'https://hooks.example/claimline' }))
  expect(created).toMatchObject({ error: null, message: 'New claims will be sent to https://hooks.example/claimline.' })
  expect(created.secret).toMatch(/^whsec_[\w-]{43}$/)
  expect((await setWebhookAction(empty, form({ url: 'https://hooks.example/other' }))).secret).toBeNull()
  const rotated = await rotateWebhookSecretAction()
  expect(rotated.secret).toMatch(/^whsec_/)
  expect(rotated.secret).not.toBe(created.secret)
  expect(await webhookStatus(viewer.user.id)).toMatchObject({ url: 'https://hooks.example/other', lastAttemptAt: null, lastError: null })
  await removeWebhookAction()
  expect(await webhookStatus(viewer.user.id)).toBeNull()
  const audit = await listAuditEventsFor('FollowWebhook', viewer.user.id)
  expect(audit.map((a) => [a.action, a.actorId])).toEqual([
    ['webhook.create', viewer.user.id],
    ['webhook.update', viewer.user.id],
    ['webhook.rotate', viewer.user.id],
    ['webhook.delete', viewer.user.id],
  ])
})
