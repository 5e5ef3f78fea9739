// The Node-side programs Claimline runs outside Next.js, compiled once into dist/ so they start
// without transpiling TypeScript: the command line (dist/cli.mjs) and the worker threads that the
// server and the command line start (lib/runtime/worker-thread.ts): the analysis worker
// (dist/worker.mjs, from lib/analysis/tasks.ts) that runs CPU-heavy tasks (lib/workers/), and the
// embedded database's thread (dist/database.mjs) and the followed feeds' jobs' thread (dist/follow.mjs). Plain JavaScript, so the `claimline` launcher can call it
// before anything else is loaded. Packages stay in node_modules (external); only our own code
// is bundled.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

// What the bundles are built from; a change to any of them means a rebuild.
const INPUTS = ['lib', 'package-lock.json', 'tsconfig.json']
const SKIP = new Set(['node_modules'])

export const DIST = 'dist'
// Output name (without .mjs) → source. The worker entries' names are the ones
// lib/runtime/worker-thread.ts starts.
const ENTRY_POINTS = {
  cli: 'lib/cli/bin.ts',
  worker: 'lib/analysis/tasks.ts',
  database: 'lib/database/pglite-thread-entry.ts',
  follow: 'lib/follow/jobs-thread-entry.ts',
}
const OUTPUTS = Object.keys(ENTRY_POINTS).map((name) => `${name}.mjs`)
const STAMP = 'bundle-stamp'

function* files(entry) {
  if (!existsSync(entry)) return
  if (!statSync(entry).isDirectory()) {
    yield entry
    return
  }
  for (const name of readdirSync(entry).sort()) if (!SKIP.has(name)) yield* files(path.join(entry, name))
}

export function bundleInputsHash(root) {
  const hash = createHash('sha256')
  for (const input of INPUTS) {
    for (const file of files(path.join(root, input))) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export function bundlesAreCurrent(root, hash = bundleInputsHash(root)) {
  const stamp = path.join(root, DIST, STAMP)
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && OUTPUTS.every((name) => existsSync(path.join(root, DIST, name)))
}

export async function buildBundles(root) {
  const hash = bundleInputsHash(root)
  const { build } = await import('esbuild')
  const outdir = path.join(root, DIST)
  mkdirSync(outdir, { recursive: true })
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS-style code (the generated Prisma client) may call require.
    banner: { js: "import { createRequire as __claimlineRequire } from 'node:module'; const require = __claimlineRequire(import.meta.url);" },
  })
  const stamp = path.join(outdir, STAMP)
  writeFileSync(`${stamp}.tmp`, hash)
  renameSync(`${stamp}.tmp`, stamp)
}

// Builds the bundles unless they are current; returns whether it built.
export async function ensureBundles(root) {
  const hash = bundleInputsHash(root)
  if (bundlesAreCurrent(root, hash)) return false
  await buildBundles(root)
  return true
}

// `node scripts/lib/bundle.mjs`: build now (the app build calls this before `next build`).
if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) {
  await buildBundles(process.cwd())
}
