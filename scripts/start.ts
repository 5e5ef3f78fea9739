// npm start: migrate the database, load the demo data the first time, build if the sources
// changed since the last build, then serve. `npm run dev` does the same with `next dev`.
import '../lib/runtime/require-supported-node'
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { getEnv } from '../lib/env'
import { buildApp, buildIsCurrent } from './lib/build'
import { portIsFree } from './lib/ports'
import { relayPrepareOutput } from './lib/setup-line'

const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')
const dev = process.argv.includes('--dev')
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

function runOrExit(args: string[]): void {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: childEnv })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// Migrates, loads the demo data and returns the first-run setup code if nobody has an account.
// Its lines are shown as they come; only the setup code is held back, for the sign-in help
// printed once the server answers.
async function prepareDatabase(): Promise<string | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-prepare.ts'], { stdio: ['inherit', 'pipe', 'inherit'], env: childEnv })
  const exited = once(child, 'close') as Promise<[number | null]>
  const setupCode = await relayPrepareOutput(child.stdout, (line) => console.log(line))
  const [status] = await exited
  if (status !== 0) process.exit(status ?? 1)
  return setupCode
}

function signInHelp(url: string, setupCode: string | null): string {
  if (!setupCode) return `Sign in at ${url}/login`
  return [
    'Nobody has an account yet. Create the first admin here (the code works once, for 24 hours):',
    `  ${url}/setup?code=${setupCode}`,
    'or in a terminal: npm run claimline -- user create --admin --email you@example.org --name "Your Name"',
  ].join('\n')
}

async function waitUntilServing(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  while (child.exitCode === null) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}

async function main(): Promise<void> {
  const env = getEnv()
  if (!(await portIsFree(env.PORT, env.HOST))) {
    console.error(`Port ${env.PORT} is in use: is Claimline already running? Stop it, or start on another port with PORT=<n> npm start.`)
    process.exit(1)
  }
  if (!existsSync('lib/generated/prisma/client.ts')) runOrExit(['scripts/prisma-generate.mjs'])
  console.log('Preparing the database…')
  const setupCode = await prepareDatabase()
  if (!dev && !buildIsCurrent()) {
    console.log('Building the app (first start, or the sources changed)…')
    buildApp()
  }
  // The server process becomes the owner of the embedded database.
  const child = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '--port', String(env.PORT), '--hostname', env.HOST], {
    stdio: 'inherit',
    env: childEnv,
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  const url = `http://${env.HOST === '127.0.0.1' || env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`
  if (await waitUntilServing(url, child)) console.log(`\nClaimline is running at ${url}\n${signInHelp(url, setupCode)}\n`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
