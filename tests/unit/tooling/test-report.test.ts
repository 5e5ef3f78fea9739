import { expect, test } from 'vitest'
import { readLegReport, skippedGroups } from '@/scripts/lib/test-report'

// The shape of vitest's JSON reporter, trimmed to what scripts/test.ts reads.
const report = {
  numPassedTests: 4,
  numFailedTests: 1,
  numPendingTests: 4,
  numTodoTests: 1,
  testResults: [
    {
      name: '/repo/tests/e2e/two-instances.test.ts',
      assertionResults: [
        { fullName: 'two app instances both report healthy', status: 'skipped', meta: { skipReason: 'needs PostgreSQL: set TEST_DATABASE_URL' } },
        { fullName: 'two app instances a stale edit is refused', status: 'skipped', meta: { skipReason: 'needs PostgreSQL: set TEST_DATABASE_URL' } },
      ],
    },
    {
      name: '/repo/tests/integration/other.test.ts',
      assertionResults: [
        { fullName: 'runs', status: 'passed', meta: {} },
        { fullName: 'breaks', status: 'failed', meta: {} },
        { fullName: 'wobbles', status: 'passed', failureMessages: ['Error: timed out\n    at x.ts:1'], meta: {} },
        { fullName: 'skipped without a word', status: 'skipped', meta: {} },
        { fullName: 'later', status: 'todo', meta: {} },
      ],
    },
  ],
}

test('counts, and every skipped test with the reason its test gives (or none)', () => {
  const { counts, skipped } = readLegReport(JSON.stringify(report))
  expect(counts).toEqual({ passed: 4, failed: 1, skipped: 5 })
  expect(skipped).toEqual([
    { file: '/repo/tests/e2e/two-instances.test.ts', name: 'two app instances both report healthy', reason: 'needs PostgreSQL: set TEST_DATABASE_URL' },
    { file: '/repo/tests/e2e/two-instances.test.ts', name: 'two app instances a stale edit is refused', reason: 'needs PostgreSQL: set TEST_DATABASE_URL' },
    { file: '/repo/tests/integration/other.test.ts', name: 'skipped without a word', reason: null },
  ])
})

test('every failed test by file and name, for the summary at the end of the log', () => {
  expect(readLegReport(JSON.stringify(report)).failed).toEqual([{ file: '/repo/tests/integration/other.test.ts', name: 'breaks' }])
})

test('a test that passed on its retry is named as flaky, with the first line of its first error', () => {
  expect(readLegReport(JSON.stringify(report)).flaky).toEqual([
    { file: '/repo/tests/integration/other.test.ts', name: 'wobbles', firstError: 'Error: timed out' },
  ])
})

test('one line per file and reason', () => {
  expect(skippedGroups(readLegReport(JSON.stringify(report)).skipped)).toEqual([
    { file: '/repo/tests/e2e/two-instances.test.ts', reason: 'needs PostgreSQL: set TEST_DATABASE_URL', count: 2 },
    { file: '/repo/tests/integration/other.test.ts', reason: null, count: 1 },
  ])
})
