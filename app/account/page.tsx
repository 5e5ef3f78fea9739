import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { ROLE_LABELS } from '@/lib/auth/roles'
import { formatTimestamp } from '@/lib/dates/format'
import { listApiTokens } from '@/lib/queries/api-tokens'
import { revokeOwnApiToken } from './actions'
import { NewTokenForm, PasswordForm } from './AccountForms'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Your account' }

export default async function AccountPage() {
  const user = await requirePageUser('viewer', '/account')
  const tokens = await listApiTokens(user.id)
  const now = new Date()
  return (
    <>
      <h1>Your account</h1>
      <dl className="meta">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
      </dl>
      <section className="add-section" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <p className="muted">Changing it signs out your other sessions and revokes your API tokens.</p>
        <PasswordForm />
      </section>
      <section className="add-section" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p className="muted">
          For scripts and the command line: send <code>Authorization: Bearer clk_…</code>. A token acts as you, with your role.
        </p>
        {tokens.length > 0 ? (
          <table className="article-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const status = token.revokedAt
                  ? 'revoked'
                  : token.expiresAt && token.expiresAt <= now
                    ? 'expired'
                    : token.expiresAt
                      ? `expires ${formatTimestamp(token.expiresAt)}`
                      : 'no expiry'
                return (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td>
                      <code>{token.prefix}</code>
                    </td>
                    <td>{formatTimestamp(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? formatTimestamp(token.lastUsedAt) : 'never'}</td>
                    <td>{status}</td>
                    <td>
                      {token.revokedAt ? null : (
                        <form action={revokeOwnApiToken}>
                          <input type="hidden" name="id" value={token.id} />
                          <button type="submit" className="link-button" aria-label={`Revoke token ${token.name}`}>
                            Revoke
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ) : null}
        <h3>New token</h3>
        <NewTokenForm />
      </section>
    </>
  )
}
