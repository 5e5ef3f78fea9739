// npm start: migrate the database, load the demo data the first time, build if the sources
// changed since the last build, then serve. `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { prepareDatabase } from '../lib/database/prepare'
import { closeDb } from '../lib/db'
import { getEnv } from '../lib/env'
import { buildIsCurrent, recordBuild } from './lib/build-stamp'

const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const dev = process.argv.includes('--dev')
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

function run(args: string[]): void {
  const result = spawnSync(process.execPath, [nextBin, ...args], { stdio: 'inherit', env: childEnv })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

async function waitUntilServing(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const response = await fetch(`${url}/api/health`)
      if (response.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}

async function main(): Promise<void> {
  const env = getEnv()
  if (!existsSync('lib/generated/prisma/client.ts')) {
    spawnSync(process.execPath, ['scripts/prisma-generate.mjs'], { stdio: 'inherit' })
  }
  await prepareDatabase({ demo: env.CLAIMLINE_DEMO_DATA === '1', log: (line) => console.log(line) })
  // The server process becomes the owner of the embedded database; this one lets go first.
  await closeDb()

  if (!dev && !buildIsCurrent()) {
    console.log('Building the app (first start, or the sources changed)…')
    run(['build'])
    recordBuild()
  }
  const child = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '--port', String(env.PORT)], {
    stdio: 'inherit',
    env: childEnv,
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
  const url = `http://localhost:${env.PORT}`
  if (await waitUntilServing(url, child)) console.log(`\nClaimline is running at ${url}\n`)
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  await closeDb().catch(() => {})
  process.exit(1)
})
