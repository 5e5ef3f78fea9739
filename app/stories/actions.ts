'use server'
// Editors group articles and claims into named stories ("PRISM, 2013"); each story opens as a timeline.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { guardedAction } from '@/lib/auth/guard'
import { refusalMessage } from '@/lib/errors'
import { formText } from '@/lib/http/form'
import { createStory, setStoryMember } from '@/lib/queries/stories'
import { storyDescription, storyName } from '@/lib/stories/input'
import { firstIssue } from '@/lib/validation'

export type StoryState = { error: string | null; done: number }

const storyForm = z.object({ name: storyName, description: storyDescription })

export const addStory = guardedAction('editor', async (user, previous: StoryState, form: FormData): Promise<StoryState> => {
  const parsed = storyForm.safeParse({ name: formText(form, 'name'), description: formText(form, 'description') })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Check the form.'), done: previous.done }
  await createStory(parsed.data, user.id)
  revalidatePath('/stories')
  return { error: null, done: previous.done + 1 }
})

const membership = z.object({
  storyId: z.uuid({ error: 'Choose a story.' }),
  articleId: z.uuid().optional(),
  claimId: z.uuid().optional(),
  present: z.enum(['true', 'false']).transform((v) => v === 'true'),
})

// Adds (present=true) or removes an article or a claim; the page it came from is refreshed.
export const changeStoryMember = guardedAction('editor', async (user, previous: StoryState, form: FormData): Promise<StoryState> => {
  const parsed = membership.safeParse({
    storyId: formText(form, 'storyId'),
    articleId: formText(form, 'articleId') || undefined,
    claimId: formText(form, 'claimId') || undefined,
    present: formText(form, 'present') || 'true',
  })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Check the form.'), done: previous.done }
  const { storyId, articleId, claimId, present } = parsed.data
  try {
    if (articleId) await setStoryMember({ storyId, articleId }, present, user.id)
    else if (claimId) await setStoryMember({ storyId, claimId }, present, user.id)
    else return { error: 'Nothing to add.', done: previous.done }
  } catch (error) {
    return { error: refusalMessage(error), done: previous.done }
  }
  revalidatePath('/stories')
  const back = formText(form, 'back')
  if (back.startsWith('/articles/')) revalidatePath(back)
  return { error: null, done: previous.done + 1 }
})
