import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { formatTimestamp } from '@/lib/dates/format'
import { listUsers } from '@/lib/queries/users'
import { NewUserForm, UserRowForms } from './UserForms'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Users' }

export default async function UsersPage() {
  const admin = await requirePageUser('admin', '/admin/users')
  const users = await listUsers()
  return (
    <>
      <h1>Users</h1>
      <p className="muted">Viewers browse, search and export; editors also ingest and annotate; admins also manage accounts.</p>
      <table className="article-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Manage</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'inactive'}>
              <td>
                {user.name}
                {user.id === admin.id ? <span className="muted"> (you)</span> : null}
              </td>
              <td>{user.email}</td>
              <td>{user.active ? user.role : <span className="flag">deactivated</span>}</td>
              <td>{user.lastLoginAt ? formatTimestamp(user.lastLoginAt) : 'never'}</td>
              <td>
                <UserRowForms id={user.id} name={user.name} role={user.role} active={user.active} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="add-section" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">New account</h2>
        <NewUserForm />
      </section>
    </>
  )
}
