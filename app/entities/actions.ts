'use server'
// Editors keep the entity list clean: names, aliases (Microsoft Corp = Microsoft; PEISM is a
// misspelling of PRISM), affiliations (Brad Smith → Microsoft), and merging duplicates.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { guardedAction } from '@/lib/auth/guard'
import { cleanAliases, entityAffiliationId, entityName } from '@/lib/entities/input'
import { formText } from '@/lib/http/form'
import { isUniqueViolation } from '@/lib/queries/client'
import { mergeEntities, updateEntityRecord } from '@/lib/queries/entities'
import { firstIssue } from '@/lib/validation'

export type EntityState = { error: string | null; message: string | null }

const entityForm = z.object({
  id: z.uuid(),
  name: entityName,
  aliases: z
    .string()
    .max(2000)
    .transform((v) => v.split(/\s*[,\n]\s*/)),
  affiliationId: entityAffiliationId,
})

export const saveEntity = guardedAction('editor', async (user, _previous: EntityState, form: FormData): Promise<EntityState> => {
  const parsed = entityForm.safeParse({
    id: formText(form, 'id'),
    name: formText(form, 'name'),
    aliases: formText(form, 'aliases'),
    affiliationId: formText(form, 'affiliationId'),
  })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Check the form.'), message: null }
  const { id, ...changes } = parsed.data
  try {
    const saved = await updateEntityRecord(id, { ...changes, aliases: cleanAliases(changes.aliases, changes.name) }, user.id)
    if (!saved) return { error: 'This entity no longer exists (merged or deleted).', message: null }
  } catch (error) {
    if (isUniqueViolation(error)) return { error: 'Another entity of this kind has that name: merge them instead.', message: null }
    throw error
  }
  revalidatePath('/entities')
  return { error: null, message: 'Saved.' }
})

const mergeForm = z.object({ keepId: z.uuid(), mergeId: z.uuid({ error: 'Choose the entity to merge into this one.' }) })

export const mergeEntity = guardedAction('editor', async (user, _previous: EntityState, form: FormData): Promise<EntityState> => {
  const parsed = mergeForm.safeParse({ keepId: formText(form, 'keepId'), mergeId: formText(form, 'mergeId') })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Check the form.'), message: null }
  const kept = await mergeEntities(parsed.data.keepId, parsed.data.mergeId, user.id)
  if (!kept) return { error: 'One of the two entities no longer exists.', message: null }
  revalidatePath('/entities')
  return { error: null, message: `Merged into ${kept.name}; its claims moved with it.` }
})
