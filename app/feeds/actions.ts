'use server'
// Editors follow feeds, pause, resume and stop following them (lib/follow/feeds.ts); every
// change is audited by the queries it goes through.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { guardedAction } from '@/lib/auth/guard'
import { refusalMessage } from '@/lib/errors'
import { followFeed, followFeedInput, pauseFeed, resumeFeed, unfollowFeed } from '@/lib/follow/feeds'
import { formText } from '@/lib/http/form'
import { firstIssue } from '@/lib/validation'

export type FollowFeedState = { error: string | null; message: string | null }

export const followFeedAction = guardedAction('editor', async (user, _previous: FollowFeedState, form: FormData): Promise<FollowFeedState> => {
  const minutes = formText(form, 'intervalMinutes')
  const parsed = followFeedInput.safeParse({ url: formText(form, 'url'), intervalMinutes: minutes === '' ? undefined : minutes })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Check the form.'), message: null }
  try {
    const feed = await followFeed(parsed.data, user.id)
    revalidatePath('/feeds')
    return { error: null, message: `Following ${feed.url}: its first poll comes within a minute.` }
  } catch (error) {
    return { error: refusalMessage(error), message: null }
  }
})

const feedId = z.object({ id: z.uuid() })

// The row buttons: a missing or malformed id changes nothing.
function feedAction(change: (id: string, actorId: string) => Promise<unknown>) {
  return guardedAction('editor', async (user, form: FormData): Promise<void> => {
    const parsed = feedId.safeParse({ id: formText(form, 'id') })
    if (!parsed.success) return
    await change(parsed.data.id, user.id)
    revalidatePath('/feeds')
  })
}

export const pauseFeedAction = feedAction(pauseFeed)
export const resumeFeedAction = feedAction(resumeFeed)
export const unfollowFeedAction = feedAction(unfollowFeed)
