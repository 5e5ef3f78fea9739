// What an editor may set on a story, validated at the edge: the stories page and the JSON API
// share these.
import { z } from 'zod'

export const storyName = z.string().trim().min(1, 'Name the story.').max(200)
export const storyDescription = z
  .string()
  .trim()
  .max(2000)
  .transform((v) => v || null)
