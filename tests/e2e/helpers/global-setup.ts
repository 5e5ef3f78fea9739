// Browser tests run against a production build (built here if the sources changed) served
// by `next start` on a free port, over a throw-away embedded database with the demo data.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildApp, buildIsCurrent } from '../../../scripts/lib/build'
import type { Role } from '../../../lib/auth/roles'
import { CHROMIUM_PATH } from './browser'
import type { TestLogin } from './provided'
import { freePort } from '../../../scripts/lib/ports'

const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')

function runOrThrow(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`)
}

// One account per role, made with the CLI as an operator would, each with a random password.
function createAccounts(env: NodeJS.ProcessEnv): Record<Role, TestLogin> {
  const accounts = {} as Record<Role, TestLogin>
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    const login = { apiToken: '', email: `${role}@e2e.example.org`, password: `e2e-${randomBytes(9).toString('base64url')}`, name: `E2E ${role.charAt(0).toUpperCase()}${role.slice(1)}` }
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'user', 'create', '--email', login.email, '--name', login.name, '--role', role, '--password-stdin'], { env, input: login.password, encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`claimline user create failed: ${result.stderr}`)
    const token = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'token', 'create', '--email', login.email, '--name', 'e2e'], { env, encoding: 'utf8' })
    if (token.status !== 0) throw new Error(`claimline token create failed: ${token.stderr}`)
    accounts[role] = { ...login, apiToken: token.stdout.trim() }
  }
  return accounts
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`)
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const }
  if (!buildIsCurrent()) buildApp()
  const root = mkdtempSync(path.join(tmpdir(), 'claimline-e2e-'))
  const serverEnv = { ...env, DATABASE_URL: `pglite:${path.join(root, 'db')}`, CLAIMLINE_DEMO_DATA: '1' }
  runOrThrow(['--import', 'tsx', 'scripts/db-prepare.ts'], serverEnv)
  const accounts = createAccounts(serverEnv)

  const port = await freePort()
  const server = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`)
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`The app did not become healthy in 60 s:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  project.provide('baseUrl', baseUrl)
  project.provide('accounts', accounts)

  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
    if (server.exitCode === null) server.kill('SIGKILL')
    rmSync(root, { recursive: true, force: true })
  }
}
