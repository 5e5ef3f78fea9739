// An async mutex with two lanes. PGlite is one PostgreSQL backend with one session: everything
// that touches it (Prisma queries, Prisma interactive transactions, wire-protocol clients of the
// socket server, migrations) passes through one gate, so no statement can land inside
// somebody else's transaction.
//
// Background work (the followed feeds' jobs, `claimline poll`) gives way to the pages:
// - a waiting page's query goes before every waiting job's, so it waits for at most the one
//   statement or transaction already holding the gate;
// - a job's statement does not start while the pages are using the database (a foreground
//   holder let go less than QUIET_MS ago): a page asks for its data in several queries, and a
//   job's statement slipped in between two of them would delay the page by its whole length;
// - to make progress under pages that never pause, a job waits at most MAX_DEFER_MS for quiet.
// With both, pages' statements waited well under 1 ms a page with 1,000 feeds followed
// (bench:follow, gate waits counted); the quiet wait alone did not move that benchmark's p95.
export type GateLane = 'foreground' | 'background'

// Meant to be longer than the pauses between one page's queries (its JavaScript between them)
// and shorter than rendering a page, when the database is not used.
const QUIET_MS = 5
const MAX_DEFER_MS = 250

type Waiter = { grant: () => void; since: number }

export class Gate {
  #held = false
  #foreground: Waiter[] = []
  #background: Waiter[] = []
  #lastForeground = Number.NEGATIVE_INFINITY
  #timer: NodeJS.Timeout | null = null
  readonly #quietMs: number
  readonly #maxDeferMs: number

  constructor(options: { quietMs?: number; maxDeferMs?: number } = {}) {
    this.#quietMs = options.quietMs ?? QUIET_MS
    this.#maxDeferMs = options.maxDeferMs ?? MAX_DEFER_MS
  }

  async acquire(lane: GateLane = 'foreground'): Promise<() => void> {
    // PGlite runs synchronously inside promises, so a loop of in-process queries can chain
    // on microtasks forever and starve I/O: socket clients would never get their data read.
    // One macrotask turn per acquisition lets pending I/O queue up behind us fairly.
    await new Promise<void>((resolve) => setImmediate(resolve))
    await new Promise<void>((grant) => {
      ;(lane === 'foreground' ? this.#foreground : this.#background).push({ grant, since: performance.now() })
      this.#dispatch()
    })
    let released = false
    return () => {
      if (released) return
      released = true
      if (lane === 'foreground') this.#lastForeground = performance.now()
      this.#held = false
      this.#dispatch()
    }
  }

  // Hands a free gate to the next waiter: a page's query first, else a job's once the pages
  // have been quiet (or it waited long enough); otherwise looks again when that will be so.
  #dispatch(): void {
    if (this.#held) return
    const next = this.#foreground.shift()
    if (next) {
      this.#held = true
      return next.grant()
    }
    const job = this.#background[0]
    if (!job) return
    const now = performance.now()
    const readyAt = Math.min(this.#lastForeground + this.#quietMs, job.since + this.#maxDeferMs)
    if (now >= readyAt) {
      this.#background.shift()
      this.#held = true
      return job.grant()
    }
    // A later head of the queue is never ready sooner, so a timer already set is never late.
    this.#timer ??= setTimeout(
      () => {
        this.#timer = null
        this.#dispatch()
      },
      Math.ceil(readyAt - now),
    )
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await fn()
    } finally {
      release()
    }
  }

  get waiting(): number {
    return this.#foreground.length + this.#background.length
  }
}
