// What scripts/test.ts reads from vitest's JSON report: the counts, each skipped test with the
// reason its test gives (`{ meta: { skipReason } }`, tests/skip-reason.d.ts), each failed test,
// and each test that passed only on its retry.
import { z } from 'zod'

const report = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      assertionResults: z.array(
        z.object({
          fullName: z.string(),
          status: z.string(),
          failureMessages: z.array(z.string()).nullable().optional(),
          meta: z.object({ skipReason: z.string().optional() }).loose().optional(),
        }),
      ),
    }),
  ),
})

export type LegCounts = { passed: number; failed: number; skipped: number }
export type SkippedTest = { file: string; name: string; reason: string | null }
export type FailedTest = { file: string; name: string }
// Passed on a retry (vitest.config.ts): the earlier attempt's error is kept in failureMessages.
export type FlakyTest = FailedTest & { firstError: string }

export function readLegReport(json: string): { counts: LegCounts; skipped: SkippedTest[]; failed: FailedTest[]; flaky: FlakyTest[] } {
  const parsed = report.parse(JSON.parse(json))
  const flaky = parsed.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'passed' && (test.failureMessages ?? []).length > 0)
      .map((test) => ({ file: file.name, name: test.fullName, firstError: (test.failureMessages?.[0] ?? '').split('\n')[0] ?? '' })),
  )
  const failed = parsed.testResults.flatMap((file) =>
    file.assertionResults.filter((test) => test.status === 'failed').map((test) => ({ file: file.name, name: test.fullName })),
  )
  const skipped = parsed.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'skipped')
      .map((test) => ({ file: file.name, name: test.fullName, reason: test.meta?.skipReason ?? null })),
  )
  return {
    counts: { passed: parsed.numPassedTests, failed: parsed.numFailedTests, skipped: parsed.numPendingTests + parsed.numTodoTests },
    skipped,
    failed,
    flaky,
  }
}

// One line per file and reason: five skipped tests of one describe are one line, not five.
export function skippedGroups(skipped: readonly SkippedTest[]): { file: string; reason: string | null; count: number }[] {
  const groups = new Map<string, { file: string; reason: string | null; count: number }>()
  for (const test of skipped) {
    const key = `${test.file}\0${test.reason ?? ''}`
    const group = groups.get(key) ?? { file: test.file, reason: test.reason, count: 0 }
    group.count++
    groups.set(key, group)
  }
  return [...groups.values()]
}
