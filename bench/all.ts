// npm run bench [-- --quick] [-- --only extract,extract-process,ingest,timeline,search,http,editors,follow]
// Every benchmark in one process, one after the other (so they do not compete for the two
// cores), then one table of every figure, also written to bench/results.json with the machine
// it ran on. A benchmark that fails is reported as such and the rest still run; one that cannot
// run here (the extraction eval data is missing: scripts/lib/eval-dir.ts) is skipped with its reason.
//   full    extraction over the eval pages, in one process and as whole `claimline extract` runs; bulk ingest of 10k pages; timeline at 10k/100k/1M
//           claims; search over 100k articles; HTTP with 1/10/50 connections, 10 s each; 20 editors for 30 s; /timeline while
//           1,000 followed feeds are polled (100k claims)
//   --quick ingest 2k pages; timeline at 10k/100k; search over 20k articles; HTTP 5 s each over 10k claims; editors 10 s; /timeline while
//           200 followed feeds are polled (10k claims)
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import path from 'node:path'
import { argValue, BenchmarkSkipped, printRows, type BenchRow } from './lib/bench-rows'
import { run as runEditors } from './editors'
import { parseExtractOptions, run as runExtract } from './extract'
import { parseExtractProcessOptions, run as runExtractProcess } from './extract-process'
import { parseFollowOptions, run as runFollow } from './follow'
import { run as runHttp } from './http'
import { parseIngestOptions, run as runIngest } from './ingest'
import { parseSearchOptions, run as runSearch } from './search'
import { parseTimelineOptions, run as runTimeline } from './timeline'

const args = process.argv.slice(2)
const quick = args.includes('--quick')

const benchmarks: Record<string, () => Promise<BenchRow[]>> = {
  extract: () => runExtract(parseExtractOptions([])),
  'extract-process': () => runExtractProcess(parseExtractProcessOptions(quick ? ['--repeats', '1'] : [])),
  ingest: () => runIngest({ ...parseIngestOptions([]), ...(quick ? { count: 2_000, baselineCount: 500 } : {}) }),
  timeline: () => runTimeline(parseTimelineOptions(quick ? ['--quick', '--no-http'] : ['--no-http'])),
  search: () => runSearch(parseSearchOptions(quick ? ['--quick'] : [])),
  http: () => runHttp(quick ? { size: 10_000, durationS: 5 } : {}),
  editors: () => runEditors(quick ? { durationS: 10 } : {}),
  follow: () => runFollow(parseFollowOptions(quick ? ['--quick'] : [])),
}

const only = argValue(args, '--only')?.split(',') ?? Object.keys(benchmarks)
const unknown = only.filter((name) => !(name in benchmarks))
if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`)

const rows: BenchRow[] = []
const failures: { benchmark: string; error: string }[] = []
const skipped: { benchmark: string; reason: string }[] = []
const started = Date.now()
for (const name of only) {
  const benchmark = benchmarks[name]
  if (!benchmark) continue
  console.log(`\n=== ${name} ===`)
  try {
    rows.push(...(await benchmark()))
  } catch (error) {
    if (error instanceof BenchmarkSkipped) {
      skipped.push({ benchmark: name, reason: error.message })
      console.log(`${name}: skipped — ${error.message}`)
      continue
    }
    const message = error instanceof Error ? error.message : String(error)
    failures.push({ benchmark: name, error: message })
    console.error(`${name} failed: ${message}`)
  }
}

console.log(`\n=== all benchmarks (${((Date.now() - started) / 60_000).toFixed(1)} min) ===`)
for (const name of only) {
  const own = rows.filter((r) => r.benchmark === name)
  if (own.length === 0) continue
  console.log(`\n${name}`)
  printRows(own)
}
for (const s of skipped) console.log(`\n${s.benchmark}: skipped — ${s.reason}`)
for (const f of failures) console.log(`\n${f.benchmark}: FAILED — ${f.error}`)
const out = path.join(process.cwd(), 'bench', 'results.json')
const machine = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 1024 ** 3),
  postgres: Boolean(process.env.TEST_DATABASE_URL),
}
writeFileSync(out, `${JSON.stringify({ ranAt: new Date().toISOString(), quick, machine, rows, failures, skipped }, null, 2)}\n`)
console.log(`\nwritten to ${path.relative(process.cwd(), out)}`)
process.exit(failures.length > 0 || rows.some((r) => r.pass === false) ? 1 : 0)
