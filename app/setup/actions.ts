'use server'
// First-run setup: creates the first admin, only while no account exists and only with the
// setup code printed by the server (lib/auth/setup.ts), then signs them in.
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { clientAddress } from '@/lib/auth/credentials'
import { setSessionCookie } from '@/lib/auth/session-cookie'
import { startSession } from '@/lib/auth/sessions'
import { completeSetup } from '@/lib/auth/setup'
import { refusalMessage } from '@/lib/errors'
import { formText } from '@/lib/http/form'
import { firstIssue } from '@/lib/validation'

export type SetupState = { error: string | null }

const setupForm = z.object({ code: z.string().trim().min(1, 'Give the setup code from the server log.').max(40) })

export async function createFirstAdmin(_previous: SetupState, form: FormData): Promise<SetupState> {
  const parsed = setupForm.safeParse({ code: formText(form, 'code') })
  if (!parsed.success) return { error: firstIssue(parsed.error, 'Give the setup code.') }
  if (formText(form, 'password') !== formText(form, 'confirm')) return { error: 'The two passwords differ.' }
  let userId: string
  try {
    const user = await completeSetup(parsed.data.code, { email: formText(form, 'email'), name: formText(form, 'name'), password: formText(form, 'password') })
    userId = user.id
  } catch (error) {
    if (error instanceof z.ZodError) return { error: firstIssue(error, 'Check the form.') }
    return { error: refusalMessage(error) }
  }
  const list = await headers()
  const session = await startSession(userId, { ip: clientAddress(list.get('x-forwarded-for')), userAgent: list.get('user-agent') })
  await setSessionCookie(session.token, session.expiresAt)
  redirect('/')
}
