import 'vitest'

declare module 'vitest' {
  // Why a test is skipped where it is: `npm test` prints it under the leg's results (vitest's
  // own reporter shows a skipped test only as a count). Set with `{ meta: { skipReason } }` on
  // the test or its describe, next to the skipIf.
  interface TaskMeta {
    skipReason?: string
  }
}
