// What a benchmark returns to its caller (the `npm run bench` aggregator, or its own command
// line): one row per figure, flat, so results from different benchmarks print and compare as
// one table.
import { pathToFileURL } from 'node:url'

export type BenchRow = {
  benchmark: string
  // Where the figure was taken: database, endpoint, concurrency, …
  scenario: string
  metric: string
  value: number
  unit: string
  // Human-readable goal, e.g. "< 100"; only on rows that are judged.
  target?: string
  pass?: boolean
}

// Thrown by a benchmark that cannot run here (its data is missing): `npm run bench` prints the
// reason on one line and goes on with the others; run alone, the benchmark exits 1 with it.
export class BenchmarkSkipped extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'BenchmarkSkipped'
  }
}

// Runs one benchmark as its own command: its table, or the reason it cannot run (exit 1).
export async function runAlone(benchmark: () => Promise<BenchRow[]>): Promise<void> {
  try {
    printRows(await benchmark())
  } catch (error) {
    if (!(error instanceof BenchmarkSkipped)) throw error
    console.error(`skipped: ${error.message}`)
    process.exitCode = 1
  }
}

// True when the module whose import.meta.url is given is the script node (or tsx) was started
// with, rather than a module imported by the aggregator.
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1]
  return script !== undefined && pathToFileURL(script).href === moduleUrl
}

export function argValue(args: readonly string[], name: string): string | null {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? null) : null
}

// A positive number from the command line (underscores allowed: 100_000), or the fallback.
export function argNumber(args: readonly string[], name: string, fallback: number): number {
  const raw = argValue(args, name)
  if (raw === null) return fallback
  const value = Number(raw.replace(/_/g, ''))
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number, got "${raw}"`)
  return value
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '-'
  if (unit === 'ms') return value.toFixed(1)
  if (Number.isInteger(value)) return String(value)
  return value.toFixed(1)
}

export function printRows(rows: readonly BenchRow[]): void {
  const scenarioWidth = Math.max(8, ...rows.map((r) => r.scenario.length))
  const metricWidth = Math.max(6, ...rows.map((r) => r.metric.length))
  console.log(`${'scenario'.padEnd(scenarioWidth)}  ${'metric'.padEnd(metricWidth)}  ${'value'.padStart(10)}  unit    verdict`)
  for (const r of rows) {
    const verdict = r.pass === undefined ? '' : `${r.pass ? 'PASS' : 'FAIL'} (target ${r.target ?? '?'} ${r.unit})`
    console.log(
      `${r.scenario.padEnd(scenarioWidth)}  ${r.metric.padEnd(metricWidth)}  ${formatValue(r.value, r.unit).padStart(10)}  ${r.unit.padEnd(6)}  ${verdict}`,
    )
  }
}
