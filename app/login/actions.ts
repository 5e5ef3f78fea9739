'use server'
// Signing in and out. Sign-in is the one action open to anonymous requests; it is throttled
// per account and per address (lib/auth/sign-in.ts).
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { clientAddress } from '@/lib/auth/credentials'
import { guardedAction } from '@/lib/auth/guard'
import { safeNextPath } from '@/lib/auth/next-path'
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '@/lib/auth/session-cookie'
import { endSession, startSession } from '@/lib/auth/sessions'
import { signIn } from '@/lib/auth/sign-in'
import { MAX_PASSWORD_LENGTH } from '@/lib/auth/password-rules'
import { formText } from '@/lib/http/form'
import { firstIssue } from '@/lib/validation'

export type SignInState = { error: string | null; email: string }

const signInForm = z.object({
  email: z.string().trim().min(1, 'Give your email address.').max(254),
  password: z.string().min(1, 'Give your password.').max(MAX_PASSWORD_LENGTH),
  next: z.string().max(2000),
})

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInForm.safeParse({ email: formText(form, 'email'), password: formText(form, 'password'), next: formText(form, 'next') })
  const email = formText(form, 'email').trim().slice(0, 254)
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Give your email and password.'), email }
  const list = await headers()
  const result = await signIn(parsed.data.email, parsed.data.password, clientAddress(list.get('x-forwarded-for')))
  if (!result.ok) {
    if (result.reason === 'throttled') return { error: `Too many failed sign-ins. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minute(s).`, email }
    return { error: 'That email and password do not match an active account.', email }
  }
  const session = await startSession(result.user.id, { ip: clientAddress(list.get('x-forwarded-for')), userAgent: list.get('user-agent') })
  await setSessionCookie(session.token, session.expiresAt)
  redirect(safeNextPath(parsed.data.next))
}

export const signOut = guardedAction('viewer', async () => {
  await endSession((await readSessionCookie()) ?? '')
  await clearSessionCookie()
  redirect('/login')
})
