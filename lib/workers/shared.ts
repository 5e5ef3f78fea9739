// The process's analysis workers, shared by every request (and kept across Next.js module
// reloads in development). Sized to leave a core for the thread that answers requests.
import { getEnv } from '../env'
import { onShutdown } from '../runtime/shutdown'
import { createTaskPool, defaultPoolSize, type TaskLimits, type TaskPool } from './pool'

// A task that needs more heap than this is stopped and reported as too large to analyse.
export const WORKER_HEAP_MB = 512

const holder = ((globalThis as { __claimlineWorkers?: { pool: TaskPool | null } }).__claimlineWorkers ??= { pool: null })

export function analysisPool(): TaskPool {
  if (!holder.pool) {
    const pool = createTaskPool({ size: defaultPoolSize(), maxHeapMb: WORKER_HEAP_MB })
    holder.pool = pool
    onShutdown(async () => {
      if (holder.pool === pool) holder.pool = null
      await pool.close()
    })
  }
  return holder.pool
}

export function analysisLimits(): TaskLimits {
  return { deadlineMs: getEnv().CLAIMLINE_ANALYSIS_DEADLINE * 1000 }
}
