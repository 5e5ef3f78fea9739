import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { roleAllows } from '@/lib/auth/roles'
import { listEntities } from '@/lib/queries/entities'
import { EntityRowForms } from './EntityForms'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Entities' }

export default async function EntitiesPage() {
  const user = await requirePageUser('viewer', '/entities')
  const entities = await listEntities()
  const canEdit = roleAllows(user.role, 'editor')
  const options = entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind }))
  return (
    <>
      <h1>Entities</h1>
      <p className="muted">
        Companies, people, agencies, outlets and programmes that claims are made by or about. Aliases make “Microsoft Corp” find Microsoft.
      </p>
      {entities.length === 0 ? <p className="muted">None yet: they are created while tagging claims.</p> : null}
      <table className="article-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Aliases</th>
            <th scope="col">Affiliation</th>
            <th scope="col" className="count">
              Said
            </th>
            <th scope="col" className="count">
              About
            </th>
          </tr>
        </thead>
        <tbody>
          {entities.map((entity) => (
            <tr key={entity.id}>
              <td>
                <Link href={`/entities/${entity.id}`}>{entity.name}</Link>
                {canEdit ? (
                  <EntityRowForms
                    entity={{ id: entity.id, name: entity.name, aliases: entity.aliases, affiliationId: entity.affiliation?.id ?? null }}
                    others={options.filter((o) => o.id !== entity.id)}
                  />
                ) : null}
              </td>
              <td>{entity.kind}</td>
              <td>{entity.aliases.join(', ') || <span className="muted">—</span>}</td>
              <td>{entity.affiliation?.name ?? <span className="muted">—</span>}</td>
              <td className="count">{entity._count.spokenClaims}</td>
              <td className="count">{entity._count.aboutClaims}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
