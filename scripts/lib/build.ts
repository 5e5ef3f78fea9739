// Decides whether `npm start` must (re)build: the production build is reused only when the
// sources it was built from are byte-for-byte the same.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

// Everything `next build` compiles or reads: proxy.ts (Next's middleware) and instrumentation.ts
// sit beside app/, not in it.
const INPUTS = [
  'app',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'tsconfig.json',
  'package-lock.json',
  'prisma/schema.prisma',
  'scripts/lib/bundle.mjs',
]
const SKIP = new Set(['generated', 'node_modules'])
const STAMP = path.join('.next', 'claimline-build-stamp')

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return
  if (!statSync(entry).isDirectory()) {
    yield entry
    return
  }
  for (const name of readdirSync(entry).sort()) {
    if (!SKIP.has(name)) yield* files(path.join(entry, name))
  }
}

export function sourceHash(root: string = process.cwd()): string {
  const hash = createHash('sha256')
  for (const input of INPUTS) {
    for (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
    }
  }
  return hash.digest('hex')
}

export function buildIsCurrent(root: string = process.cwd()): boolean {
  const stamp = path.join(root, STAMP)
  return existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceHash(root)
}

export function recordBuild(root: string = process.cwd()): void {
  writeFileSync(path.join(root, STAMP), sourceHash(root))
}

// The one way the app is built: `npm run build`, `npm start` and the browser tests call this.
export function buildApp(root: string = process.cwd()): void {
  // The command line and the server's analysis worker (dist/), then the app.
  const bundled = spawnSync(process.execPath, [path.join(root, 'scripts', 'lib', 'bundle.mjs')], { cwd: root, stdio: 'inherit' })
  if (bundled.status !== 0) throw new Error(`compiling dist/ failed (exit ${bundled.status})`)
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`)
  recordBuild(root)
}
