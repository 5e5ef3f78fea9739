// How this process starts one of Claimline's worker threads: the analysis worker
// (lib/analysis/tasks.ts), the embedded database's thread (lib/database/pglite-thread-entry.ts)
// and the followed feeds' jobs' thread (lib/follow/jobs-thread-entry.ts).
// Claimline's code runs compiled or from source, and a worker must run the same way:
// - the production Next.js server runs the entries compiled into dist/ by `npm run build`
//   (scripts/lib/bundle.mjs). Turbopack copies a `new Worker(new URL('../analysis/tasks.ts', …))` target
//   as a file without compiling it, which Node cannot run;
// - the compiled command line (dist/cli.mjs) names the folder it was compiled into;
// - from source (tsx scripts, vitest, `next dev`), the worker registers tsx's loader itself,
//   because a worker thread does not inherit the loader of the thread that starts it. Paths
//   are taken from the project root, since bundlers rewrite import.meta.url.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

// Each entry's source file and the name it is compiled to in dist/ (scripts/lib/bundle.mjs).
export const WORKER_ENTRIES = {
  analysis: { source: 'lib/analysis/tasks.ts', compiled: 'worker.mjs' },
  database: { source: 'lib/database/pglite-thread-entry.ts', compiled: 'database.mjs' },
  follow: { source: 'lib/follow/jobs-thread-entry.ts', compiled: 'follow.mjs' },
} as const

export type WorkerEntry = keyof typeof WORKER_ENTRIES

let compiledDir: URL | null = null

// Called by the compiled command line before any worker starts: its entries sit beside it.
export function runWorkersFrom(dir: URL): void {
  compiledDir = dir
}

function productionServerEntry(entry: WorkerEntry): string {
  const file = path.join(process.cwd(), 'dist', WORKER_ENTRIES[entry].compiled)
  if (!existsSync(file)) throw new Error(`A compiled worker is missing (${file}): build the app with "npm run build" (npm start does it).`)
  return file
}

function fromSource(entry: WorkerEntry, options: WorkerOptions): Worker {
  const root = process.cwd()
  const tsx = pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('tsx/esm/api')).href
  // (Only ever run from sources, never in a build: the build need not trace these files.)
  const source = pathToFileURL(path.join(/*turbopackIgnore: true*/ root, WORKER_ENTRIES[entry].source)).href
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}) })`, {
    ...options,
    eval: true,
  })
}

export function startWorkerThread(entry: WorkerEntry, options: WorkerOptions = {}): Worker {
  if (compiledDir) return new Worker(new URL(WORKER_ENTRIES[entry].compiled, compiledDir), options)
  if (process.env.NEXT_RUNTIME && process.env.NODE_ENV === 'production') return new Worker(productionServerEntry(entry), options)
  return fromSource(entry, options)
}

// A long-lived thread (the database's, the follow jobs') answers its start with one message: ready,
// or why not. Resolves with that first message; rejects when the thread throws or exits before it
// answered, naming it by `name` ("the database thread"). The caller judges the answer, and listens
// for the thread's later errors and exit itself.
export function startThreadWithHandshake<Reply>(entry: WorkerEntry, workerData: unknown, name: string): Promise<{ worker: Worker; reply: Reply }> {
  const worker = startWorkerThread(entry, { workerData })
  return new Promise((resolve, reject) => {
    const early = (error: Error) => reject(error)
    const exitedEarly = (code: number) => reject(new Error(`${name} exited with code ${code} before it answered`))
    worker.once('error', early)
    worker.once('exit', exitedEarly)
    worker.once('message', (reply: Reply) => {
      worker.off('error', early)
      worker.off('exit', exitedEarly)
      resolve({ worker, reply })
    })
  })
}

// Asks such a thread to end with `request` and resolves once it has, holding the process open
// meanwhile; after `terminateAfterMs`, if given, it is ended regardless.
export function askThreadToEnd(worker: Worker, request: unknown, terminateAfterMs?: number): Promise<void> {
  return new Promise<void>((done) => {
    worker.ref()
    worker.once('exit', () => done())
    worker.postMessage(request)
    if (terminateAfterMs !== undefined) setTimeout(() => void worker.terminate(), terminateAfterMs).unref()
  })
}
