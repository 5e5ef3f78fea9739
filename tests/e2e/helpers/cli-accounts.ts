// Accounts for tests that drive a running app, made with the CLI as an operator would.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import type { Role } from '../../../lib/auth/roles'
import type { TestLogin } from './provided'

// One account per role, made with the CLI as an operator would, each with a random password.
export function createAccounts(env: NodeJS.ProcessEnv): Record<Role, TestLogin> {
  const accounts = {} as Record<Role, TestLogin>
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    const login = {
      apiToken: '',
      email: `${role}@e2e.example.org`,
      password: `e2e-${randomBytes(9).toString('base64url')}`,
      name: `E2E ${role.charAt(0).toUpperCase()}${role.slice(1)}`,
    }
    const result = spawnSync(
      process.execPath,
      ['scripts/claimline.mjs', 'user', 'create', '--email', login.email, '--name', login.name, '--role', role, '--password-stdin'],
      { env, input: login.password, encoding: 'utf8' },
    )
    if (result.status !== 0) throw new Error(`claimline user create failed: ${result.stderr}`)
    const token = spawnSync(process.execPath, ['scripts/claimline.mjs', 'token', 'create', '--email', login.email, '--name', 'e2e'], { env, encoding: 'utf8' })
    if (token.status !== 0) throw new Error(`claimline token create failed: ${token.stderr}`)
    accounts[role] = { ...login, apiToken: token.stdout.trim() }
  }
  return accounts
}
