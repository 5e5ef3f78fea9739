'use client'
import { useActionState } from 'react'
import { FormError } from '@/app/components/FormError'
import { addStory, changeStoryMember, type StoryState } from './actions'

const initial: StoryState = { error: null, done: 0 }

export function NewStoryForm() {
  const [state, action, pending] = useActionState(addStory, initial)
  return (
    <form action={action} className="stacked-form" aria-label="New story" key={state.done}>
      <label htmlFor="story-name">Name</label>
      <input id="story-name" name="name" required maxLength={200} placeholder="PRISM, 2013" />
      <label htmlFor="story-description">What it covers</label>
      <input id="story-description" name="description" maxLength={2000} />
      <FormError error={state.error} />
      <button type="submit" disabled={pending}>
        Create story
      </button>
    </form>
  )
}

// "Add to story" for an article or a claim, with the stories it is already in and a way out.
export function StoryMembership({
  target,
  stories,
  member,
  back,
}: {
  target: { articleId: string } | { claimId: string }
  stories: { id: string; name: string }[]
  member: { id: string; name: string }[]
  back: string
}) {
  const [state, action, pending] = useActionState(changeStoryMember, initial)
  const hidden =
    'articleId' in target ? <input type="hidden" name="articleId" value={target.articleId} /> : <input type="hidden" name="claimId" value={target.claimId} />
  const others = stories.filter((s) => !member.some((m) => m.id === s.id))
  return (
    <div className="story-membership">
      {member.map((story) => (
        <form key={story.id} action={action} className="inline">
          {hidden}
          <input type="hidden" name="storyId" value={story.id} />
          <input type="hidden" name="present" value="false" />
          <input type="hidden" name="back" value={back} />
          <span className="tag">
            {story.name}{' '}
            <button type="submit" className="link-button small" aria-label={`Remove from story ${story.name}`} disabled={pending}>
              ×
            </button>
          </span>
        </form>
      ))}
      {others.length > 0 ? (
        <form action={action} className="inline-form">
          {hidden}
          <input type="hidden" name="present" value="true" />
          <input type="hidden" name="back" value={back} />
          <label className="visually-hidden" htmlFor={`story-${'articleId' in target ? target.articleId : target.claimId}`}>
            Story
          </label>
          <select id={`story-${'articleId' in target ? target.articleId : target.claimId}`} name="storyId" defaultValue="">
            <option value="">add to story…</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={pending}>
            Add
          </button>
        </form>
      ) : null}
      <FormError error={state.error} />
    </div>
  )
}
