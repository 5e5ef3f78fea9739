// Extraction on worker threads for bulk ingest (the CLI): while the main thread stores one
// batch, the workers extract the next. Extraction is most of an article's cost (~5 ms of ~8
// for a typical page, bench:ingest), so on two cores this doubles throughput.
// Not used inside the web server, whose requests carry a few articles at most.
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { IngestError } from './errors'
import type { DraftFixes, IngestInput } from './ingest'
import type { Extracted } from './prepare'
import type { PrepareReply, PrepareRequest } from './prepare-worker'

export type PreparePool = {
  extract(input: IngestInput, fixes: DraftFixes | undefined): Promise<Extracted>
  close(): Promise<void>
}

type Waiting = { worker: Worker; resolve: (extracted: Extracted) => void; reject: (error: Error) => void }

// One worker per core: the main thread mostly waits for the database, and on two cores two
// workers stored 300 articles/s against 180 with one (bench:ingest).
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism())
}

// The CLI runs TypeScript through tsx, whose loader a worker thread does not inherit: each
// worker registers it before importing its module.
function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api')
  const workerModule = new URL('./prepare-worker.ts', import.meta.url).href
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(workerModule)}) })`, { eval: true })
}

export function createPreparePool(size = defaultPoolSize()): PreparePool {
  const workers = Array.from({ length: size }, startWorker)
  const waiting = new Map<number, Waiting>()
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]))
  let next = 0
  for (const worker of workers) {
    worker.on('message', (reply: PrepareReply) => {
      load.set(worker, (load.get(worker) ?? 1) - 1)
      const w = waiting.get(reply.id)
      waiting.delete(reply.id)
      if (!w) return
      if (reply.ok) w.resolve(reply.extracted)
      else w.reject(reply.code ? new IngestError(reply.code, reply.message) : new Error(reply.message))
    })
    // A crashed worker fails what it was given and gets no more; the batch reports those
    // items and goes on with the other workers.
    const fail = (error: Error) => {
      load.delete(worker)
      for (const [id, w] of waiting) {
        if (w.worker !== worker) continue
        w.reject(error)
        waiting.delete(id)
      }
    }
    worker.on('error', fail)
    // An exit without an error (out of memory, killed) must not leave its inputs waiting forever.
    worker.on('exit', (code) => fail(new Error(`The extraction worker stopped (exit code ${code}).`)))
  }
  return {
    extract(input, fixes) {
      const id = next++
      // The least busy worker: a slow page does not hold up the ones queued behind it elsewhere.
      const worker = [...load].sort((a, b) => a[1] - b[1])[0]?.[0]
      if (!worker) return Promise.reject(new Error('The extraction pool is closed.'))
      load.set(worker, (load.get(worker) ?? 0) + 1)
      return new Promise<Extracted>((resolve, reject) => {
        waiting.set(id, { worker, resolve, reject })
        const request: PrepareRequest = { id, input, fixes }
        worker.postMessage(request)
      })
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
      load.clear()
    },
  }
}
