// CPU-bound work on untrusted text (extraction, suggestion, feed parsing) runs here, on worker
// threads, never on the thread that answers requests: a page built to make the parser or the
// suggestion rules slow then costs one worker its deadline, not the server its liveness.
// Each task runs alone on its worker under a deadline and a memory cap; a worker that overruns
// either is terminated (a busy loop ignores everything else) and replaced, and its task fails
// with a TaskError saying which limit it hit. Tasks wait in a queue, so a worker stopped for
// one task takes no other task down with it. Tasks started in the background (background.ts)
// have a queue and workers of their own, which run at a lower operating-system priority where
// the system allows it per thread (Linux): a followed feed's extraction and suggestions take
// the CPU time pages and editors leave, and never a worker an editor's task is waiting for.
// The deadline counts the worker's CPU time where it can be read (thread-cpu.ts), so a task
// that waited for a core is not stopped as too complex; wall time is capped all the same.
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { BACKGROUND_NICE, startIoThreads } from '../runtime/thread-priority'
import { startWorkerThread } from '../runtime/worker-thread'
import { whenNoRequestInFlight } from '../runtime/requests-in-flight'
import { isBackground } from './background'
import { threadCpuMs } from './thread-cpu'

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
// A worker's first message: its thread id, for reading its CPU time (null where it cannot be read).
export type WorkerHello = { threadId: number | null }
// What a worker is started with.
export type WorkerSetup = { nice: number }

// A task whose worker got too little CPU is still stopped at this many times its deadline.
const WALL_CAP = 4

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

type Slot = { worker: Worker; job: Job | null; timer: NodeJS.Timeout | null; threadId: number | null }
type Lane = { slots: Slot[]; queue: Job[]; nice: number }

export type TaskPool = {
  run<N extends TaskName>(task: N, input: InputOf<TaskRegistry[N]>, limits: TaskLimits, transfer?: ArrayBuffer[]): Promise<OutputOf<TaskRegistry[N]>>
  close(): Promise<void>
}

function describeDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}

const closedError = () => new TaskError('closed', 'The analysis workers have been shut down.')

export function createTaskPool(options: PoolOptions): TaskPool {
  const interactive: Lane = { slots: [], queue: [], nice: 0 }
  const background: Lane = { slots: [], queue: [], nice: BACKGROUND_NICE }
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
  function retire(lane: Lane, slot: Slot, error: TaskError): void {
    const at = lane.slots.indexOf(slot)
    if (at < 0) return
    lane.slots.splice(at, 1)
    settle(slot)?.reject(error)
    void slot.worker.terminate()
    pump()
  }

  function spawn(lane: Lane): Slot {
    if (lane.nice > 0) startIoThreads()
    const worker = startWorkerThread('analysis', {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      workerData: { nice: lane.nice } satisfies WorkerSetup,
    })
    // An idle worker must not keep a CLI process alive.
    worker.unref()
    const slot: Slot = { worker, job: null, timer: null, threadId: null }
    worker.on('message', (message: TaskReply | WorkerHello) => {
      if ('threadId' in message) {
        slot.threadId = message.threadId
        return
      }
      if (slot.job?.request.id !== message.id) return
      const job = settle(slot)!
      if (message.ok) job.resolve(message.output)
      else job.reject(new TaskThrew(message.thrown))
      pump()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      retire(
        lane,
        slot,
        memory
          ? new TaskError('memory', `It needed more than ${options.maxHeapMb} MB of memory to analyse.`)
          : new TaskError('crashed', `The analysis stopped with an error: ${error.message}`),
      )
    })
    worker.on('exit', (code) => retire(lane, slot, new TaskError('crashed', `The analysis stopped unexpectedly (exit code ${code}).`)))
    lane.slots.push(slot)
    return slot
  }

  // CPU time the slot's thread has used, or null where it cannot be read. A thread started for
  // this task counts from zero: its start-up is part of what the task cost.
  function cpuOf(slot: Slot): number | null {
    return slot.threadId === null ? null : threadCpuMs(slot.threadId)
  }

  function start(lane: Lane, slot: Slot, job: Job): void {
    slot.job = job
    slot.worker.ref()
    const { deadlineMs } = job.limits
    const startedAt = Date.now()
    const cpuAtStart = cpuOf(slot) ?? 0
    const check = () => {
      const cpuNow = cpuOf(slot)
      const used = cpuNow === null ? null : cpuNow - cpuAtStart
      const wallLeft = deadlineMs * WALL_CAP - (Date.now() - startedAt)
      if (used === null || used >= deadlineMs || wallLeft <= 0) {
        retire(lane, slot, new TaskError('timeout', `It took longer than ${describeDuration(deadlineMs)} to analyse, so the analysis was stopped.`))
        return
      }
      // It waited for a core part of the time: give it the CPU time it has left, within the cap.
      slot.timer = setTimeout(check, Math.min(wallLeft, Math.max(1, deadlineMs - used)))
    }
    slot.timer = setTimeout(check, deadlineMs)
    slot.worker.postMessage(job.request, job.transfer)
  }

  function pump(): void {
    for (const lane of [interactive, background]) {
      for (const slot of lane.slots) if (!slot.job) slot.worker.unref()
      while (lane.queue.length > 0 && !closed) {
        const idle = lane.slots.find((s) => !s.job) ?? (lane.slots.length < options.size ? spawn(lane) : null)
        if (!idle) break
        start(lane, idle, lane.queue.shift()!)
      }
    }
  }

  return {
    run(task, input, limits, transfer = []) {
      if (closed) return Promise.reject(closedError())
      const lane = isBackground() ? background : interactive
      const enqueue = () =>
        new Promise<OutputOf<TaskRegistry[typeof task]>>((resolve, reject) => {
          if (closed) return reject(closedError())
          const job = { request: { id: nextId++, task, input }, limits, transfer, resolve: resolve as (output: unknown) => void, reject }
          lane.queue.push(job)
          pump()
        })
      // A background task starts once the server answers no request, or after a bounded wait
      // (lib/runtime/requests-in-flight.ts).
      return lane === background ? whenNoRequestInFlight().then(enqueue) : enqueue()
    },
    async close() {
      closed = true
      for (const job of [...interactive.queue.splice(0), ...background.queue.splice(0)]) job.reject(closedError())
      const stopping = [...interactive.slots.splice(0), ...background.slots.splice(0)]
      for (const slot of stopping) settle(slot)?.reject(closedError())
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
