// npm test: every leg that this machine can run, one after another, then one summary.
//   unit                  always
//   integration           always, on a throw-away embedded PGlite per test file
//   integration-postgres  when TEST_DATABASE_URL is set (a server where the tests may create databases)
//   e2e                   when Chromium is installed; under CI=true a missing Chromium is a failure
// Extra arguments go to vitest (e.g. `npm test -- tests/unit`). `--e2e-only` runs the browser leg alone.
import '../lib/runtime/require-supported-node'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CHROMIUM_PATH } from '../tests/e2e/helpers/browser'

type Leg = { project: string; label: string }
type Outcome = { label: string; passed: number; failed: number; skipped: number; exitCode: number; note?: string }

// vitest's package exports do not include its bin; find it next to its package.json.
const vitestBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
const args = process.argv.slice(2)
const e2eOnly = args.includes('--e2e-only')
const passThrough = args.filter((a) => a !== '--e2e-only')
const ci = process.env.CI === 'true'

function readCounts(file: string): { passed: number; failed: number; skipped: number } | null {
  if (!existsSync(file)) return null
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
  }
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
}

function runLeg(leg: Leg): Outcome {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimline-report-'))
  const report = path.join(dir, 'report.json')
  console.log(`\n━━ ${leg.label} ━━`)
  const result = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--project', leg.project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, '--passWithNoTests', ...passThrough],
    { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
  )
  const counts = readCounts(report) ?? { passed: 0, failed: 0, skipped: 0 }
  rmSync(dir, { recursive: true, force: true })
  const exitCode = result.status ?? 1
  // A leg that crashed before reporting (a failing global setup) counts as a failure.
  const failed = exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed
  return { label: leg.label, ...counts, failed, exitCode }
}

const outcomes: Outcome[] = []
const skippedLeg = (label: string, note: string, exitCode = 0): Outcome => ({ label, passed: 0, failed: exitCode ? 1 : 0, skipped: 0, exitCode, note })

if (!e2eOnly) {
  outcomes.push(runLeg({ project: 'unit', label: 'unit' }))
  outcomes.push(runLeg({ project: 'integration', label: 'integration (embedded PGlite)' }))
  if (process.env.TEST_DATABASE_URL) outcomes.push(runLeg({ project: 'integration-postgres', label: 'integration (PostgreSQL)' }))
  else outcomes.push(skippedLeg('integration (PostgreSQL)', 'skipped: set TEST_DATABASE_URL=postgresql://… to run it'))
}
if (existsSync(CHROMIUM_PATH)) outcomes.push(runLeg({ project: 'e2e', label: 'browser (Chromium)' }))
else if (ci) outcomes.push(skippedLeg('browser (Chromium)', `FAILED: Chromium is required under CI=true but ${CHROMIUM_PATH} is missing`, 1))
else outcomes.push(skippedLeg('browser (Chromium)', `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`))

console.log('\nSummary')
for (const o of outcomes) {
  console.log(`  ${o.label.padEnd(30)} ${o.note ?? `${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped`}`)
}
const total = outcomes.reduce((t, o) => ({ passed: t.passed + o.passed, failed: t.failed + o.failed, skipped: t.skipped + o.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
})
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exit(outcomes.some((o) => o.exitCode !== 0) ? 1 : 0)
