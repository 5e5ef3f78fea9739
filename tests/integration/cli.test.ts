// The claimline command line as a user runs it: a separate process. On the embedded database
// this test's process is the owner, so the CLI is served through its socket, as it is while
// the server runs.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { resolveApiToken } from '@/lib/auth/api-tokens'
import { signIn } from '@/lib/auth/sign-in'
import { getDatabase, getDb } from '@/lib/db'
import { DEMO_DIR } from '@/lib/demo/load-demo'
import { tempDir } from './helpers/test-databases'

// Asynchronous on purpose: this process serves the embedded database to the CLI, so its event
// loop must keep running while the CLI works.
function claimline(args: string[], env: NodeJS.ProcessEnv = process.env, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['scripts/claimline.mjs', ...args], { encoding: 'utf8', env }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0
      resolve({ code, stdout, stderr })
    })
    child.stdin?.end(input ?? '')
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
  const lines = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
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

test('user and token commands: the first admin from a terminal, a role change, a token that works once printed', async () => {
  await getDatabase()
  const created = await claimline(
    ['user', 'create', '--admin', '--email', 'Desk@Example.org', '--name', 'Night Desk', '--password-stdin'],
    process.env,
    'a long night-desk passphrase\n',
  )
  expect([created.code, created.stdout.trim()]).toEqual([0, 'Created Night Desk <desk@example.org> as admin. Sign in at /login.'])
  expect(await signIn('desk@example.org', 'a long night-desk passphrase', '127.0.0.1')).toMatchObject({ ok: true })

  const weak = await claimline(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--password-stdin'], process.env, 'short\n')
  expect([weak.code, weak.stderr.trim()]).toEqual([1, 'Use at least 12 characters.'])

  const demoted = await claimline(['user', 'role', 'desk@example.org', 'viewer'])
  expect([demoted.code, demoted.stderr.trim()]).toEqual([1, 'This is the last active admin: make another admin first.'])

  const token = await claimline(['token', 'create', '--email', 'desk@example.org', '--name', 'feed import', '--days', '7'])
  expect(token.code).toBe(0)
  expect((await resolveApiToken(token.stdout.trim()))?.email).toBe('desk@example.org')
  const list = await claimline(['user', 'list'])
  expect(list.stdout).toMatch(/desk@example\.org\s+admin\s+active\s+Night Desk/)
})
