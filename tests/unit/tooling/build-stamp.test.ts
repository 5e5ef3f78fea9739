import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { sourceHash } from '@/scripts/lib/build'

// npm start and the browser tests reuse a build while its sources' hash is unchanged: a file
// Next compiles into the build must be in the hash, or an edit to it runs against a stale build.
let root: string
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'claimline-build-'))
  mkdirSync(path.join(root, 'app'))
  writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default function Page() { return null }\n')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

test.each(['proxy.ts', 'instrumentation.ts', 'next.config.js', 'app/page.tsx', 'lib/db.ts'])('an edit to %s asks for a new build', (file) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), '// before\n')
  const before = sourceHash(root)
  writeFileSync(path.join(root, file), '// after\n')
  expect(sourceHash(root)).not.toBe(before)
})

test('what the build does not read leaves the hash alone', () => {
  const before = sourceHash(root)
  mkdirSync(path.join(root, 'tests'))
  writeFileSync(path.join(root, 'tests', 'x.test.ts'), '// a test\n')
  writeFileSync(path.join(root, 'README.md'), '# notes\n')
  expect(sourceHash(root)).toBe(before)
})
