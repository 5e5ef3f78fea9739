'use client'
import { useActionState } from 'react'
import { FormError } from '@/app/components/FormError'
import { rotateWebhookSecretAction, setWebhookAction, type WebhookState } from './actions'

const initial: WebhookState = { error: null, message: null, secret: null }

function Secret({ secret }: { secret: string | null }) {
  if (!secret) return null
  return (
    <p role="status">
      Signing secret (shown once; keep it with your receiver): <code>{secret}</code>
    </p>
  )
}

export function WebhookForm({ url }: { url: string | null }) {
  const [state, save, pending] = useActionState(setWebhookAction, initial)
  const [rotated, rotate, rotating] = useActionState(rotateWebhookSecretAction, initial)
  return (
    <>
      <form action={save} className="stacked-form" aria-label="Webhook">
        <label htmlFor="webhook-url">Webhook URL</label>
        <input id="webhook-url" name="url" type="url" required defaultValue={url ?? ''} placeholder="https://chat.example.org/hooks/claimline" />
        <FormError error={state.error} />
        {state.message ? <p role="status">{state.message}</p> : null}
        <Secret secret={state.secret} />
        <button type="submit" disabled={pending}>
          {url ? 'Change URL' : 'Set webhook'}
        </button>
      </form>
      {url ? (
        <form action={rotate} aria-label="Rotate webhook secret">
          <FormError error={rotated.error} />
          <Secret secret={rotated.secret} />
          <button type="submit" disabled={rotating}>
            Rotate secret
          </button>
        </form>
      ) : null}
    </>
  )
}
