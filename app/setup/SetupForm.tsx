'use client'
import { useActionState } from 'react'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules'
import { createFirstAdmin, type SetupState } from './actions'
import { FormError } from '@/app/components/FormError'

export function SetupForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(createFirstAdmin, { error: null })
  return (
    <form action={action} className="stacked-form">
      <label htmlFor="code">Setup code</label>
      <input id="code" name="code" required defaultValue={code} autoComplete="off" spellCheck={false} aria-describedby="code-help" />
      <span id="code-help" className="muted small">
        Printed by <code>npm start</code> in the server&apos;s log.
      </span>
      <label htmlFor="name">Your name</label>
      <input id="name" name="name" required autoComplete="name" />
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" required autoComplete="username" />
      <label htmlFor="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        aria-describedby="password-help"
      />
      <span id="password-help" className="muted small">
        At least {MIN_PASSWORD_LENGTH} characters; a passphrase of a few words is best.
      </span>
      <label htmlFor="confirm">Password again</label>
      <input id="confirm" name="confirm" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
      <FormError error={state.error} />
      <button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create the admin account'}
      </button>
    </form>
  )
}
