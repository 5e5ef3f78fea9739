// Repeated timings and their percentiles (nearest-rank: p95 of 30 runs is the 29th fastest).

export type Timing = { p50: number; p95: number; min: number; max: number; runs: number }

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? Number.NaN
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, runs: sorted.length }
}

// Runs `fn` `warmup` times untimed (at least once), then `repeats` times timed, one after the
// other: wall time, and the milliseconds of CPU this process spent per run. An embedded database
// runs inside the process, so on a machine shared with other work the CPU time is what a run
// costs, whatever the wait for a core; for a database in another process it is not the cost.
export async function timeRepeated<T>(fn: () => Promise<T>, repeats: number, warmup: number): Promise<{ timing: Timing; cpu: Timing; last: T }> {
  let last = await fn()
  for (let i = 1; i < warmup; i++) last = await fn()
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < repeats; i++) {
    const started = performance.now()
    const used = process.cpuUsage()
    last = await fn()
    const spent = process.cpuUsage(used)
    wall.push(performance.now() - started)
    cpu.push((spent.user + spent.system) / 1000)
  }
  return { timing: summarise(wall), cpu: summarise(cpu), last }
}

// The p95 a target is judged on: the CPU time's when it is the cost (an embedded database, in this
// process), else the wall time's. Both are printed; on an idle machine they agree, on a busy one
// the wall time adds the wait for a core, which is the machine's load, not the query's cost.
export function judgedP95(wall: Pick<Timing, 'p95'>, cpuP95: number | null): number {
  return cpuP95 ?? wall.p95
}
