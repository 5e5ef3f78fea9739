// First run: while no account exists, the app offers a setup page that creates the first admin.
// The page asks for a one-time code that only whoever started the server can see (it is
// printed in the server's log), so a server reachable by others cannot be claimed by them.
import { z } from 'zod'
import { DomainError } from '../errors'
import { countUsers, type PublicUser } from '../queries/users'
import { deleteSetting, getSetting, putSetting } from '../queries/settings'
import { createAccount } from './accounts'
import { hashSecret, newSetupCode, normaliseSetupCode, secretsEqual } from './tokens'

const SETUP_KEY = 'setup.code'
const SETUP_TTL_MS = 24 * 60 * 60 * 1000

const storedCode = z.object({ hash: z.string(), expiresAt: z.iso.datetime() })

export async function setupNeeded(): Promise<boolean> {
  return (await countUsers()) === 0
}

// A fresh code each time the server starts while setup is pending; null once someone has an account.
export async function issueSetupCode(now = new Date()): Promise<string | null> {
  if (!(await setupNeeded())) {
    await deleteSetting(SETUP_KEY)
    return null
  }
  const code = newSetupCode()
  await putSetting(SETUP_KEY, { hash: hashSecret(code), expiresAt: new Date(now.getTime() + SETUP_TTL_MS).toISOString() })
  return code
}

export async function setupCodeValid(code: string, now = new Date()): Promise<boolean> {
  const parsed = storedCode.safeParse(await getSetting(SETUP_KEY))
  if (!parsed.success || new Date(parsed.data.expiresAt) <= now) return false
  return secretsEqual(parsed.data.hash, hashSecret(normaliseSetupCode(code)))
}

export class SetupClosedError extends DomainError {
  constructor() {
    super('refused', 'Setup is already done: sign in with an existing account.')
  }
}

export class SetupCodeError extends DomainError {
  constructor() {
    super('refused', 'That setup code is wrong or has expired. Restarting the server prints a new one.')
  }
}

export async function completeSetup(code: string, account: { email: string; name: string; password: string }): Promise<PublicUser> {
  if (!(await setupNeeded())) throw new SetupClosedError()
  if (!(await setupCodeValid(code))) throw new SetupCodeError()
  const user = await createAccount({ ...account, role: 'admin' }, null, { onlyIfNoUsers: true })
  if (!user) throw new SetupClosedError()
  await deleteSetting(SETUP_KEY)
  return user
}
