'use server'
// A signed-in user's own account: their password and their API tokens.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { issueApiToken } from '@/lib/auth/api-tokens'
import { guardedAction } from '@/lib/auth/guard'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { newPassword } from '@/lib/auth/password-rules'
import { formText } from '@/lib/http/form'
import { revokeApiToken } from '@/lib/queries/api-tokens'
import { getPasswordHash, setPasswordHash } from '@/lib/queries/users'
import { firstIssue } from '@/lib/validation'

export type PasswordState = { error: string | null; saved: boolean; tokensRevoked: number }
export type TokenState = { error: string | null; token: string | null; name: string | null }

export const changeOwnPassword = guardedAction('viewer', async (user, _previous: PasswordState, form: FormData): Promise<PasswordState> => {
  const current = formText(form, 'current')
  const next = newPassword.safeParse(formText(form, 'password'))
  if (!next.success) return { error: firstIssue(next.error, 'Choose another password.'), saved: false, tokensRevoked: 0 }
  if (next.data !== formText(form, 'confirm')) return { error: 'The two new passwords differ.', saved: false, tokensRevoked: 0 }
  const hash = await getPasswordHash(user.id)
  if (!hash || !(await verifyPassword(hash, current))) return { error: 'Your current password is not right.', saved: false, tokensRevoked: 0 }
  const { tokensRevoked } = await setPasswordHash(user.id, await hashPassword(next.data), user.id, user.sessionId)
  revalidatePath('/account')
  return { error: null, saved: true, tokensRevoked }
})

const tokenForm = z.object({
  name: z.string().trim().min(1, 'Name the token after what will use it, e.g. "nightly feed import".').max(100),
  expiresInDays: z.enum(['30', '90', '365', 'never']).transform((v) => (v === 'never' ? null : Number(v))),
})

export const createApiToken = guardedAction('viewer', async (user, _previous: TokenState, form: FormData): Promise<TokenState> => {
  const parsed = tokenForm.safeParse({ name: formText(form, 'name'), expiresInDays: formText(form, 'expiresInDays') || '90' })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Check the form.'), token: null, name: null }
  const { token, summary } = await issueApiToken(user.id, parsed.data.name, parsed.data.expiresInDays, user.id)
  revalidatePath('/account')
  return { error: null, token, name: summary.name }
})

export const revokeOwnApiToken = guardedAction('viewer', async (user, form: FormData): Promise<void> => {
  const id = z.uuid().safeParse(formText(form, 'id'))
  if (id.success) await revokeApiToken(id.data, user.id, user.id)
  revalidatePath('/account')
})
