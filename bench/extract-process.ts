// npm run bench:extract-process [-- --repeats N] [-- --only <id-prefix>]
// Extraction as a new user runs it: one whole process over every labelled page (written out as
// files), start-up included. `claimline extract FILE…` (the compiled command line, through its
// launcher; one untimed run first so the compile it may need is not counted) against
// @mozilla/readability on jsdom run the same way (bench/lib/readability-extract.mjs). Figures are
// medians over the repeats: wall time, and the CPU time (user + system) the process used, which
// does not move with what else the machine is running (the ratio is judged on it).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadEvalPages, missingEvalPages } from '../scripts/lib/eval-pages'
import { argNumber, argValue, BenchmarkSkipped, isMainModule, runAlone, type BenchRow } from './lib/bench-rows'

const root = path.resolve(import.meta.dirname, '..')
const TARGET_VS_READABILITY = 10

type Command = { name: string; args: (files: string[]) => string[] }

const commands: Command[] = [
  { name: 'claimline extract', args: (files) => [path.join(root, 'scripts', 'claimline.mjs'), 'extract', ...files] },
  { name: 'readability + jsdom', args: (files) => [path.join(root, 'bench', 'lib', 'readability-extract.mjs'), ...files] },
]

type Timing = { wall: number; cpu: number }

// Run under bash so its `times` builtin reports the child's CPU time; `claimline extract` exits 1
// when some input has no article, and its time still counts.
const TIMED = '"$@" >/dev/null 2>&1; times'

function timed(command: Command, files: string[]): Timing {
  const started = performance.now()
  const report = execFileSync('bash', ['-c', TIMED, 'timed', process.execPath, ...command.args(files)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
  const wall = (performance.now() - started) / 1000
  // The second line of `times`: the children's user and system time, as "0m1.234s 0m0.056s".
  const children = report.trim().split('\n')[1] ?? ''
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0)
  return { wall, cpu }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

export type ExtractProcessOptions = { repeats: number; only: string | null }

export function parseExtractProcessOptions(args: readonly string[]): ExtractProcessOptions {
  return { repeats: argNumber(args, '--repeats', 3), only: argValue(args, '--only') }
}

export async function run({ repeats, only }: ExtractProcessOptions): Promise<BenchRow[]> {
  const pages = loadEvalPages(only)
  if (!pages) throw new BenchmarkSkipped(missingEvalPages())
  const dir = mkdtempSync(path.join(tmpdir(), 'claimline-extract-'))
  try {
    const files = pages.map((page) => {
      const file = path.join(dir, `${page.id}.html`)
      writeFileSync(file, page.html)
      return file
    })
    console.log(`bench:extract-process: ${files.length} pages, one process per run, ${repeats} timed runs each after one untimed run`)
    const results = new Map<string, Timing>()
    for (const command of commands) {
      timed(command, files)
      const runs = Array.from({ length: repeats }, () => timed(command, files))
      const result = { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) }
      results.set(command.name, result)
      console.log(
        `  ${command.name.padEnd(20)} wall ${result.wall.toFixed(1).padStart(6)} s, CPU ${result.cpu.toFixed(1).padStart(6)} s   (wall runs: ${runs.map((r) => r.wall.toFixed(1)).join(', ')})`,
      )
    }
    const ours = results.get('claimline extract') ?? { wall: Number.NaN, cpu: Number.NaN }
    const readability = results.get('readability + jsdom') ?? { wall: Number.NaN, cpu: Number.NaN }
    const row = (scenario: string, metric: string, value: number, unit: string, judged?: { target: string; pass: boolean }): BenchRow => ({
      benchmark: 'extract-process',
      scenario,
      metric,
      value,
      unit,
      ...judged,
    })
    const speedUp = readability.cpu / ours.cpu
    return [
      ...[...results].flatMap(([name, t]) => [
        row(name, `wall, ${files.length} pages (median)`, t.wall, 's'),
        row(name, `CPU, ${files.length} pages (median)`, t.cpu, 's'),
      ]),
      row('ours vs readability + jsdom', 'speed-up, wall', readability.wall / ours.wall, 'x'),
      row('ours vs readability + jsdom', 'speed-up, CPU', speedUp, 'x', { target: `>= ${TARGET_VS_READABILITY}`, pass: speedUp >= TARGET_VS_READABILITY }),
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (isMainModule(import.meta.url)) await runAlone(() => run(parseExtractProcessOptions(process.argv.slice(2))))
