import { availableParallelism } from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

// Test files run in parallel, one per core but at least two: vitest's default (cores - 1) runs
// them one at a time on a 2-core machine, although integration files spend much of their time
// waiting on child processes and the database. Each file has its own database and temporary
// folders, so files cannot see each other. The browser files share one server and its data,
// so they stay one at a time.
const workers = Math.max(2, availableParallelism())

// Projects: `unit` (no database), `integration` (a fresh embedded PGlite per test file),
// `integration-postgres` (a fresh PostgreSQL database per file; only when TEST_DATABASE_URL
// is set), and `e2e` (real Chromium against a production build). scripts/test.ts picks them.
// Tests that start servers, child processes and browsers on a shared 2-core machine get one
// retry. A test that passed only on its retry is not hidden: npm test's summary names it as
// flaky, with the first attempt's error (scripts/lib/test-report.ts).
const RETRY_ONCE = 1

const integration = {
  include: ['tests/integration/**/*.test.ts'],
  retry: RETRY_ONCE,
  setupFiles: ['tests/integration/helpers/setup-file.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
}

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    pool: 'forks',
    maxWorkers: workers,
    projects: [
      // Unit tests are quick, but a few do real work (argon2 hashes, a 10 000-item feed, worker
      // threads) that took over vitest's default 5 s on a busy 2-core machine.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: { ...integration, name: 'integration', globalSetup: ['tests/integration/helpers/global-setup-pglite.ts'] },
      },
      {
        extends: true,
        test: {
          ...integration,
          name: 'integration-postgres',
          globalSetup: ['tests/integration/helpers/global-setup-postgres.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/helpers/global-setup.ts'],
          fileParallelism: false,
          retry: RETRY_ONCE,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
