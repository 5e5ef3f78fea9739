// npm run bench:ingest [-- --count 10000] [-- --baseline-count 2000] [-- --workers N]
// Bulk ingest: real-shaped news pages (bench/lib/article-corpus.ts) stored through the same
// pipeline `claimline ingest` uses (ingestEntries: extraction on worker threads, batches of 100
// per transaction, duplicate and near-duplicate checks, audit rows) into a fresh embedded
// database, and into a fresh PostgreSQL database when TEST_DATABASE_URL is set. For comparison
// in the same process: extraction alone on one thread, and ingest with extraction on the main
// thread. Target: ≥ 200 articles/s into the embedded database.
import { openDatabase } from '../lib/database/connect'
import { applyMigrations } from '../lib/database/migrate'
import { createPrismaClient } from '../lib/db'
import { ingestMany, type IngestResult } from '../lib/ingest/store/ingest'
import { extractForStorage } from '../lib/ingest/store/prepare'
import { extractOnWorker } from '../lib/ingest/store/off-thread'
import { bulkPoolSize, createTaskPool } from '../lib/workers/pool'
import { WORKER_HEAP_MB } from '../lib/workers/shared'
import { generateArticles, type CorpusArticle } from './lib/article-corpus'
import { argNumber, isMainModule, printRows, type BenchRow } from './lib/bench-rows'
import { benchDatabaseKinds, withFreshDatabase, type BenchDatabaseKind } from './lib/fresh-database'

const TARGET = 200

export type IngestBenchOptions = { count: number; baselineCount: number; workers: number }

export function parseIngestOptions(args: readonly string[]): IngestBenchOptions {
  return {
    count: argNumber(args, '--count', 10_000),
    baselineCount: argNumber(args, '--baseline-count', 2_000),
    workers: argNumber(args, '--workers', bulkPoolSize()),
  }
}

const inputs = (articles: CorpusArticle[]) => articles.map((a) => ({ bytes: a.bytes, name: a.name, url: a.url }))

async function ingestInto(kind: BenchDatabaseKind, articles: CorpusArticle[], workers: number): Promise<{ perSecond: number; results: IngestResult[] }> {
  return withFreshDatabase(kind, 'bench_ingest', async (fresh) => {
    const database = await openDatabase(fresh.config)
    const prisma = createPrismaClient(database.config, database.adapter)
    const pool = workers > 0 ? createTaskPool({ size: workers, maxHeapMb: WORKER_HEAP_MB }) : null
    try {
      await applyMigrations(database.pool)
      const started = performance.now()
      const results = await ingestMany(
        inputs(articles),
        { actorId: null, extract: async (input, fixes) => (pool ? extractOnWorker(input, fixes, pool) : extractForStorage(input, fixes)) },
        undefined,
        prisma,
      )
      const seconds = (performance.now() - started) / 1000
      return { perSecond: articles.length / seconds, results }
    } finally {
      await pool?.close()
      await prisma.$disconnect()
      await database.close()
    }
  })
}

function checkAllCreated(label: string, results: IngestResult[]): void {
  const notCreated = results.filter((r) => r.status !== 'created')
  if (notCreated.length > 0) throw new Error(`${label}: ${notCreated.length} of ${results.length} were not created, e.g. ${JSON.stringify(notCreated[0])}`)
}

export async function run(options: IngestBenchOptions): Promise<BenchRow[]> {
  const corpus = generateArticles(options.count)
  console.log(
    `bench:ingest: ${options.count} real-shaped pages (mean ${(corpus.meanBytes / 1024).toFixed(1)} kB) generated in ${(corpus.ms / 1000).toFixed(1)} s; ${options.workers} extraction worker(s)`,
  )
  const rows: BenchRow[] = []
  const baseline = corpus.articles.slice(0, Math.min(options.baselineCount, corpus.articles.length))

  const started = performance.now()
  for (const input of inputs(baseline)) extractForStorage(input, undefined)
  const extractMs = (performance.now() - started) / baseline.length
  rows.push({ benchmark: 'ingest', scenario: `extraction only, 1 thread (${baseline.length})`, metric: 'per article', value: extractMs, unit: 'ms' })

  const single = await ingestInto('pglite', baseline, 0)
  checkAllCreated('baseline', single.results)
  rows.push({
    benchmark: 'ingest',
    scenario: `pglite, extraction on main thread (${baseline.length})`,
    metric: 'throughput',
    value: single.perSecond,
    unit: 'art/s',
  })

  for (const kind of benchDatabaseKinds()) {
    const { perSecond, results } = await ingestInto(kind, corpus.articles, options.workers)
    checkAllCreated(kind, results)
    const judged = kind === 'pglite'
    rows.push({
      benchmark: 'ingest',
      scenario: `${kind}, ${options.workers} worker(s) (${corpus.articles.length})`,
      metric: 'throughput',
      value: perSecond,
      unit: 'art/s',
      ...(judged ? { target: `>= ${TARGET}`, pass: perSecond >= TARGET } : {}),
    })
    console.log(`  ${kind}: ${perSecond.toFixed(1)} articles/s`)
  }
  return rows
}

if (isMainModule(import.meta.url)) {
  const rows = await run(parseIngestOptions(process.argv.slice(2)))
  printRows(rows)
}
