// Browser tests run against a production build (built here if the sources changed) served
// by `next start` on a free port, over a throw-away embedded database with the demo data.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildApp, buildIsCurrent } from '../../../scripts/lib/build'
import { CHROMIUM_PATH } from './browser'
import { createAccounts } from './cli-accounts'
import { startAppServer } from '../../../scripts/lib/app-server'
import { dropRunDatabases, testRunTag } from '../../integration/helpers/test-databases'

function runOrThrow(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`)
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`)
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' as const }
  if (!buildIsCurrent()) buildApp()
  const root = mkdtempSync(path.join(tmpdir(), 'claimline-e2e-'))
  const serverEnv = { ...env, DATABASE_URL: `pglite:${path.join(root, 'db')}`, CLAIMLINE_DEMO_DATA: '1' }
  runOrThrow(['--import', 'tsx', 'scripts/db-prepare.ts'], serverEnv)
  const accounts = createAccounts(serverEnv)

  const server = await startAppServer(serverEnv)
  const baseUrl = server.url
  project.provide('baseUrl', baseUrl)
  project.provide('accounts', accounts)

  // The two-instance test makes a PostgreSQL database; drop whatever of this run a failure left.
  const adminUrl = process.env.TEST_DATABASE_URL
  const tag = adminUrl ? testRunTag() : null
  return async () => {
    await server.stop()
    // The server's own account of the run, for when a browser test fails on its answer.
    const log = path.join(tmpdir(), 'claimline-e2e-server.log')
    writeFileSync(log, server.output())
    console.log(`The app server's output: ${log}`)
    rmSync(root, { recursive: true, force: true })
    if (adminUrl && tag) await dropRunDatabases(adminUrl, tag)
  }
}
