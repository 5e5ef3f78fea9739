'use server'
// Admins manage accounts: create them, change roles, deactivate and reactivate, set a new
// password for someone who lost theirs.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { createAccount } from '@/lib/auth/accounts'
import { guardedAction } from '@/lib/auth/guard'
import { hashPassword } from '@/lib/auth/password'
import { newPassword } from '@/lib/auth/password-rules'
import { refusalMessage } from '@/lib/errors'
import { formText } from '@/lib/http/form'
import { setPasswordHash, updateUser } from '@/lib/queries/users'
import { firstIssue } from '@/lib/validation'

export type AdminState = { error: string | null; message: string | null }

const role = z.enum(['admin', 'editor', 'viewer'])

export const createUserAccount = guardedAction('admin', async (admin, _previous: AdminState, form: FormData): Promise<AdminState> => {
  try {
    const user = await createAccount(
      {
        email: formText(form, 'email'),
        name: formText(form, 'name'),
        role: role.catch('viewer').parse(formText(form, 'role')),
        password: formText(form, 'password'),
      },
      admin.id,
    )
    revalidatePath('/admin/users')
    return {
      error: null,
      message: user ? `Created ${user.name} (${user.email}) as ${user.role}. Give them their password in person or by another channel.` : null,
    }
  } catch (error) {
    if (error instanceof z.ZodError) return { error: firstIssue(error, 'Check the form.'), message: null }
    return { error: refusalMessage(error), message: null }
  }
})

const changeForm = z.object({
  id: z.uuid(),
  role: role.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
})

export const changeUserAccount = guardedAction('admin', async (admin, _previous: AdminState, form: FormData): Promise<AdminState> => {
  const parsed = changeForm.safeParse({ id: formText(form, 'id'), role: formText(form, 'role') || undefined, active: formText(form, 'active') || undefined })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Check the form.'), message: null }
  const { id, ...changes } = parsed.data
  try {
    const user = await updateUser(id, changes, admin.id)
    revalidatePath('/admin/users')
    if (!user) return { error: 'That account no longer exists.', message: null }
    return { error: null, message: `${user.name}: ${user.active ? user.role : 'deactivated'}.` }
  } catch (error) {
    return { error: refusalMessage(error), message: null }
  }
})

export const resetUserPassword = guardedAction('admin', async (admin, _previous: AdminState, form: FormData): Promise<AdminState> => {
  const id = z.uuid().safeParse(formText(form, 'id'))
  const password = newPassword.safeParse(formText(form, 'password'))
  if (!id.success) return { error: 'No such account.', message: null }
  if (!password.success) return { error: firstIssue(password.error, 'Choose another password.'), message: null }
  const { tokensRevoked } = await setPasswordHash(id.data, await hashPassword(password.data), admin.id, null)
  return { error: null, message: `Password set; their sessions were signed out and their API tokens revoked (${tokensRevoked}).` }
})
