// claimline token …: personal API tokens for scripts, printed once.
import { parseArgs } from 'node:util'
import { findAccountToken, issueApiToken } from '../auth/api-tokens'
import { normaliseEmail } from '../auth/throttle'
import { listApiTokens, revokeApiToken } from '../queries/api-tokens'
import { findUserByEmail } from '../queries/users'

export const TOKEN_USAGE = `  token create --email E --name N [--days D]
                                 print a new API token for that account (shown once)
  token list --email E           list an account's tokens
  token revoke --email E ID      revoke one, named by its id or the prefix the list shows`

export async function runToken(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } },
  })
  const [sub, id] = positionals
  if (!values.email) throw new Error('Give the account with --email.')
  const user = await findUserByEmail(normaliseEmail(values.email))
  if (!user) throw new Error(`No account for ${values.email}.`)
  switch (sub) {
    case 'create': {
      if (!values.name) throw new Error('Name the token with --name (what will use it).')
      const days = values.days ? Number(values.days) : null
      if (days !== null && !(Number.isInteger(days) && days > 0)) throw new Error('--days must be a whole number of days.')
      const { token } = await issueApiToken(user.id, values.name, days, null)
      console.log(token)
      console.error(`API token "${values.name}" for ${user.email} (${user.role}). It is shown only now: keep it somewhere safe.`)
      return 0
    }
    case 'list':
      for (const t of await listApiTokens(user.id)) console.log([t.id, t.prefix.padEnd(12), t.revokedAt ? 'revoked' : 'live   ', t.name].join('  '))
      return 0
    case 'revoke': {
      if (!id) throw new Error('Give the token: its id or the prefix token list shows.')
      const match = await findAccountToken(user.id, id)
      if (match.kind === 'none') throw new Error(`No such token for ${user.email}: ${id} (token list shows them).`)
      if (match.kind === 'many')
        throw new Error(`${id} names ${match.tokens.length} tokens of ${user.email}; give the id: ${match.tokens.map((t) => t.id).join(', ')}.`)
      const { token } = match
      const revoked = await revokeApiToken(token.id, user.id, null)
      console.log(revoked ? `Revoked ${token.prefix} "${token.name}".` : `${token.prefix} "${token.name}" was already revoked.`)
      return 0
    }
    default:
      console.error(`Unknown token command "${sub ?? ''}".\n\n${TOKEN_USAGE}`)
      return 2
  }
}
