// claimline user …: manage accounts from a terminal (the first admin, or when nobody can sign in).
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createAccount } from '../auth/accounts'
import { hashPassword } from '../auth/password'
import { newPassword } from '../auth/password-rules'
import { ROLES, type Role } from '../auth/roles'
import { normaliseEmail } from '../auth/throttle'
import { findUserByEmail, listUsers, setPasswordHash, updateUser } from '../queries/users'
import { promptSecret, readStdinSecret } from './secret-input'
import { firstIssue } from '../validation'

export const USER_USAGE = `  user create --email E --name N [--admin | --role viewer|editor|admin] [--password-stdin]
                                 create an account; asks for the password (twice) in a terminal
  user list                      list accounts
  user role EMAIL ROLE           change an account's role
  user deactivate EMAIL          end its sessions and tokens and refuse sign-in; user activate EMAIL undoes it
  user password EMAIL [--password-stdin]
                                 set a new password (ends the account's sessions, revokes its tokens)`

async function readNewPassword(fromStdin: boolean): Promise<string> {
  const password = fromStdin ? await readStdinSecret() : await promptSecret('Password: ')
  const valid = newPassword.safeParse(password)
  if (!valid.success) throw new Error(firstIssue(valid.error, 'Choose another password.'))
  if (!fromStdin && (await promptSecret('Password again: ')) !== password) throw new Error('The two passwords differ.')
  return password
}

async function requireUser(email: string | undefined) {
  if (!email) throw new Error('Give the account’s email address.')
  const user = await findUserByEmail(normaliseEmail(email))
  if (!user) throw new Error(`No account for ${email}.`)
  return user
}

const role = z.enum(ROLES)

export async function runUser(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      admin: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
    },
  })
  const [sub, ...rest] = positionals
  switch (sub) {
    case 'create': {
      if (!values.email || !values.name) throw new Error('user create needs --email and --name.')
      const chosen: Role = values.admin ? 'admin' : role.parse(values.role ?? 'viewer')
      const password = await readNewPassword(values['password-stdin'] ?? false)
      const user = await createAccount({ email: values.email, name: values.name, role: chosen, password }, null)
      if (!user) throw new Error('The account was not created.')
      console.log(`Created ${user.name} <${user.email}> as ${user.role}. Sign in at /login.`)
      return 0
    }
    case 'list': {
      const users = await listUsers()
      if (users.length === 0) console.log('No accounts yet: claimline user create --admin --email … --name …')
      for (const u of users) console.log([u.email.padEnd(32), u.role.padEnd(7), u.active ? 'active ' : 'inactive', u.name].join('  '))
      return 0
    }
    case 'role': {
      const user = await requireUser(rest[0])
      const updated = await updateUser(user.id, { role: role.parse(rest[1]) }, null)
      console.log(`${updated?.email} is now ${updated?.role}.`)
      return 0
    }
    case 'deactivate':
    case 'activate': {
      const user = await requireUser(rest[0])
      await updateUser(user.id, { active: sub === 'activate' }, null)
      console.log(`${user.email} ${sub === 'activate' ? 'can sign in again' : 'is deactivated; its sessions and tokens no longer work'}.`)
      return 0
    }
    case 'password': {
      const user = await requireUser(rest[0] ?? values.email)
      const { tokensRevoked } = await setPasswordHash(user.id, await hashPassword(await readNewPassword(values['password-stdin'] ?? false)), null, null)
      console.log(`New password set for ${user.email}; its sessions were ended and its API tokens revoked (${tokensRevoked}).`)
      return 0
    }
    default:
      console.error(`Unknown user command "${sub ?? ''}".\n\n${USER_USAGE}`)
      return 2
  }
}
