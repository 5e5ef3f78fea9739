import { z } from 'zod'

// The home page's URL state: ?q=<words in the title>.
export const articleSearchParams = z.object({
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 200) || undefined),
})
