// claimline ingest <files|folders|globs|feeds|URLs|-> [--update] [--publisher NAME] [--date YYYY-MM-DD]
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { fetchArticle } from '../ingest/fetch/fetch-url'
import type { IngestOptions, IngestResult } from '../ingest/store/ingest'
import { ingestSources, type Source } from '../ingest/fetch/sources'
import { extractOnWorker } from '../ingest/store/off-thread'
import { bulkPoolSize, createTaskPool } from '../workers/pool'
import { WORKER_HEAP_MB } from '../workers/shared'
import { readStdin, resolveInputs } from './inputs'
import { progress } from './progress'

const USAGE = 'Usage: claimline ingest <files|folders|globs|feeds|URLs|-> [--update] [--publisher NAME] [--date YYYY-MM-DD]'

type Flags = { update: boolean; publisher: string | null; date: string | null; rest: string[] }

// Only YYYY-MM-DD, a day that exists: JavaScript's Date read `06/05/2024` as 5 June, where a
// desk writing day first meant 6 May, and nothing said so.
const day = z.iso.date()

// The flags, or what is wrong with them.
function parseFlags(args: string[]): Flags | string {
  const flags: Flags = { update: false, publisher: null, date: null, rest: [] }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--update') {
      flags.update = true
    } else if (arg === '--publisher' || arg === '--date') {
      const value = args[++i]
      if (value === undefined) return `${arg} needs a value.`
      if (arg === '--publisher') flags.publisher = value
      else if (day.safeParse(value).success) flags.date = value
      else return `--date takes a day as YYYY-MM-DD (2024-05-06 for 6 May 2024), not "${value}".`
    } else {
      flags.rest.push(arg)
    }
  }
  return flags
}

function describe(result: IngestResult): string {
  switch (result.status) {
    case 'created':
      return result.nearDuplicateOf
        ? `created "${result.article.title}" (near-duplicate of "${result.nearDuplicateOf.title}", ${Math.round(result.nearDuplicateOf.overlap * 100)}% shared)`
        : `created "${result.article.title}"`
    case 'updated':
      return `updated "${result.article.title}"`
    case 'duplicate':
      return `duplicate of "${result.article.title}" (${result.reason === 'same-url' ? 'same URL' : 'same text'})`
    case 'failed':
      return `failed: ${result.error.message}`
  }
}

export function summaryTable(results: IngestResult[], notices: string[] = []): string {
  const count = (status: IngestResult['status']) => results.filter((r) => r.status === status).length
  const rows = [
    ['created', count('created')],
    ['updated', count('updated')],
    ['duplicates', count('duplicate')],
    ['failed', count('failed')],
    ['total', results.length],
  ] as const
  const lines = rows.map(([label, n]) => `  ${label.padEnd(11)} ${String(n).padStart(6)}`)
  const failures = results.filter((r): r is Extract<IngestResult, { status: 'failed' }> => r.status === 'failed')
  if (failures.length > 0) {
    lines.push('', 'Failed:')
    for (const f of failures) lines.push(`  ${f.name}: ${f.error.message}`)
  }
  if (notices.length > 0) lines.push('', 'Note:', ...notices.map((notice) => `  ${notice}`))
  return lines.join('\n')
}

// A source is a file, standard input or a URL; a feed among them expands into its items.
export async function runIngest(args: string[]): Promise<number> {
  const flags = parseFlags(args)
  if (typeof flags === 'string') {
    console.error(`${flags}\n${USAGE}`)
    return 2
  }
  const urls = flags.rest.filter((a) => /^https?:\/\//i.test(a))
  const { files, stdin, missing } = resolveInputs(flags.rest.filter((a) => !urls.includes(a)))
  if (files.length === 0 && !stdin && missing.length === 0 && urls.length === 0) {
    console.error(USAGE)
    return 2
  }
  const options: IngestOptions = {
    actorId: null,
    update: flags.update,
    fixes: { publisher: flags.publisher ?? undefined, publishedAt: flags.date ?? undefined },
  }
  const results: IngestResult[] = missing.map((name) => ({ name, status: 'failed', error: { code: 'empty', message: `No such file or folder: ${name}` } }))
  const sources: Source[] = [
    ...files.map((file) => {
      const name = path.relative(process.cwd(), file) || file
      return { name, load: async () => ({ bytes: readFileSync(file), name }) }
    }),
    ...urls.map((url) => ({ name: url, load: () => fetchArticle(url) })),
    ...(stdin ? [{ name: 'standard input', load: async () => ({ bytes: readStdin(), name: 'standard input' }) }] : []),
  ]
  const bar = progress(sources.length)
  // Extracted on worker threads, one per core, while earlier batches are stored.
  const pool = createTaskPool({ size: bulkPoolSize(), maxHeapMb: WORKER_HEAP_MB })
  const notices: string[] = []
  try {
    const report = await ingestSources(
      sources,
      { ...options, extract: (input, fixes) => extractOnWorker(input, fixes, pool) },
      { onExpand: (count) => bar.grow(count - 1), onResult: (result) => bar.tick(`${result.name}: ${describe(result)}`) },
    )
    results.push(...report.results)
    notices.push(...report.notices)
  } finally {
    await pool.close()
  }
  bar.done()
  console.log(summaryTable(results, notices))
  return results.some((r) => r.status === 'failed') ? 1 : 0
}
