// Background threads (the analysis pool's background lane, the followed feeds' jobs) run at a
// lower operating-system priority than the threads that answer requests. Linux keeps a priority
// per thread, so a thread can lower its own without lowering the server's; elsewhere the call
// would lower the whole process, so it is not made.
import { access } from 'node:fs'
import { getPriority, setPriority } from 'node:os'

// How far background threads lower their priority below the process's (10 steps of nice: about
// a tenth of a core's share next to a busy thread of the process's priority).
export const BACKGROUND_NICE = 10

// Lowers the calling thread to `steps` of nice below the process's own priority (the main
// thread's: already lowered if the server was started under `nice`), whatever the thread was born
// with: a thread is born with its creator's priority, and a background thread that starts
// workers of its own must not push them further down at each level.
export function runBelowProcessPriority(steps: number): void {
  if (steps <= 0 || process.platform !== 'linux') return
  try {
    // On Linux the process id names the main thread, and 0 the calling thread.
    const target = Math.min(19, getPriority(process.pid) + steps)
    if (target > getPriority(0)) setPriority(0, target)
  } catch {
    // Not permitted here: the thread runs at the priority it has.
  }
}

// A thread is born with the priority of the thread that creates it, and Node's shared I/O threads
// (libuv's pool: file system, DNS, zlib, argon2) are created on first use by whichever thread
// uses them first. Were that a background thread after lowering its priority, every file read
// and password hash of the process would run at its priority: a thread about to start background
// threads calls this first.
let ioThreadsStarted = false
export function startIoThreads(): void {
  if (ioThreadsStarted) return
  ioThreadsStarted = true
  access(process.cwd(), () => {})
}
