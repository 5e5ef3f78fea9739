'use client'
// A combobox for a speaker or a subject: suggestions from /api/entities as the editor types
// (names and aliases), and "create" for a name Claimline does not know yet.
import { useEffect, useId, useState } from 'react'
import type { EntityRef } from './view-types'
import { createEntity } from './claim-actions'

type Suggestion = { id: string; name: string; kind: string; aliases: string[]; affiliation: { name: string } | null }

const KINDS = ['company', 'person', 'agency', 'outlet', 'programme'] as const

// `initialText`: a name proposed for the field that is not (yet) a known entity.
export function EntityPicker({
  label,
  name,
  initial,
  initialText,
  defaultKind,
}: {
  label: string
  name: string
  initial: EntityRef | null
  initialText?: string
  defaultKind: (typeof KINDS)[number]
}) {
  const id = useId()
  const [chosen, setChosen] = useState<EntityRef | null>(initial)
  const [text, setText] = useState(initial?.name ?? initialText ?? '')
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [newKind, setNewKind] = useState<(typeof KINDS)[number]>(defaultKind)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/api/entities?q=${encodeURIComponent(text)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { entities: [] }))
        .then((body: { entities: Suggestion[] }) => {
          setSuggestions(body.entities)
          setActive(0)
        })
        .catch(() => {})
    }, 120)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [text, open])

  const exact = suggestions.some((s) => s.name.toLowerCase() === text.trim().toLowerCase())
  const options = [...suggestions.map((s) => ({ type: 'pick' as const, s })), ...(text.trim() && !exact ? [{ type: 'create' as const }] : [])]

  function pick(entity: EntityRef) {
    setChosen(entity)
    setText(entity.name)
    setOpen(false)
    setError(null)
  }

  async function create() {
    const result = await createEntity({ kind: newKind, name: text.trim() })
    if (result.error || !result.entity) return setError(result.error ?? 'Could not create it.')
    pick({ id: result.entity.id, name: result.entity.name })
  }

  function choose(index: number) {
    const option = options[index]
    if (!option) return
    if (option.type === 'pick') pick({ id: option.s.id, name: option.s.name })
    else void create()
  }

  return (
    <div className="entity-picker">
      <label htmlFor={id}>{label}</label>
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      <input
        id={id}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setChosen(null)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!open || options.length === 0) return
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1))
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0))
          else if (e.key === 'Enter') choose(active)
          else if (e.key === 'Escape') setOpen(false)
          else return
          e.preventDefault()
          e.stopPropagation()
        }}
      />
      {open && options.length > 0 ? (
        <ul id={`${id}-list`} role="listbox" className="suggestions">
          {options.map((option, index) => (
            <li
              key={option.type === 'pick' ? option.s.id : 'create'}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => {
                e.preventDefault()
                choose(index)
              }}
            >
              {option.type === 'pick' ? (
                <>
                  {option.s.name}{' '}
                  <span className="muted small">
                    {option.s.kind}
                    {option.s.affiliation ? ` · ${option.s.affiliation.name}` : ''}
                  </span>
                </>
              ) : (
                <>Create “{text.trim()}”</>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {text.trim() && !chosen && !exact ? (
        <span className="small muted">
          New {label.toLowerCase()} is a{' '}
          <select aria-label={`Kind of new ${label.toLowerCase()}`} value={newKind} onChange={(e) => setNewKind(e.target.value as (typeof KINDS)[number])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>{' '}
          <button type="button" className="link-button" onClick={() => void create()}>
            create “{text.trim()}”
          </button>
        </span>
      ) : null}
      {error ? <span className="error small">{error}</span> : null}
    </div>
  )
}
