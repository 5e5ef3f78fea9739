// How this process starts a task worker (lib/analysis/tasks.ts). Claimline's code runs compiled
// or from source, and the worker must run the same way:
// - the production Next.js server runs dist/worker.mjs, compiled by `npm run build`
//   (scripts/lib/bundle.mjs). Turbopack copies a `new Worker(new URL('../analysis/tasks.ts', …))` target
//   as a file without compiling it, which Node cannot run;
// - the compiled command line (dist/cli.mjs) names the worker compiled beside it;
// - from source (tsx scripts, vitest, `next dev`), the worker registers tsx's loader itself,
//   because a worker thread does not inherit the loader of the thread that starts it. Paths
//   are taken from the project root, since bundlers rewrite import.meta.url.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

let compiledEntry: URL | null = null

// Called by the compiled command line before any task runs.
export function runWorkersFrom(entry: URL): void {
  compiledEntry = entry
}

function productionServerEntry(): string {
  const entry = path.join(process.cwd(), 'dist', 'worker.mjs')
  if (!existsSync(entry)) throw new Error(`The analysis worker is missing (${entry}): build the app with "npm run build" (npm start does it).`)
  return entry
}

function fromSource(options: WorkerOptions): Worker {
  const root = process.cwd()
  const tsx = pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('tsx/esm/api')).href
  const entry = pathToFileURL(path.join(root, 'lib', 'analysis', 'tasks.ts')).href
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`, {
    ...options,
    eval: true,
  })
}

export function startTaskWorker(options: WorkerOptions): Worker {
  if (compiledEntry) return new Worker(compiledEntry, options)
  if (process.env.NEXT_RUNTIME && process.env.NODE_ENV === 'production') return new Worker(productionServerEntry(), options)
  return fromSource(options)
}
