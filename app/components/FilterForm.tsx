'use client'
// A GET form for filters that leaves empty fields out of the URL (?q=x, not ?q=x&outlet=&from=),
// so filtered views stay short enough to share. Without JavaScript it is a plain GET form.
import { useRouter } from 'next/navigation'
import type { FormEvent, ReactNode } from 'react'

export function FilterForm({ action, label, className, children }: { action: string; label: string; className?: string; children: ReactNode }) {
  const router = useRouter()
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const params = new URLSearchParams()
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === 'string' && value.trim()) params.append(key, value.trim())
    const query = params.toString()
    router.push(query ? `${action}?${query}` : action)
  }
  return (
    <form action={action} role="search" aria-label={label} className={className} onSubmit={onSubmit}>
      {children}
    </form>
  )
}
