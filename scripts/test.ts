// npm test: the quick legs by default; every leg with `--all` or under CI=true; then one summary.
//   unit                  always
//   integration           always, on a throw-away embedded PGlite per test file
//   integration-postgres  --all / CI: when TEST_DATABASE_URL is set (a server where the tests may create databases)
//   e2e                   --all / CI: when Chromium is installed; under CI=true a missing Chromium is a failure
// `--e2e-only` runs the browser leg alone (npm run test:e2e). Other arguments go to vitest
// (e.g. `npm test -- tests/unit`). Skipped tests are listed with the reason their test gives,
// and every PostgreSQL database the run made is dropped at the end, whatever happened.
import '../lib/runtime/require-supported-node'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CHROMIUM_PATH } from '../tests/e2e/helpers/browser'
import { dropRunDatabases, testRunTag } from '../tests/integration/helpers/test-databases'
import { readLegReport, skippedGroups, type LegCounts } from './lib/test-report'

type Leg = { project: string; label: string }
type Outcome = LegCounts & { label: string; exitCode: number; seconds: number | null; note?: string; failures?: string[]; flaky?: string[] }

// vitest's package exports do not include its bin; find it next to its package.json.
const vitestBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
const args = process.argv.slice(2)
const e2eOnly = args.includes('--e2e-only')
const ci = process.env.CI === 'true'
const all = ci || args.includes('--all')
const passThrough = args.filter((a) => a !== '--e2e-only' && a !== '--all')
const adminUrl = process.env.TEST_DATABASE_URL
// One tag for every leg, so the PostgreSQL databases this run makes can be found and dropped.
const runTag = testRunTag()

function runLeg(leg: Leg): Outcome {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimline-report-'))
  const report = path.join(dir, 'report.json')
  console.log(`\n━━ ${leg.label} ━━`)
  const started = Date.now()
  const result = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--project', leg.project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, '--passWithNoTests', ...passThrough],
    { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
  )
  const seconds = Math.round((Date.now() - started) / 1000)
  const parsed = existsSync(report) ? readLegReport(readFileSync(report, 'utf8')) : null
  rmSync(dir, { recursive: true, force: true })
  const counts = parsed?.counts ?? { passed: 0, failed: 0, skipped: 0 }
  for (const group of parsed ? skippedGroups(parsed.skipped) : []) {
    console.log(`  skipped ${group.count} in ${path.relative(process.cwd(), group.file)}: ${group.reason ?? 'the test gives no reason'}`)
  }
  const exitCode = result.status ?? 1
  // A leg that crashed before reporting (a failing global setup) counts as a failure.
  const failed = exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed
  // Named again in the summary: a CI excerpt that shows only the end of the log still says what failed.
  const failures = (parsed?.failed ?? []).map((test) => `${path.relative(process.cwd(), test.file)} › ${test.name}`)
  const flaky = (parsed?.flaky ?? []).map((test) => `${path.relative(process.cwd(), test.file)} › ${test.name} (first attempt: ${test.firstError})`)
  return { label: leg.label, ...counts, failed, exitCode, seconds, failures, flaky }
}

const outcomes: Outcome[] = []
const notRun = (label: string, note: string, exitCode = 0): Outcome => ({
  label,
  passed: 0,
  failed: exitCode ? 1 : 0,
  skipped: 0,
  exitCode,
  seconds: null,
  note,
})
const onlyWithAll = 'not run by default: npm test -- --all (CI runs it)'

const legs = e2eOnly ? 'the browser leg' : all ? 'every leg' : 'unit and integration (PGlite); `npm test -- --all` adds PostgreSQL and the browser leg'
console.log(`npm test: ${legs}. Times on 2 cores are in the README (Tests).`)

if (!e2eOnly) {
  outcomes.push(runLeg({ project: 'unit', label: 'unit' }))
  outcomes.push(runLeg({ project: 'integration', label: 'integration (embedded PGlite)' }))
  if (!all) outcomes.push(notRun('integration (PostgreSQL)', onlyWithAll))
  else if (adminUrl) outcomes.push(runLeg({ project: 'integration-postgres', label: 'integration (PostgreSQL)' }))
  else outcomes.push(notRun('integration (PostgreSQL)', 'skipped: set TEST_DATABASE_URL=postgresql://… to run it'))
}
if (!all && !e2eOnly) outcomes.push(notRun('browser (Chromium)', `${onlyWithAll}, or npm run test:e2e`))
else if (existsSync(CHROMIUM_PATH)) outcomes.push(runLeg({ project: 'e2e', label: 'browser (Chromium)' }))
else if (ci) outcomes.push(notRun('browser (Chromium)', `FAILED: Chromium is required under CI=true but ${CHROMIUM_PATH} is missing`, 1))
else outcomes.push(notRun('browser (Chromium)', `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`))

// The legs drop their own databases; this catches what a crashed worker or global setup left.
if (adminUrl) {
  try {
    const left = await dropRunDatabases(adminUrl, runTag)
    if (left.length > 0) console.log(`\nDropped ${left.length} PostgreSQL test database(s) this run left behind: ${left.join(', ')}`)
  } catch (error) {
    console.log(`\nCould not check ${adminUrl.replace(/\/\/[^@/]*@/, '//')} for this run's test databases: ${error instanceof Error ? error.message : error}`)
  }
}

console.log('\nSummary')
for (const o of outcomes) {
  const took = o.seconds === null ? '' : ` (${o.seconds} s)`
  console.log(`  ${o.label.padEnd(30)} ${o.note ?? `${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped${took}`}`)
  for (const failure of o.failures ?? []) console.log(`    FAILED ${failure}`)
  for (const flaky of o.flaky ?? []) console.log(`    FLAKY, passed on its retry: ${flaky}`)
}
const total = outcomes.reduce((t, o) => ({ passed: t.passed + o.passed, failed: t.failed + o.failed, skipped: t.skipped + o.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
})
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exit(outcomes.some((o) => o.exitCode !== 0) ? 1 : 0)
