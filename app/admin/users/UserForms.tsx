'use client'
import { useActionState } from 'react'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules'
import type { Role } from '@/lib/auth/roles'
import { changeUserAccount, createUserAccount, resetUserPassword, type AdminState } from './actions'
import { FormError } from '@/app/components/FormError'

const initial: AdminState = { error: null, message: null }

function Outcome({ state }: { state: AdminState }) {
  if (state.error) return <FormError error={state.error} />
  return state.message ? <p role="status">{state.message}</p> : null
}

export function NewUserForm() {
  const [state, action, pending] = useActionState(createUserAccount, initial)
  return (
    <form action={action} className="stacked-form">
      <label htmlFor="new-name">Name</label>
      <input id="new-name" name="name" required autoComplete="off" />
      <label htmlFor="new-email">Email</label>
      <input id="new-email" name="email" type="email" required autoComplete="off" />
      <label htmlFor="new-role">Role</label>
      <select id="new-role" name="role" defaultValue="viewer">
        <option value="viewer">Viewer</option>
        <option value="editor">Editor</option>
        <option value="admin">Admin</option>
      </select>
      <label htmlFor="new-password">First password</label>
      <input id="new-password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
      <Outcome state={state} />
      <button type="submit" disabled={pending}>
        Create account
      </button>
    </form>
  )
}

export function UserRowForms({ id, name, role, active }: { id: string; name: string; role: Role; active: boolean }) {
  const [changeState, change, changing] = useActionState(changeUserAccount, initial)
  const [resetState, reset, resetting] = useActionState(resetUserPassword, initial)
  return (
    <div className="row-forms">
      <form action={change} className="inline-form">
        <input type="hidden" name="id" value={id} />
        <label htmlFor={`role-${id}`} className="visually-hidden">
          Role of {name}
        </label>
        <select id={`role-${id}`} name="role" defaultValue={role}>
          <option value="viewer">Viewer</option>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </select>
        <button type="submit" disabled={changing}>
          Save role
        </button>
      </form>
      <form action={change} className="inline-form">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value={active ? 'false' : 'true'} />
        <button type="submit" disabled={changing} aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${name}`}>
          {active ? 'Deactivate' : 'Reactivate'}
        </button>
      </form>
      <Outcome state={changeState} />
      <form action={reset} className="inline-form">
        <input type="hidden" name="id" value={id} />
        <label htmlFor={`password-${id}`} className="visually-hidden">
          New password for {name}
        </label>
        <input
          id={`password-${id}`}
          name="password"
          type="password"
          placeholder="new password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          autoComplete="new-password"
        />
        <button type="submit" disabled={resetting}>
          Set password
        </button>
      </form>
      <Outcome state={resetState} />
    </div>
  )
}
