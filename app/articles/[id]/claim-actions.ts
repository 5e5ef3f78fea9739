'use server'
// Editors tag, change, delete and link claims on an article. Every change is versioned (a
// stale edit is refused, never lost) and audited under the editor's name.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { guardedAction } from '@/lib/auth/guard'
import { claimFields, claimLinkInput, claimSelection, claimVerdictInput, claimVersion } from '@/lib/claims/input'
import { acceptSuggestion, refreshSuggestions, rejectSuggestion } from '@/lib/claims/suggestions'
import { tagClaim } from '@/lib/claims/tag'
import { updateClaimMap } from '@/lib/claims/claim-map'
import { mergeClaims, splitClaim } from '@/lib/claims/clusters/edit'
import { refusalMessage } from '@/lib/errors'
import { formText } from '@/lib/http/form'
import { deleteClaimRecord, linkClaims, setClaimVerdict, unlinkClaims, updateClaimRecord } from '@/lib/claims/edit'
import { articleExists } from '@/lib/queries/articles'
import { createEntityRecord, EntityExistsError, type EntitySummary } from '@/lib/queries/entities'
import { firstIssue } from '@/lib/validation'

export type ClaimActionState = { error: string | null; done: number }

const FIELD_NAMES = ['kind', 'speakerId', 'subjectId', 'channel', 'claimDate', 'note'] as const

function readFields(form: FormData) {
  return claimFields.safeParse(Object.fromEntries(FIELD_NAMES.map((name) => [name, formText(form, name)])))
}

function refresh(articleId: string): void {
  revalidatePath(`/articles/${articleId}`)
}

export const createClaim = guardedAction('editor', async (user, previous: ClaimActionState, form: FormData): Promise<ClaimActionState> => {
  const selection = claimSelection.safeParse({
    articleId: formText(form, 'articleId'),
    start: formText(form, 'start'),
    end: formText(form, 'end'),
    exact: formText(form, 'exact'),
  })
  if (!selection.success) return { error: firstIssue(selection.error, 'Check the form.'), done: previous.done }
  const fields = readFields(form)
  if (!fields.success) return { error: firstIssue(fields.error, 'Check the form.'), done: previous.done }
  try {
    await tagClaim(selection.data, fields.data, user.id)
  } catch (error) {
    return { error: refusalMessage(error), done: previous.done }
  }
  refresh(selection.data.articleId)
  return { error: null, done: previous.done + 1 }
})

// Edits of a claim the editor has open share their shape: the claim and the version read, the
// edit (which may refuse with a message), a stale version or a deleted claim said plainly, then a
// refreshed page.
type VersionedEdit = (claim: { id: string; version: number }, userId: string, form: FormData) => Promise<string | null>

function editOpenClaim(edit: VersionedEdit) {
  return guardedAction('editor', async (user, previous: ClaimActionState, form: FormData): Promise<ClaimActionState> => {
    const version = claimVersion.safeParse({ id: formText(form, 'id'), version: formText(form, 'version') })
    if (!version.success) return { error: 'No such claim.', done: previous.done }
    try {
      const refused = await edit(version.data, user.id, form)
      if (refused) return { error: refused, done: previous.done }
    } catch (error) {
      return { error: refusalMessage(error), done: previous.done }
    }
    refresh(formText(form, 'articleId'))
    return { error: null, done: previous.done + 1 }
  })
}

const DELETED = 'This claim was deleted by someone else.'

export const updateClaim = editOpenClaim(async (claim, userId, form) => {
  const fields = readFields(form)
  if (!fields.success) return firstIssue(fields.error, 'Check the form.')
  const { claimDate, ...rest } = fields.data
  const saved = await updateClaimRecord(claim.id, claim.version, { ...rest, claimDate: claimDate ? new Date(`${claimDate}T00:00:00Z`) : null }, userId)
  if (!saved) return DELETED
  // A new kind, speaker or subject can make the claim an answer (or the thing answered).
  await updateClaimMap(saved.articleId, [claim.id])
  return null
})

// A fact-check verdict: set, changed, or cleared (an empty rating), against the version the editor read.
export const setVerdict = editOpenClaim(async (claim, userId, form) => {
  // "Remove verdict" submits the same form with clear=1: the typed rating is then ignored.
  const cleared = formText(form, 'clear') === '1'
  const input = claimVerdictInput.safeParse({ verdict: cleared ? '' : formText(form, 'verdict'), verdictNote: formText(form, 'verdictNote') })
  if (!input.success) return firstIssue(input.error, 'Check the form.')
  const saved = await setClaimVerdict(claim.id, claim.version, input.data, userId)
  return saved ? null : DELETED
})

export const deleteClaim = editOpenClaim(async (claim, userId) => {
  await deleteClaimRecord(claim.id, claim.version, userId)
  return null
})

export const linkClaim = guardedAction('editor', async (user, previous: ClaimActionState, form: FormData): Promise<ClaimActionState> => {
  const input = claimLinkInput.safeParse({ fromId: formText(form, 'fromId'), toId: formText(form, 'toId'), relation: formText(form, 'relation') })
  if (!input.success) return { error: firstIssue(input.error, 'Check the form.'), done: previous.done }
  try {
    await linkClaims(input.data.fromId, input.data.toId, input.data.relation, user.id)
  } catch (error) {
    return { error: refusalMessage(error), done: previous.done }
  }
  refresh(formText(form, 'articleId'))
  return { error: null, done: previous.done + 1 }
})

export const unlinkClaim = guardedAction('editor', async (user, previous: ClaimActionState, form: FormData): Promise<ClaimActionState> => {
  const id = z.uuid().safeParse(formText(form, 'linkId'))
  if (!id.success) return { error: 'No such link.', done: previous.done }
  await unlinkClaims(id.data, user.id)
  refresh(formText(form, 'articleId'))
  return { error: null, done: previous.done + 1 }
})

const newEntity = z.object({
  kind: z.enum(['company', 'person', 'agency', 'outlet', 'programme']),
  name: z.string().trim().min(1, 'Give the name.').max(200),
  affiliationId: z.union([z.literal(''), z.uuid()]).transform((v) => v || null),
})

export type EntityCreated = { entity: EntitySummary | null; error: string | null }

// Called from the tagging popover to create a speaker or company on the fly.
export const createEntity = guardedAction('editor', async (user, input: { kind: string; name: string; affiliationId?: string }): Promise<EntityCreated> => {
  const parsed = newEntity.safeParse({ kind: input.kind, name: input.name, affiliationId: input.affiliationId ?? '' })
  if (!parsed.success) return { entity: null, error: firstIssue(parsed.error, 'Check the form.') }
  try {
    return { entity: await createEntityRecord(parsed.data, user.id), error: null }
  } catch (error) {
    if (error instanceof EntityExistsError) return { entity: error.existing, error: null }
    throw error
  }
})

// Suggestions: accept as proposed, accept with the editor's changes, reject (remembered), or
// ask for fresh ones.
const suggestionId = z.uuid()

function suggestionError(error: unknown, done: number): ClaimActionState {
  return { error: refusalMessage(error), done }
}

// The three decisions share their shape: a suggestion id, the decision (which may refuse with
// a message), then a refreshed page.
function decideSuggestion(decide: (id: string, userId: string, form: FormData) => Promise<string | null>) {
  return guardedAction('editor', async (user, previous: ClaimActionState, form: FormData): Promise<ClaimActionState> => {
    const id = suggestionId.safeParse(formText(form, 'suggestionId'))
    if (!id.success) return { error: 'No such suggestion.', done: previous.done }
    try {
      const refused = await decide(id.data, user.id, form)
      if (refused) return { error: refused, done: previous.done }
    } catch (error) {
      return suggestionError(error, previous.done)
    }
    refresh(formText(form, 'articleId'))
    return { error: null, done: previous.done + 1 }
  })
}

export const acceptSuggestionAsIs = decideSuggestion(async (id, userId) => {
  await acceptSuggestion(id, userId)
  return null
})

export const acceptEditedSuggestion = decideSuggestion(async (id, userId, form) => {
  const fields = readFields(form)
  if (!fields.success) return firstIssue(fields.error, 'Check the form.')
  const { claimDate, ...rest } = fields.data
  await acceptSuggestion(id, userId, { ...rest, claimDate: claimDate ? new Date(`${claimDate}T00:00:00Z`) : null })
  return null
})

export const rejectSuggestionForGood = decideSuggestion(async (id, userId) => {
  await rejectSuggestion(id, userId)
  return null
})

export const suggestAgain = guardedAction('editor', async (_user, previous: ClaimActionState, form: FormData): Promise<ClaimActionState> => {
  const articleId = z.uuid().safeParse(formText(form, 'articleId'))
  // An id that names no article (deleted meanwhile, or made up) is said plainly, not a 500.
  if (!articleId.success || !(await articleExists(articleId.data))) return { error: 'No such article.', done: previous.done }
  const count = await refreshSuggestions(articleId.data)
  refresh(articleId.data)
  return { error: count === 0 ? 'Nothing new to suggest in this article.' : null, done: previous.done + 1 }
})

// "Not the same claim": this claim leaves its cluster. "Same claim as…": its cluster joins
// the chosen claim's. Editors' decisions, audited; the matcher leaves them be.
export const splitClaimCluster = guardedAction('editor', async (user, previous: ClaimActionState, form: FormData): Promise<ClaimActionState> => {
  const id = z.uuid().safeParse(formText(form, 'id'))
  if (!id.success) return { error: 'No such claim.', done: previous.done }
  try {
    await splitClaim(id.data, user.id)
  } catch (error) {
    return { error: refusalMessage(error), done: previous.done }
  }
  refresh(formText(form, 'articleId'))
  return { error: null, done: previous.done + 1 }
})

export const sameClaimAs = guardedAction('editor', async (user, previous: ClaimActionState, form: FormData): Promise<ClaimActionState> => {
  const ids = z
    .object({ fromId: z.uuid(), toId: z.uuid({ error: 'Choose the claim it is the same as.' }) })
    .safeParse({ fromId: formText(form, 'fromId'), toId: formText(form, 'toId') })
  if (!ids.success) return { error: firstIssue(ids.error, 'Check the form.'), done: previous.done }
  try {
    await mergeClaims(ids.data.fromId, ids.data.toId, user.id)
  } catch (error) {
    return { error: refusalMessage(error), done: previous.done }
  }
  refresh(formText(form, 'articleId'))
  return { error: null, done: previous.done + 1 }
})
