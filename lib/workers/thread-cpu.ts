// CPU time of one thread of this process, on Linux (from /proc); null elsewhere. A task's
// deadline is about the work its input costs: on a busy machine, or on a worker running at a
// lower priority, wall time also counts the time the thread waited for a core, and a task that
// merely waited must not be judged too complex.
import { readFileSync, readlinkSync } from 'node:fs'

// The calling thread's id (a worker reads its own and tells the pool).
export function currentThreadId(): number | null {
  if (process.platform !== 'linux') return null
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').at(-1))
    return Number.isInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

// utime + stime, in clock ticks of 10 ms (USER_HZ is 100 on every Linux Node supports).
const MS_PER_TICK = 10

export function threadCpuMs(threadId: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8')
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? ticks * MS_PER_TICK : null
  } catch {
    return null
  }
}
