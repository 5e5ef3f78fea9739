// npm run bench:search [-- --size 100000] [-- --quick] [-- --repeats N] [-- --reuse DIR]
// Full-text search (lib/queries/search.ts) over a synthetic archive of 100 000 articles and the
// claims tagged in them (bench/lib/search-corpus.ts: invented companies and English words on
// Zipf curves, 1% long reads of ~50 kB), in a fresh embedded database, and in a fresh PostgreSQL
// database as well when TEST_DATABASE_URL is set. For a few shapes of query (a rare company, a
// company in one article in ten, a word in nearly every article, two words, a phrase, an
// exclusion, either of two names, claims only, the third page, only stop words) it times one
// page of ten results with their snippets, as /search and GET /api/search ask for it: warmed up,
// then repeated; p50/p95 in ms, with how many articles the words are in. Baselines in the same
// process: a primary-key lookup (what any statement costs here) and the article list's title
// filter (ILIKE), which is what finding words cost before. And the snippet bound: ts_headline
// over whole long reads against the paragraph a search actually cuts its snippet from.
// Target: p95 < 100 ms at 100 000 articles on the embedded database, for every shape, judged on
// the CPU time (lib/timing.ts judgedP95; wall time is printed beside it). The load
// of the machine is printed with the figures: on a shared machine they move with it. So the
// embedded runs also report the CPU time this process spent on each (the database runs inside
// it): what a search costs, whatever the wait for a core.
// Results are also written to bench/results/search.json. --reuse DIR keeps the embedded database
// in DIR (generated there when missing) and times an earlier one again: generating 100 000
// articles takes ten minutes or more.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { openDatabase, type Database } from '../lib/database/connect'
import { applyMigrations } from '../lib/database/migrate'
import { createPrismaClient } from '../lib/db'
import { Prisma, type PrismaClient } from '../lib/generated/prisma/client'
import { listArticles } from '../lib/queries/articles'
import { searchCoverage, type SearchType } from '../lib/queries/search'
import { anyWordQuery, hasExclusion } from '../lib/search/query'
import { argNumber, argValue, isMainModule, type BenchRow } from './lib/bench-rows'
import { benchDatabaseKinds, withFreshDatabase, type BenchDatabaseKind } from './lib/fresh-database'
import { generateSearchCorpus, searchCorpusVocabulary, type SearchCorpus } from './lib/search-corpus'
import { judgedP95, timeRepeated, type Timing } from './lib/timing'

const TARGET_MS = 100
const TARGET_SIZE = 100_000
const PAGE = 10

export type SearchBenchOptions = { size: number; repeats: number; reuse: string | null }

export function parseSearchOptions(args: readonly string[]): SearchBenchOptions {
  return {
    size: argNumber(args, '--size', args.includes('--quick') ? 20_000 : TARGET_SIZE),
    repeats: Math.max(5, argNumber(args, '--repeats', 30)),
    reuse: argValue(args, '--reuse'),
  }
}

type Measured = { timing: Timing; cpu: Timing }
type Shape = { name: string; text: string; type: SearchType | null; offset: number }
// cpu: the milliseconds of CPU this process spent per run. The embedded database runs inside the
// process, so on a machine shared with other work this is what a run costs, whatever the wait
// for a core; for PostgreSQL (another process) it is left out.
type Result = { size: number; database: BenchDatabaseKind; scenario: string; matches: number | null; hits: number | null; cpu: Timing | null } & Timing

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-')
const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n))

// Words picked by how often the corpus uses them (its lists are most frequent first).
function shapes(corpus: SearchCorpus): Shape[] {
  const company = (rank: number) => corpus.companies[Math.min(rank, corpus.companies.length - 1)] ?? 'Acme'
  const common = corpus.words[0] ?? 'said'
  return [
    { name: 'rare company', text: company(Math.floor(corpus.companies.length / 2)), type: null, offset: 0 },
    { name: 'company in 1 article in 10', text: company(1), type: null, offset: 0 },
    { name: 'word in nearly every article', text: common, type: null, offset: 0 },
    { name: 'two words', text: `${company(5)} ${corpus.words[1] ?? 'data'}`, type: null, offset: 0 },
    { name: 'phrase', text: '"direct access"', type: null, offset: 0 },
    { name: 'exclusion', text: `${company(3)} -${company(1)}`, type: null, offset: 0 },
    { name: 'either of two names', text: `${company(40)} or ${company(41)}`, type: null, offset: 0 },
    { name: 'claims only', text: company(1), type: 'claim', offset: 0 },
    { name: 'third page', text: company(1), type: null, offset: 2 * PAGE },
    { name: 'only stop words', text: 'the of and', type: null, offset: 0 },
  ]
}

function report(result: Result): Result {
  const matches = result.matches === null ? '' : `  (${result.matches} articles match, ${result.hits} shown)`
  const cpu = result.cpu ? `   cpu p50 ${ms(result.cpu.p50).padStart(7)} p95 ${ms(result.cpu.p95).padStart(7)}` : ''
  console.log(`  ${result.scenario.padEnd(46)} p50 ${ms(result.p50).padStart(8)} ms   p95 ${ms(result.p95).padStart(8)} ms${cpu}${matches}`)
  return result
}

async function countMatches(prisma: PrismaClient, text: string): Promise<number> {
  const [row] = await prisma.$queryRaw<
    { count: bigint }[]
  >`SELECT count(*) FROM "Article" WHERE "textSearch" @@ websearch_to_tsquery('english'::regconfig, ${text})`
  return Number(row?.count ?? 0)
}

// The snippet bound, measured: ts_headline over each whole long read, against what a search
// does (the first paragraph holding the words, within the first 20 000 characters).
async function snippetBound(prisma: PrismaClient, text: string, repeats: number): Promise<{ whole: Measured; bounded: Measured }> {
  const found = await prisma.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Article" WHERE length("bodyText") > 40000 AND "textSearch" @@ websearch_to_tsquery('english'::regconfig, ${text}) LIMIT ${PAGE}`
  if (found.length === 0) throw new Error(`no long read holds "${text}"`)
  const ids = Prisma.join(found.map((r) => Prisma.sql`${r.id}::uuid`))
  const whole = await timeRepeated(
    () =>
      prisma.$queryRaw`SELECT ts_headline('english'::regconfig, "bodyText", websearch_to_tsquery('english'::regconfig, ${text}), 'MaxFragments=1, MaxWords=40, MinWords=20') FROM "Article" WHERE id IN (${ids})`,
    repeats,
    2,
  )
  const bounded = await timeRepeated(
    () => prisma.$queryRaw`
      SELECT ts_headline('english'::regconfig, hit.text, websearch_to_tsquery('english'::regconfig, ${text}), 'MaxFragments=1, MaxWords=40, MinWords=20')
      FROM "Article" a
      CROSS JOIN LATERAL (
        SELECT t.text FROM string_to_table(left(a."bodyText", 20000), E'\n\n') AS t(text)
        WHERE to_tsvector('english'::regconfig, t.text) @@ websearch_to_tsquery('english'::regconfig, ${text}) LIMIT 1
      ) hit
      WHERE a.id IN (${ids})`,
    repeats,
    2,
  )
  return { whole, bounded }
}

async function timeDatabase(database: Database, corpus: SearchCorpus, kind: BenchDatabaseKind, size: number, repeats: number): Promise<Result[]> {
  const prisma = createPrismaClient(database.config, database.adapter)
  const results: Result[] = []
  const row = (scenario: string, measured: Measured, matches: number | null = null, hits: number | null = null) =>
    report({ size, database: kind, scenario, matches, hits, cpu: kind === 'pglite' ? measured.cpu : null, ...measured.timing })
  try {
    const anyId = (await prisma.article.findFirstOrThrow({ select: { id: true } })).id
    results.push(
      row('baseline: primary-key lookup', await timeRepeated(() => prisma.article.findUnique({ where: { id: anyId }, select: { id: true } }), repeats, 3)),
    )
    const titled = corpus.companies[1] ?? 'Acme'
    const list = await timeRepeated(() => listArticles({ q: titled, take: PAGE }, prisma), repeats, 3)
    results.push(row('baseline: title ILIKE (article list)', list, null, list.last.length))
    for (const shape of shapes(corpus)) {
      const filter = { text: shape.text, anyWords: anyWordQuery(shape.text), excludes: hasExclusion(shape.text), type: shape.type }
      const search = await timeRepeated(() => searchCoverage(filter, { offset: shape.offset, take: PAGE + 1 }, prisma), repeats, 3)
      results.push(row(`search: ${shape.name}`, search, await countMatches(prisma, shape.text), Math.min(PAGE, search.last.hits.length)))
    }
    const bound = await snippetBound(prisma, titled, Math.min(repeats, 10))
    results.push(row('snippets of 10 long reads: whole body', bound.whole))
    results.push(row('snippets of 10 long reads: as search cuts them', bound.bounded))
  } finally {
    await prisma.$disconnect()
  }
  return results
}

async function databaseSize(database: Database): Promise<number> {
  const [row] = await database.pool.session((s) => s.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes'))
  return Number(row?.bytes ?? 0)
}

type Run = { database: BenchDatabaseKind; corpus: SearchCorpus; bytes: number; results: Result[] }

// A database generated by an earlier run with --reuse: what it holds, and the corpus's words.
async function describeCorpus(database: Database, size: number): Promise<SearchCorpus> {
  const [row] = await database.pool.session((s) =>
    s.query<{ articles: number; claims: number; longReads: number; meanBodyChars: number }>(
      'SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Claim")::int AS claims, (SELECT count(*) FROM "Article" WHERE length("bodyText") > 40000)::int AS "longReads", (SELECT avg(length("bodyText")) FROM "Article")::int AS "meanBodyChars"',
    ),
  )
  if (!row || row.articles !== size)
    throw new Error(`the database holds ${row?.articles ?? 0} articles, not ${size}: run with the --size it was generated with`)
  return { ...row, ...searchCorpusVocabulary(size), ms: 0 }
}

async function timeOn(database: Database, kind: BenchDatabaseKind, options: SearchBenchOptions, reused: boolean): Promise<Run> {
  await applyMigrations(database.pool)
  const corpus = reused ? await describeCorpus(database, options.size) : await generateSearchCorpus(database.pool, options.size)
  const bytes = await databaseSize(database)
  const made = reused ? 'generated earlier' : `generated in ${(corpus.ms / 1000).toFixed(0)} s`
  console.log(
    `${kind} (${(bytes / 1024 ** 2).toFixed(0)} MB): ${corpus.articles} articles (${corpus.longReads} long reads, mean body ${corpus.meanBodyChars} characters) and ${corpus.claims} claims ${made}`,
  )
  console.log(
    `  load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  )
  return { database: kind, corpus, bytes, results: await timeDatabase(database, corpus, kind, options.size, options.repeats) }
}

async function runOn(kind: BenchDatabaseKind, options: SearchBenchOptions): Promise<Run> {
  if (kind === 'pglite' && options.reuse) {
    const reused = existsSync(options.reuse)
    const database = await openDatabase({ kind: 'pglite', dataDir: options.reuse })
    try {
      return await timeOn(database, kind, options, reused)
    } finally {
      await database.close()
    }
  }
  return withFreshDatabase(kind, 'bench_search', async (fresh) => {
    const database = await openDatabase(fresh.config)
    try {
      return await timeOn(database, kind, options, false)
    } finally {
      await database.close()
    }
  })
}

const judged = (r: Result) => r.size >= TARGET_SIZE && r.database === 'pglite' && r.scenario.startsWith('search: ')
// Judged on CPU time on the embedded database, as bench:timeline does (lib/timing.ts judgedP95).
const judgedValue = (r: Result) => judgedP95(r, r.cpu?.p95 ?? null)

function printTable(results: Result[]): void {
  console.log('\nsize  database  scenario                                          p50 ms    p95 ms  cpu p50  cpu p95  matches')
  for (const r of results) {
    const mark = judged(r) ? (judgedValue(r) < TARGET_MS ? `  PASS (<${TARGET_MS} ms, cpu p95)` : `  FAIL (>=${TARGET_MS} ms, cpu p95)`) : ''
    console.log(
      `${label(r.size).padEnd(5)} ${r.database.padEnd(9)} ${r.scenario.padEnd(49)} ${ms(r.p50).padStart(7)} ${ms(r.p95).padStart(9)} ${ms(r.cpu?.p50 ?? NaN).padStart(8)} ${ms(r.cpu?.p95 ?? NaN).padStart(8)}  ${String(r.matches ?? '').padEnd(7)}${mark}`,
    )
  }
  if (!results.some((r) => r.size >= TARGET_SIZE)) console.log(`(the ${TARGET_MS} ms target applies to ${label(TARGET_SIZE)} articles on PGlite, not run here)`)
}

async function measure(options: SearchBenchOptions): Promise<Result[]> {
  console.log(
    `bench:search: ${label(options.size)} articles; databases: PGlite${process.env.TEST_DATABASE_URL ? ' and PostgreSQL' : ' (set TEST_DATABASE_URL for PostgreSQL too)'}; ${options.repeats} timed repeats after 3 warm-ups; pages of ${PAGE}\n`,
  )
  const runs: Run[] = []
  for (const kind of benchDatabaseKinds()) {
    runs.push(await runOn(kind, options))
    console.log()
  }
  const results = runs.flatMap((r) => r.results)
  printTable(results)
  const out = path.join(process.cwd(), 'bench', 'results', 'search.json')
  mkdirSync(path.dirname(out), { recursive: true })
  const corpora = runs.map((r) => ({
    database: r.database,
    articles: r.corpus.articles,
    claims: r.corpus.claims,
    longReads: r.corpus.longReads,
    meanBodyChars: r.corpus.meanBodyChars,
    generationMs: Math.round(r.corpus.ms),
    databaseBytes: r.bytes,
  }))
  writeFileSync(
    out,
    `${JSON.stringify({ ranAt: new Date().toISOString(), node: process.version, cpus: cpus().length, loadavg: loadavg(), targetMs: TARGET_MS, corpora, results }, null, 2)}\n`,
  )
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`)
  return results
}

// Rows for the `npm run bench` table: p50 and p95 of every scenario, the embedded database's
// searches at 100 000 articles judged against the target.
export async function run(options: SearchBenchOptions): Promise<BenchRow[]> {
  const results = await measure(options)
  return results.flatMap((r) => {
    const scenario = `${label(r.size)} articles, ${r.database}, ${r.scenario}`
    return [
      { benchmark: 'search', scenario, metric: 'p50', value: r.p50, unit: 'ms' },
      {
        benchmark: 'search',
        scenario,
        metric: 'p95',
        value: r.p95,
        unit: 'ms',
        ...(judged(r) && !r.cpu ? { target: `< ${TARGET_MS}`, pass: r.p95 < TARGET_MS } : {}),
      },
      ...(r.cpu
        ? [
            {
              benchmark: 'search',
              scenario,
              metric: 'cpu p95',
              value: r.cpu.p95,
              unit: 'ms',
              ...(judged(r) ? { target: `< ${TARGET_MS}`, pass: judgedValue(r) < TARGET_MS } : {}),
            },
          ]
        : []),
    ]
  })
}

if (isMainModule(import.meta.url)) await measure(parseSearchOptions(process.argv.slice(2)))
