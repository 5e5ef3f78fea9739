import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { parseExtractOptions, run as runExtractBench } from '@/bench/extract'
import { BenchmarkSkipped } from '@/bench/lib/bench-rows'
import { evalDir } from '@/scripts/lib/eval-dir'
import { extractionDir, loadEvalPages } from '@/scripts/lib/eval-pages'

const root = path.resolve(import.meta.dirname, '..', '..', '..')
let empty: string
let saved: string | undefined

beforeEach(() => {
  empty = mkdtempSync(path.join(tmpdir(), 'claimline-no-eval-'))
  saved = process.env.CLAIMLINE_EVAL_DIR
})
afterEach(() => {
  if (saved === undefined) delete process.env.CLAIMLINE_EVAL_DIR
  else process.env.CLAIMLINE_EVAL_DIR = saved
  rmSync(empty, { recursive: true, force: true })
})

test('default: ../shared/eval beside the repository, whatever the working directory', () => {
  expect(evalDir({})).toBe(path.resolve(root, '..', 'shared', 'eval'))
})

test('CLAIMLINE_EVAL_DIR wins, resolved to an absolute path', () => {
  expect(evalDir({ CLAIMLINE_EVAL_DIR: empty })).toBe(empty)
  expect(evalDir({ CLAIMLINE_EVAL_DIR: 'some/where' })).toBe(path.resolve('some/where'))
})

test('the extraction pages are read from it, and are missing (null) when it holds none', () => {
  process.env.CLAIMLINE_EVAL_DIR = empty
  expect(extractionDir()).toBe(path.join(empty, 'extraction'))
  expect(loadEvalPages()).toBeNull()
})

test('without the eval data the extraction benchmark is skipped with the place it looked, not failed', async () => {
  process.env.CLAIMLINE_EVAL_DIR = empty
  const outcome = await runExtractBench(parseExtractOptions([])).catch((error: unknown) => error)
  expect(outcome).toBeInstanceOf(BenchmarkSkipped)
  expect((outcome as BenchmarkSkipped).message).toContain(path.join(empty, 'extraction'))
  expect((outcome as BenchmarkSkipped).message).toContain('CLAIMLINE_EVAL_DIR')
})
