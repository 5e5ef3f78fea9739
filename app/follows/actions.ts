'use server'
// Following companies, marking what is new as seen, and the link of one's Atom feed.
import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { z } from 'zod'
import { guardedAction } from '@/lib/auth/guard'
import { getEnv } from '@/lib/env'
import { atomUrl, issueFeedToken, markNewsSeen } from '@/lib/follow/news'
import { removeWebhook, rotateWebhookSecret, setWebhook, webhookInput } from '@/lib/follow/webhook'
import { formText } from '@/lib/http/form'
import { refusalMessage } from '@/lib/errors'
import { followEntity, unfollowEntity } from '@/lib/queries/follows'
import { firstIssue } from '@/lib/validation'

const entityForm = z.object({ entityId: z.uuid() })

// Follow and unfollow: a missing or malformed id changes nothing.
function entityAction(change: (userId: string, entityId: string) => Promise<void>) {
  return guardedAction('viewer', async (user, form: FormData): Promise<void> => {
    const parsed = entityForm.safeParse({ entityId: formText(form, 'entityId') })
    if (!parsed.success) return
    await change(user.id, parsed.data.entityId)
    revalidatePath(`/entities/${parsed.data.entityId}`)
    revalidatePath('/follows')
  })
}

export const followEntityAction = entityAction(followEntity)
export const unfollowEntityAction = entityAction(unfollowEntity)

const seenForm = z.object({ upTo: z.iso.datetime() })

export const markSeenAction = guardedAction('viewer', async (user, form: FormData): Promise<void> => {
  const parsed = seenForm.safeParse({ upTo: formText(form, 'upTo') })
  if (!parsed.success) return
  // Never later than now: a forged date cannot hide what has not arrived yet.
  await markNewsSeen(user.id, new Date(Math.min(Date.parse(parsed.data.upTo), Date.now())))
  revalidatePath('/follows')
})

export type FeedLinkState = { url: string | null }

export const createFeedLinkAction = guardedAction('viewer', async (user): Promise<FeedLinkState> => {
  const token = await issueFeedToken(user.id)
  const list = await headers()
  const host = list.get('host')
  const base = getEnv().CLAIMLINE_PUBLIC_URL ?? (host ? `${list.get('x-forwarded-proto') ?? 'http'}://${host}` : 'http://localhost:3000')
  return { url: atomUrl(base, token) }
})

// The webhook: setting its URL, rotating its secret, removing it (each audited by its query).
// A secret is returned once, when it is made, for the page to show.
export type WebhookState = { error: string | null; message: string | null; secret: string | null }

export const setWebhookAction = guardedAction('viewer', async (user, _previous: WebhookState, form: FormData): Promise<WebhookState> => {
  const parsed = webhookInput.safeParse({ url: formText(form, 'url') })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Check the URL.'), message: null, secret: null }
  try {
    const { secret } = await setWebhook(user.id, parsed.data.url)
    revalidatePath('/follows')
    return { error: null, message: `New claims will be sent to ${parsed.data.url}.`, secret }
  } catch (error) {
    return { error: refusalMessage(error), message: null, secret: null }
  }
})

export const rotateWebhookSecretAction = guardedAction('viewer', async (user): Promise<WebhookState> => {
  const secret = await rotateWebhookSecret(user.id)
  revalidatePath('/follows')
  return secret
    ? { error: null, message: 'A new secret signs every delivery from now on; the old one no longer does.', secret }
    : { error: 'No webhook is set.', message: null, secret: null }
})

export const removeWebhookAction = guardedAction('viewer', async (user): Promise<void> => {
  await removeWebhook(user.id)
  revalidatePath('/follows')
})
