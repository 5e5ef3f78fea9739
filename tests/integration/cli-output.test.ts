// What the CLI prints reaches its reader whole, however slowly the reader reads: standard
// output is flushed before the process exits (it was cut at a multiple of 64 KiB).
import { spawn } from 'node:child_process'
import { expect, test } from 'vitest'
import { getDatabase, getDb } from '@/lib/db'
import { ingestOne } from '@/lib/ingest/store/ingest'
import { claimline, CLI_TEST_TIMEOUT } from './helpers/claimline'

// A report of some 130 KB, different in every sentence, so no two articles look alike.
function longReport(n: number): string {
  const paragraphs = Array.from({ length: 400 }, (_, p) =>
    Array.from(
      { length: 4 },
      (_, s) => `Report ${n} paragraph ${p} sentence ${s}: the regulator said on day ${(n * 7919 + p * 31 + s) % 997} that the filing was late.`,
    ).join(' '),
  )
  return [`Regulator report number ${n}`, ...paragraphs].join('\n\n')
}

test(
  'an export of more than 1 MB reaches a slow reader through a pipe whole, and parses',
  async () => {
    await getDatabase() // this process owns the database and serves it to the CLI
    for (let n = 0; n < 10; n++) {
      const result = await ingestOne({ bytes: new TextEncoder().encode(longReport(n)), name: `report-${n}.txt` }, { actorId: null })
      expect(result.status).toBe('created')
    }
    expect(await getDb().article.count()).toBe(10)

    const run = await claimline(['export'], { readAfterMs: 1500 })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout.length).toBeGreaterThan(1024 * 1024)
    const archive = JSON.parse(run.stdout.toString('utf8')) as { format: string; articles: { title: string }[] }
    expect(archive.format).toBe('claimline-export')
    expect(archive.articles).toHaveLength(10)
  },
  CLI_TEST_TIMEOUT,
)

test(
  'a reader that stops early (| head) ends the command quietly, exit 0, no stack trace',
  async () => {
    const child = spawn(process.execPath, ['scripts/claimline.mjs', 'export'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // Take the first chunk, then close the pipe, as `head -c` does.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
    expect([code, stderr]).toEqual([0, ''])
  },
  CLI_TEST_TIMEOUT,
)
