import type { Metadata } from 'next'
import Link from 'next/link'
import { ChoiceFilter, DateRangeFilter } from '@/app/components/Filters'
import { FilterForm } from '@/app/components/FilterForm'
import { requirePageUser } from '@/lib/auth/guard'
import { formatTimestamp } from '@/lib/dates/format'
import { listAuditEvents, listAuditObjectTypes } from '@/lib/queries/audit'
import { listUsers } from '@/lib/queries/users'
import { auditHref, auditSearchParams } from './search-params'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Audit trail' }

const PAGE_SIZE = 100
const DAY_MS = 24 * 60 * 60 * 1000

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function objectHref(type: string, id: string): string | null {
  if (type === 'Article') return `/articles/${id}`
  if (type === 'Claim') return `/claims/${id}`
  if (type === 'Entity') return '/entities'
  return null
}

function JsonCell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>
  return <pre className="json">{JSON.stringify(value, null, 1)}</pre>
}

export default async function AuditPage({ searchParams }: Props) {
  await requirePageUser('editor', '/audit')
  const search = auditSearchParams.parse(await searchParams)
  const [events, users, types] = await Promise.all([
    listAuditEvents(
      {
        actorId: search.actor,
        objectType: search.type,
        objectId: search.object,
        from: search.from ? new Date(`${search.from}T00:00:00Z`) : undefined,
        to: search.to ? new Date(new Date(`${search.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
        beforeId: search.before ? BigInt(search.before) : undefined,
      },
      PAGE_SIZE,
    ),
    listUsers(),
    listAuditObjectTypes(),
  ])
  const last = events.at(-1)
  return (
    <>
      <h1>Audit trail</h1>
      <p className="muted">Every change, who made it and when, with the values before and after. Times are UTC.</p>
      <FilterForm className="filters" action="/audit" label="Filter the audit trail">
        <ChoiceFilter label="Who" name="actor" value={search.actor} empty="anyone" choices={users} />
        <ChoiceFilter label="What" name="type" value={search.type} empty="everything" choices={types.map((t) => ({ id: t, name: t }))} />
        <label>
          Object id
          <input name="object" defaultValue={search.object ?? ''} size={14} />
        </label>
        <DateRangeFilter from={search.from} to={search.to} />
        <button type="submit">Filter</button>
      </FilterForm>
      {events.length === 0 ? (
        <p className="muted">Nothing recorded matches.</p>
      ) : (
        <table className="article-table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">On</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => {
              const href = objectHref(event.objectType, event.objectId)
              return (
                <tr key={event.id.toString()}>
                  <td>{formatTimestamp(event.at)}</td>
                  <td>
                    {event.actor ? (
                      <Link href={auditHref({ ...search, before: undefined, actor: event.actor.id })}>{event.actor.name}</Link>
                    ) : (
                      <span className="muted">system</span>
                    )}
                  </td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>
                    {event.objectType} {href ? <Link href={href}>{event.objectId.slice(0, 8)}</Link> : <code>{event.objectId.slice(0, 8)}</code>}{' '}
                    <Link href={auditHref({ type: event.objectType, object: event.objectId })} className="small">
                      history
                    </Link>
                  </td>
                  <td>
                    <JsonCell value={event.before} />
                  </td>
                  <td>
                    <JsonCell value={event.after} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {events.length === PAGE_SIZE && last ? (
        <p>
          <Link href={auditHref({ ...search, before: last.id.toString() })}>Older events</Link>
        </p>
      ) : null}
    </>
  )
}
