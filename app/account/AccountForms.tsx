'use client'
import { useActionState } from 'react'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules'
import { changeOwnPassword, createApiToken, type PasswordState, type TokenState } from './actions'
import { FormError } from '@/app/components/FormError'

export function PasswordForm() {
  const [state, action, pending] = useActionState<PasswordState, FormData>(changeOwnPassword, { error: null, saved: false, tokensRevoked: 0 })
  return (
    <form action={action} className="stacked-form">
      <label htmlFor="current">Current password</label>
      <input id="current" name="current" type="password" required autoComplete="current-password" />
      <label htmlFor="password">New password</label>
      <input id="password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
      <label htmlFor="confirm">New password again</label>
      <input id="confirm" name="confirm" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
      <FormError error={state.error} />
      {state.saved ? (
        <p role="status">
          Password changed. Your other sessions were signed out
          {state.tokensRevoked > 0 ? ` and your ${tokenCount(state.tokensRevoked)} revoked: make new ones for your scripts` : ''}.
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        Change password
      </button>
    </form>
  )
}

function tokenCount(n: number): string {
  return n === 1 ? 'API token was' : `${n} API tokens were`
}

export function NewTokenForm() {
  const [state, action, pending] = useActionState<TokenState, FormData>(createApiToken, { error: null, token: null, name: null })
  return (
    <form action={action} className="stacked-form">
      <label htmlFor="token-name">Name</label>
      <input id="token-name" name="name" required maxLength={100} placeholder="nightly feed import" />
      <label htmlFor="token-expiry">Expires</label>
      <select id="token-expiry" name="expiresInDays" defaultValue="90">
        <option value="30">in 30 days</option>
        <option value="90">in 90 days</option>
        <option value="365">in a year</option>
        <option value="never">never</option>
      </select>
      <FormError error={state.error} />
      {state.token ? (
        <div className="notice" role="status">
          <p>Token “{state.name}” — copy it now, it will not be shown again:</p>
          <code className="secret" aria-label="New API token">
            {state.token}
          </code>
        </div>
      ) : null}
      <button type="submit" disabled={pending}>
        Create token
      </button>
    </form>
  )
}
