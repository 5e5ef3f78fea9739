// The claimline command line as a user runs it: a separate process. On the embedded database
// this test's process is the owner, so the CLI is served through its socket, as it is while
// the server runs.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { getDatabase, getDb } from '@/lib/db'
import { DEMO_DIR } from '@/lib/demo/load-demo'
import { tempDir } from './helpers/test-databases'

// Asynchronous on purpose: this process serves the embedded database to the CLI, so its event
// loop must keep running while the CLI works.
function claimline(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], { encoding: 'utf8', env }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0
      resolve({ code, stdout, stderr })
    })
  })
}

test('ingest a folder: a summary table, each failure with its reason, a non-zero exit', async () => {
  await getDatabase() // this process opens the database first, as the server would
  const folder = tempDir('claimline-cli-')
  mkdirSync(path.join(folder, 'nested'))
  copyFileSync(path.join(DEMO_DIR, '004_beb8acb8efdee709.txt'), path.join(folder, 'reuters.txt'))
  copyFileSync(path.join(DEMO_DIR, '000_c08aa10e5cdda9cf.txt'), path.join(folder, 'nested', 'itnews.txt'))
  writeFileSync(path.join(folder, 'broken.html'), '%PDF-1.7 not a page')
  writeFileSync(path.join(folder, 'notes.docx'), 'ignored: not a page or text extension')

  const run = await claimline(['ingest', folder])
  expect(run.code).toBe(1)
  expect(run.stdout).toMatch(/created\s+2\n/)
  expect(run.stdout).toMatch(/failed\s+1\n/)
  expect(run.stdout).toContain('broken.html: This is a PDF document, not a web page or text.')
  expect(await getDb().article.count()).toBe(2)

  const again = await claimline(['ingest', path.join(folder, 'reuters.txt')])
  expect(again.code).toBe(0)
  expect(again.stdout).toMatch(/duplicates\s+1\n/)
})

test('extract prints one JSON line per input and never needs the database', async () => {
  const run = await claimline(['extract', path.join(DEMO_DIR, '004_beb8acb8efdee709.txt'), 'no-such-file.html'], {
    ...process.env,
    DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
  })
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l))
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatchObject({ id: 'no-such-file', error: { code: 'not-found' } })
  expect(lines[1]).toMatchObject({
    id: '004_beb8acb8efdee709',
    title: 'Microsoft says not part of broad government online monitoring',
    byline: 'Bill Rigby',
    publisher: 'Reuters',
    dateline: 'SEATTLE',
    published: '2013-06-06T20:43:00-04:00',
  })
  expect(lines[1].body.startsWith('SEATTLE (Reuters) - Microsoft Corp said')).toBe(true)
  expect(run.code).toBe(1)
})

test('an unknown command prints the usage', async () => {
  const run = await claimline(['frobnicate'])
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('Unknown command "frobnicate"')
})
