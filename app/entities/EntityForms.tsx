'use client'
import { useActionState } from 'react'
import { FormError } from '@/app/components/FormError'
import { mergeEntity, saveEntity, type EntityState } from './actions'

type Option = { id: string; name: string; kind: string }
type Entity = { id: string; name: string; aliases: string[]; affiliationId: string | null }

const initial: EntityState = { error: null, message: null }

export function EntityRowForms({ entity, others }: { entity: Entity; others: Option[] }) {
  const [saveState, save, saving] = useActionState(saveEntity, initial)
  const [mergeState, merge, merging] = useActionState(mergeEntity, initial)
  return (
    <details className="entity-edit">
      <summary>Edit {entity.name}</summary>
      <form action={save} className="stacked-form" aria-label={`Edit ${entity.name}`}>
        <input type="hidden" name="id" value={entity.id} />
        <label htmlFor={`name-${entity.id}`}>Name</label>
        <input id={`name-${entity.id}`} name="name" defaultValue={entity.name} required />
        <label htmlFor={`aliases-${entity.id}`}>Aliases and misspellings (comma-separated)</label>
        <input id={`aliases-${entity.id}`} name="aliases" defaultValue={entity.aliases.join(', ')} />
        <label htmlFor={`affiliation-${entity.id}`}>Affiliated with</label>
        <select id={`affiliation-${entity.id}`} name="affiliationId" defaultValue={entity.affiliationId ?? ''}>
          <option value="">nobody</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.kind})
            </option>
          ))}
        </select>
        <FormError error={saveState.error} />
        {saveState.message ? <p role="status">{saveState.message}</p> : null}
        <button type="submit" disabled={saving}>
          Save
        </button>
      </form>
      <form action={merge} className="stacked-form" aria-label={`Merge into ${entity.name}`}>
        <input type="hidden" name="keepId" value={entity.id} />
        <label htmlFor={`merge-${entity.id}`}>Merge a duplicate into {entity.name}</label>
        <select id={`merge-${entity.id}`} name="mergeId" defaultValue="">
          <option value="">choose…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.kind})
            </option>
          ))}
        </select>
        <FormError error={mergeState.error} />
        {mergeState.message ? <p role="status">{mergeState.message}</p> : null}
        <button type="submit" disabled={merging}>
          Merge
        </button>
      </form>
    </details>
  )
}
