// CPU-bound work on untrusted text (extraction, suggestion, feed parsing) runs here, on worker
// threads, never on the thread that answers requests: a page built to make the parser or the
// suggestion rules slow then costs one worker its deadline, not the server its liveness.
// Each task runs alone on its worker under a deadline and a memory cap; a worker that overruns
// either is terminated (a busy loop ignores everything else) and replaced, and its task fails
// with a TaskError saying which limit it hit. Tasks wait in a queue, so a worker stopped for
// one task takes no other task down with it; tasks started in the background (background.ts)
// wait in a second one, served only when nobody's task is waiting.
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { startWorkerThread } from '../runtime/worker-thread'
import { isBackground } from './background'

export type TaskErrorCode = 'timeout' | 'memory' | 'crashed' | 'closed'

// The pool is one per process (workers/shared.ts keeps it on globalThis), but Next.js bundles
// this module into each route and page separately: a pool made by one copy rejects with that
// copy's classes, and `instanceof` in another copy must still recognise them. So these two
// classes are recognised by name and shape, not by which copy made them.
function isErrorNamed(value: unknown, name: string, field: string): boolean {
  return value instanceof Error && value.name === name && field in value
}

export class TaskError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return isErrorNamed(value, 'TaskError', 'code')
  }

  constructor(
    readonly code: TaskErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'TaskError'
  }
}

// What a task's own code threw, carried back across the thread boundary with its class name
// and fields (an IngestError's `code`, say), so the caller can rebuild its own error class.
export type ThrownInTask = { name: string; message: string; fields: Record<string, unknown> }

export class TaskThrew extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return isErrorNamed(value, 'TaskThrew', 'thrown')
  }

  constructor(readonly thrown: ThrownInTask) {
    super(thrown.message)
    this.name = 'TaskThrew'
  }
}

// The tasks a worker runs, by name, with their input and output: lib/analysis/tasks.ts fills
// this in (declaration merging, as TanStack Router's Register is filled by the app). The table
// imports the domain code that runs on workers, and that code calls this pool, so the pool takes
// the table's types without importing it.
export interface TaskRegistry {}
export type TaskName = keyof TaskRegistry & string
type InputOf<Task> = Task extends (input: infer Input) => unknown ? Input : never
type OutputOf<Task> = Task extends (input: never) => Promise<infer Output> ? Output : never

export type TaskRequest = { id: number; task: TaskName; input: unknown }
export type TaskReply = { id: number; ok: true; output: unknown } | { id: number; ok: false; thrown: ThrownInTask }

export type TaskLimits = {
  // Wall-clock time the task may run once a worker has started it.
  deadlineMs: number
}

export type PoolOptions = {
  size: number
  // V8 heap limit per worker: a task that needs more is stopped and reported as too large.
  maxHeapMb: number
}

type Job = {
  request: TaskRequest
  limits: TaskLimits
  transfer: ArrayBuffer[]
  resolve: (output: unknown) => void
  reject: (error: Error) => void
}

type Slot = { worker: Worker; job: Job | null; timer: NodeJS.Timeout | null }

export type TaskPool = {
  run<N extends TaskName>(task: N, input: InputOf<TaskRegistry[N]>, limits: TaskLimits, transfer?: ArrayBuffer[]): Promise<OutputOf<TaskRegistry[N]>>
  close(): Promise<void>
}

function describeDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}

export function createTaskPool(options: PoolOptions): TaskPool {
  const slots: Slot[] = []
  const queue: Job[] = []
  const backgroundQueue: Job[] = []
  let nextId = 0
  let closed = false

  function settle(slot: Slot): Job | null {
    const job = slot.job
    if (slot.timer) clearTimeout(slot.timer)
    slot.job = null
    slot.timer = null
    return job
  }

  // A worker that was stopped or died is dropped; the queue goes on with a fresh one.
  function retire(slot: Slot, error: TaskError): void {
    const at = slots.indexOf(slot)
    if (at < 0) return
    slots.splice(at, 1)
    settle(slot)?.reject(error)
    void slot.worker.terminate()
    pump()
  }

  function spawn(): Slot {
    const worker = startWorkerThread('analysis', { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } })
    // An idle worker must not keep a CLI process alive.
    worker.unref()
    const slot: Slot = { worker, job: null, timer: null }
    worker.on('message', (reply: TaskReply) => {
      if (slot.job?.request.id !== reply.id) return
      const job = settle(slot)!
      if (reply.ok) job.resolve(reply.output)
      else job.reject(new TaskThrew(reply.thrown))
      pump()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      retire(
        slot,
        memory
          ? new TaskError('memory', `It needed more than ${options.maxHeapMb} MB of memory to analyse.`)
          : new TaskError('crashed', `The analysis stopped with an error: ${error.message}`),
      )
    })
    worker.on('exit', (code) => retire(slot, new TaskError('crashed', `The analysis stopped unexpectedly (exit code ${code}).`)))
    slots.push(slot)
    return slot
  }

  function start(slot: Slot, job: Job): void {
    slot.job = job
    slot.worker.ref()
    slot.timer = setTimeout(() => {
      retire(slot, new TaskError('timeout', `It took longer than ${describeDuration(job.limits.deadlineMs)} to analyse, so the analysis was stopped.`))
    }, job.limits.deadlineMs)
    slot.worker.postMessage(job.request, job.transfer)
  }

  function pump(): void {
    for (const slot of slots) if (!slot.job) slot.worker.unref()
    while (queue.length + backgroundQueue.length > 0 && !closed) {
      const idle = slots.find((s) => !s.job) ?? (slots.length < options.size ? spawn() : null)
      if (!idle) return
      start(idle, (queue.shift() ?? backgroundQueue.shift())!)
    }
  }

  return {
    run(task, input, limits, transfer = []) {
      if (closed) return Promise.reject(new TaskError('closed', 'The analysis workers have been shut down.'))
      return new Promise((resolve, reject) => {
        const job = { request: { id: nextId++, task, input }, limits, transfer, resolve: resolve as (output: unknown) => void, reject }
        ;(isBackground() ? backgroundQueue : queue).push(job)
        pump()
      })
    },
    async close() {
      closed = true
      for (const job of [...queue.splice(0), ...backgroundQueue.splice(0)]) job.reject(new TaskError('closed', 'The analysis workers have been shut down.'))
      const stopping = slots.splice(0)
      for (const slot of stopping) settle(slot)?.reject(new TaskError('closed', 'The analysis workers have been shut down.'))
      await Promise.all(stopping.map((s) => s.worker.terminate()))
    },
  }
}

// One core stays free for the thread answering requests (and the database, on PGlite).
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1))
}

// Bulk work (the command line's ingest) has the machine to itself: one worker per core, while
// the main thread mostly waits for the database. On two cores two workers stored 300 articles/s
// against 180 with one (bench:ingest).
export function bulkPoolSize(): number {
  return Math.max(1, availableParallelism())
}
