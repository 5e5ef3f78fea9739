// An async mutex with two lanes. PGlite is one PostgreSQL backend with one session: everything
// that touches it (Prisma queries, Prisma interactive transactions, wire-protocol clients of the
// socket server, migrations) passes through one gate, so no statement can land inside
// somebody else's transaction.
//
// Waiters are served in order, but background work (the followed feeds' jobs, `claimline poll`)
// waits behind every foreground waiter: a page's query waits for at most the one statement or
// transaction already holding the gate, not for a queue of jobs' transactions too. Background
// work still gets the gate whenever no foreground work is waiting.
export type GateLane = 'foreground' | 'background'

export class Gate {
  #held = false
  #waiters: Record<GateLane, (() => void)[]> = { foreground: [], background: [] }

  async acquire(lane: GateLane = 'foreground'): Promise<() => void> {
    // PGlite runs synchronously inside promises, so a loop of in-process queries can chain
    // on microtasks forever and starve I/O: socket clients would never get their data read.
    // One macrotask turn per acquisition lets pending I/O queue up behind us fairly.
    await new Promise<void>((resolve) => setImmediate(resolve))
    if (this.#held) await new Promise<void>((resolve) => this.#waiters[lane].push(resolve))
    this.#held = true
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.#waiters.foreground.shift() ?? this.#waiters.background.shift()
      if (next) next()
      else this.#held = false
    }
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
    return this.#waiters.foreground.length + this.#waiters.background.length
  }
}
