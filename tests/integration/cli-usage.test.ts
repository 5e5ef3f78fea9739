// What the CLI accepts is what its usage says: --date only as YYYY-MM-DD (06/05/2024 was read
// as 5 June without a word), ingest's usage names feeds and URLs, and reextract re-extracts
// everything only when asked with --all.
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { getDatabase, getDb } from '@/lib/db'
import { DEMO_DIR } from '@/lib/demo/load-demo'
import { claimline, CLI_TEST_TIMEOUT } from './helpers/claimline'
import { tempDir } from './helpers/test-databases'

const folder = tempDir('claimline-usage-')
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const article = path.join(folder, 'itnews.txt')
copyFileSync(path.join(DEMO_DIR, '000_c08aa10e5cdda9cf.txt'), article)

test(
  'ingest --date refuses anything but an existing YYYY-MM-DD day, before storing anything',
  async () => {
    await getDatabase() // this process owns the database and serves it to the CLI
    for (const [date, problem] of [
      ['06/05/2024', '--date takes a day as YYYY-MM-DD (2024-05-06 for 6 May 2024), not "06/05/2024".'],
      ['2024-02-30', '--date takes a day as YYYY-MM-DD (2024-05-06 for 6 May 2024), not "2024-02-30".'],
      ['5 June 2024', '--date takes a day as YYYY-MM-DD (2024-05-06 for 6 May 2024), not "5 June 2024".'],
    ]) {
      const run = await claimline(['ingest', article, '--date', date ?? ''])
      expect([run.code, run.stderr.trim().split('\n')]).toEqual([
        2,
        [problem, 'Usage: claimline ingest <files|folders|globs|feeds|URLs|-> [--update] [--publisher NAME] [--date YYYY-MM-DD]'],
      ])
    }
    const noValue = await claimline(['ingest', article, '--date'])
    expect([noValue.code, noValue.stderr.split('\n')[0]]).toEqual([2, '--date needs a value.'])
    expect(await getDb().article.count()).toBe(0)

    const dated = await claimline(['ingest', article, '--date', '2024-05-06'])
    expect(dated.code).toBe(0)
    const stored = await getDb().article.findFirstOrThrow({ select: { publishedAt: true, publishedSource: true } })
    expect(stored).toEqual({ publishedAt: new Date('2024-05-06T00:00:00Z'), publishedSource: 'editor' })
  },
  CLI_TEST_TIMEOUT,
)

test(
  'the usage names every kind of input ingest takes, and reextract’s two forms',
  async () => {
    const help = await claimline(['help'])
    expect(help.code).toBe(0)
    expect(help.stdout.toString()).toContain('  ingest FILES|FOLDERS|GLOBS|FEEDS|URLS|-\n')
    expect(help.stdout.toString()).toContain('  reextract --all | ID…  ')
  },
  CLI_TEST_TIMEOUT,
)

test(
  'reextract with nothing, or with --all and ids together, is a usage error; --all re-extracts',
  async () => {
    await getDatabase()
    for (const args of [[], ['--all', '0190a1b2-0000-7000-8000-000000000000'], ['--al']]) {
      const run = await claimline(['reextract', ...args])
      expect([run.code, run.stderr.trim()]).toEqual([2, 'Usage: claimline reextract --all | ARTICLE_ID…'])
    }
    const all = await claimline(['reextract', '--all'])
    expect(all.code).toBe(0)
    expect(all.stdout.toString()).toMatch(/^Re-extracted with /)
  },
  CLI_TEST_TIMEOUT,
)
