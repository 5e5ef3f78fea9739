// Creating accounts and changing passwords: one path for the setup page, the admin page and
// the CLI, so every account gets the same validation and hashing.
import { z } from 'zod'
import { createUser, type PublicUser } from '../queries/users'
import type { Role } from './roles'
import { hashPassword } from './password'
import { newPassword } from './password-rules'
import { normaliseEmail } from './throttle'

export const accountInput = z.object({
  email: z.email('Give a valid email address.').max(254).transform(normaliseEmail),
  name: z.string().trim().min(1, 'Give a name.').max(120),
  role: z.enum(['admin', 'editor', 'viewer']),
  password: newPassword,
})

export type AccountInput = z.input<typeof accountInput>

export async function createAccount(
  input: { email: string; name: string; role: Role; password: string },
  actorId: string | null,
  options: { onlyIfNoUsers?: boolean } = {},
): Promise<PublicUser | null> {
  const parsed = accountInput.parse(input)
  return createUser({ email: parsed.email, name: parsed.name, role: parsed.role, passwordHash: await hashPassword(parsed.password) }, actorId, options)
}
