// npm run bench:timeline [-- --sizes 10000,100000] [-- --quick] [-- --no-http] [-- --repeats N] [-- --big-share 0.25]
// Timeline speed on synthetic corpora of 10k, 100k and 1M claims (bench/lib/timeline-corpus.ts),
// in a fresh embedded database each, and in a fresh PostgreSQL database as well when
// TEST_DATABASE_URL is set. For the company with the most coverage (~5% of all claims: the worst
// case) and for the median company, over one year and over all time, it times:
//   query        findClaimsForTimeline, the app's own query, through a Prisma client on the database
//   query+build  what loadTimeline does: the companies, the query, then buildTimeline
//   page extras  the other lists the page loads (companies, outlets, stories; speakers come from the view)
//   page         GET /timeline from `next start`, signed in, until the whole body arrived
//                (largest size only; --no-http skips it)
// --reuse DIR keeps each size's embedded database in DIR (with what the corpus holds beside it)
// and times it again on the next run instead of building it. The load runs with the summary and
// tally triggers off and counts them once at the end (bench/lib/timeline-corpus.ts), which took
// a 200k archive from 292 s to 60 s.
// --big-share S gives the big company that share of the claims instead of 5%: 200k claims at 0.25
// hold a big company the size of the 1M archive's (~50k claims, ~12k allegation clusters: its
// page's numbers), built in minutes.
// Each is warmed up, then repeated; p50/p95 in ms. Target: query p95 < 50 ms at 1M claims on the
// embedded database. Results are also written to bench/results/timeline.json.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, type Database } from '../lib/database/connect'
import type { DatabaseConfig } from '../lib/database/config'
import { applyMigrations } from '../lib/database/migrate'
import { createPrismaClient } from '../lib/db'
import type { PrismaClient } from '../lib/generated/prisma/client'
import { getCompanyNumbers, listUnansweredAllegations } from '../lib/queries/company-map'
import { getEntitiesByIds, listTimelineCompanies } from '../lib/queries/entities'
import { listOutlets } from '../lib/queries/outlets'
import { listStories } from '../lib/queries/stories'
import { findClaimsForTimeline } from '../lib/queries/timeline'
import { buildTimeline } from '../lib/timeline/build'
import { TIMELINE_LIMIT } from '../lib/timeline/load'
import { BIG_COMPANY_SHARE, CORPUS_FIRST_YEAR, CORPUS_YEARS, generateCorpus, type CompanyRef, type Corpus } from './lib/timeline-corpus'
import { createViewerCookie, ensureBuild, getPage, startServer } from './lib/page-server'
import { judgedP95, timeRepeated, summarise, type Timing } from './lib/timing'
import { isMainModule, type BenchRow } from './lib/bench-rows'

const TARGET_MS = 50
const TARGET_SIZE = 1_000_000
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000]
// The busiest full year of the corpus (coverage grows year on year).
const YEAR = { from: `${CORPUS_FIRST_YEAR + CORPUS_YEARS - 1}-01-01`, to: `${CORPUS_FIRST_YEAR + CORPUS_YEARS - 1}-12-31` }

type DatabaseKind = 'pglite' | 'postgres'
// cpuP95: the process's CPU milliseconds per run (p95) on the embedded database, which runs inside
// the process: what a query costs however busy the machine is (lib/timing.ts). The 1M target is
// judged on it there; wall time is printed beside it. Null for PostgreSQL and the HTTP pages.
type Result = { size: number; database: DatabaseKind; scenario: string; rows: number | null; truncated: boolean | null; cpuP95: number | null } & Timing

const cpuOf = (kind: DatabaseKind, cpu: Timing): number | null => (kind === 'pglite' ? cpu.p95 : null)
export type TimelineBenchOptions = { sizes: number[]; http: boolean; repeats: number; pageRepeats: number; reuse: string | null; bigShare: number }
type Options = TimelineBenchOptions

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? null) : null
}

function parseOptions(args: string[]): Options {
  const sizes = option(args, '--sizes')
  const bigShare = Number(option(args, '--big-share') ?? BIG_COMPANY_SHARE)
  if (!(bigShare > 0 && bigShare < 1)) throw new Error('--big-share needs a share between 0 and 1, e.g. 0.25')
  return {
    sizes: sizes
      ? sizes
          .split(',')
          .map((s) => Number(s.replace(/_/g, '')))
          .filter((n) => Number.isInteger(n) && n > 0)
      : args.includes('--quick')
        ? DEFAULT_SIZES.slice(0, 2)
        : DEFAULT_SIZES,
    http: !args.includes('--no-http'),
    repeats: Math.max(5, Number(option(args, '--repeats') ?? 30)),
    pageRepeats: Math.max(3, Number(option(args, '--page-repeats') ?? 20)),
    reuse: option(args, '--reuse'),
    bigShare,
  }
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-')
const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n))

function report(result: Result): Result {
  const rows = result.rows === null ? '' : `  ${result.rows} claims${result.truncated ? ' (truncated)' : ''}`
  const cpu = result.cpuP95 === null ? '' : `   cpu p95 ${ms(result.cpuP95).padStart(8)} ms`
  console.log(`  ${result.scenario.padEnd(30)} p50 ${ms(result.p50).padStart(8)} ms   p95 ${ms(result.p95).padStart(8)} ms${cpu}${rows}`)
  return result
}

// A fresh process is slow for its first queries: V8 compiles PGlite's WebAssembly (and the
// client's JavaScript) to optimised code as it runs hot, on background threads that the
// process's CPU time counts. On the 1M archive, run by run, the big company's year cost 1.3 s,
// then 120-270 ms CPU up to the 8th run, 25-35 ms up to the 75th, then about 20. A server pays
// this once in its life, so every query is run WARM_UP_ROUNDS times before any is timed (what
// that costs is printed); with 10 rounds the first scenario timed was still charged for some.
const WARM_UP_ROUNDS = 30

async function warmUp(prisma: PrismaClient, corpus: Corpus, scenarios: [string, CompanyRef, { from?: string; to?: string }][]): Promise<void> {
  const started = performance.now()
  const used = process.cpuUsage()
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const [, company, window] of scenarios) await findClaimsForTimeline({ companyIds: [company.id], ...window, limit: TIMELINE_LIMIT }, prisma)
    for (const company of [corpus.big, corpus.median]) {
      await findClaimsForTimeline({ companyIds: [company.id], unanswered: true, limit: TIMELINE_LIMIT }, prisma)
      await listUnansweredAllegations(company.id, 50, prisma)
      await getCompanyNumbers(company.id, prisma)
    }
  }
  const spent = process.cpuUsage(used)
  const ms = (spent.user + spent.system) / 1000
  console.log(`  warm-up: every query ${WARM_UP_ROUNDS} times, ${(performance.now() - started).toFixed(0)} ms wall, ${ms.toFixed(0)} ms CPU`)
}

async function timeDatabase(database: Database, corpus: Corpus, kind: DatabaseKind, options: Options): Promise<Result[]> {
  const prisma = createPrismaClient(database.config, database.adapter)
  const results: Result[] = []
  try {
    const scenarios: [string, CompanyRef, { from?: string; to?: string }][] = [
      ['big company, one year', corpus.big, YEAR],
      ['big company, all time', corpus.big, {}],
      ['median company, one year', corpus.median, YEAR],
      ['median company, all time', corpus.median, {}],
    ]
    await warmUp(prisma, corpus, scenarios)
    for (const [name, company, window] of scenarios) {
      const filter = { companyIds: [company.id], ...window, limit: TIMELINE_LIMIT }
      const query = await timeRepeated(() => findClaimsForTimeline(filter, prisma), options.repeats, 3)
      results.push(
        report({
          size: corpus.size,
          database: kind,
          scenario: `query: ${name}`,
          rows: query.last.claims.length,
          truncated: query.last.truncated,
          ...query.timing,
          cpuP95: cpuOf(kind, query.cpu),
        }),
      )
      const build = await timeRepeated(
        async () => {
          const companies = await getEntitiesByIds([company.id], prisma)
          const { claims, truncated } = await findClaimsForTimeline({ ...filter, companyIds: companies.map((c) => c.id) }, prisma)
          return buildTimeline(claims, companies, truncated)
        },
        options.repeats,
        3,
      )
      results.push(
        report({
          size: corpus.size,
          database: kind,
          scenario: `query+build: ${name}`,
          rows: build.last.items.length,
          truncated: build.last.truncated,
          ...build.timing,
          cpuP95: cpuOf(kind, build.cpu),
        }),
      )
    }
    // The claim map: the timeline's unanswered filter, and a company page's unanswered list and numbers.
    for (const [name, company] of [
      ['big company', corpus.big],
      ['median company', corpus.median],
    ] as const) {
      const unanswered = await timeRepeated(
        () => findClaimsForTimeline({ companyIds: [company.id], unanswered: true, limit: TIMELINE_LIMIT }, prisma),
        options.repeats,
        3,
      )
      results.push(
        report({
          size: corpus.size,
          database: kind,
          scenario: `query: unanswered, ${name}`,
          rows: unanswered.last.claims.length,
          truncated: unanswered.last.truncated,
          ...unanswered.timing,
          cpuP95: cpuOf(kind, unanswered.cpu),
        }),
      )
      const list = await timeRepeated(() => listUnansweredAllegations(company.id, 50, prisma), options.repeats, 3)
      results.push(
        report({
          size: corpus.size,
          database: kind,
          scenario: `query: unanswered list, ${name}`,
          rows: list.last.length,
          truncated: null,
          ...list.timing,
          cpuP95: cpuOf(kind, list.cpu),
        }),
      )
      const numbers = await timeRepeated(() => getCompanyNumbers(company.id, prisma), options.repeats, 3)
      results.push(
        report({
          size: corpus.size,
          database: kind,
          scenario: `query: company numbers, ${name}`,
          rows: numbers.last.allegations,
          truncated: null,
          ...numbers.timing,
          cpuP95: cpuOf(kind, numbers.cpu),
        }),
      )
    }
    const extras = await timeRepeated(
      () => Promise.all([listTimelineCompanies(prisma), listOutlets(prisma), listStories(prisma)]),
      Math.min(options.repeats, 10),
      1,
    )
    results.push(
      report({
        size: corpus.size,
        database: kind,
        scenario: 'page extras (menus)',
        rows: null,
        truncated: null,
        ...extras.timing,
        cpuP95: cpuOf(kind, extras.cpu),
      }),
    )
  } finally {
    await prisma.$disconnect()
  }
  return results
}

async function timePages(databaseUrl: string, cookie: string, corpus: Corpus, kind: DatabaseKind, options: Options): Promise<Result[]> {
  const server = await startServer(databaseUrl)
  const results: Result[] = []
  try {
    const base = `${server.url}/timeline?entity=${corpus.big.id}`
    for (const [name, url] of [
      ['page: big company, one year', `${base}&from=${YEAR.from}&to=${YEAR.to}`],
      ['page: big company, all time', base],
    ] as const) {
      const samples: number[] = []
      let last = await getPage(url, cookie)
      if (last.status !== 200) throw new Error(`GET ${url} answered ${last.status}`)
      for (let i = 0; i < 2; i++) await getPage(url, cookie)
      for (let i = 0; i < options.pageRepeats; i++) {
        last = await getPage(url, cookie)
        samples.push(last.ms)
      }
      results.push(report({ size: corpus.size, database: kind, scenario: name, rows: last.items, truncated: null, cpuP95: null, ...summarise(samples) }))
      console.log(`  ${''.padEnd(30)} ${(last.bytes / 1024).toFixed(0)} kB of HTML`)
    }
  } finally {
    await server.stop()
  }
  return results
}

function printCorpus(corpus: Corpus, description: string): void {
  const c = corpus.counts
  console.log(`${description}: generated ${label(corpus.size)} claims in ${(corpus.ms / 1000).toFixed(1)} s`)
  console.log(
    `  ${c.companies} companies, ${c.people} people, ${c.outlets} outlets, ${c.agencies} agencies, ${c.articles} articles, ${c.claims} claims, ${c.links} denial links`,
  )
  console.log(`  big company ${corpus.big.name}: ${corpus.big.claimsAbout} claims about it; median company ${corpus.median.name}: ${corpus.median.claimsAbout}`)
}

async function databaseSize(database: Database): Promise<number> {
  const [row] = await database.pool.session((s) => s.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes'))
  return Number(row?.bytes ?? 0)
}

type Run = { results: Result[]; corpus: Corpus; bytes: number }

// One corpus in one fresh database: generate, time the queries, then (optionally) the pages.
// `kept`: where an earlier --reuse run described the corpus it left in this database.
async function runOn(
  kind: DatabaseKind,
  config: DatabaseConfig,
  serverUrl: string,
  size: number,
  options: Options,
  http: boolean,
  kept: string | null = null,
): Promise<Run> {
  const database = await openDatabase(config)
  let cookie: string | null = null
  let run: Run
  try {
    await applyMigrations(database.pool)
    const reused = kept !== null && existsSync(kept)
    const corpus: Corpus = reused ? JSON.parse(readFileSync(kept, 'utf8')) : await generateCorpus(database.pool, size, undefined, options.bigShare)
    if (kept !== null && !reused) writeFileSync(kept, JSON.stringify(corpus))
    if (reused) console.log("(an archive kept by an earlier --reuse run: its build time is that run's)")
    const bytes = await databaseSize(database)
    printCorpus(corpus, `${kind} (${(bytes / 1024 ** 2).toFixed(0)} MB)`)
    run = { results: await timeDatabase(database, corpus, kind, options), corpus, bytes }
    if (http) cookie = await createViewerCookie(database.pool)
  } finally {
    // Before the server starts: it must be the data directory's only owner.
    await database.close()
  }
  if (cookie) run.results.push(...(await timePages(serverUrl, cookie, run.corpus, kind, options)))
  return run
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const judgedValue = (r: Result): number => judgedP95(r, r.cpuP95)

function printTable(results: Result[]): void {
  console.log('\nsize  database  scenario                          p50 ms    p95 ms   cpu p95   claims')
  for (const r of results) {
    const judged = r.size === TARGET_SIZE && r.database === 'pglite' && r.scenario.startsWith('query: ')
    const mark = judged ? (judgedValue(r) < TARGET_MS ? `  PASS (<${TARGET_MS} ms)` : `  FAIL (>=${TARGET_MS} ms)`) : ''
    const rows = r.rows === null ? '' : `${r.rows}${r.truncated ? '+' : ''}`
    console.log(
      `${label(r.size).padEnd(5)} ${r.database.padEnd(9)} ${r.scenario.padEnd(32)} ${ms(r.p50).padStart(7)} ${ms(r.p95).padStart(9)} ${ms(r.cpuP95 ?? Number.NaN).padStart(9)}   ${rows.padEnd(6)}${mark}`,
    )
  }
  if (!results.some((r) => r.size === TARGET_SIZE && r.database === 'pglite'))
    console.log(`(the ${TARGET_MS} ms target applies to ${label(TARGET_SIZE)} claims on PGlite, not run here)`)
}

export { parseOptions as parseTimelineOptions }

// Rows for the `npm run bench` table: p50 and p95 of every scenario, the 1M-claim embedded
// query p95s judged against the target.
export async function run(options: Options): Promise<BenchRow[]> {
  const results = await measure(options)
  return results.flatMap((r) => {
    const scenario = `${label(r.size)} claims, ${r.database}, ${r.scenario}`
    const judged = r.size === TARGET_SIZE && r.database === 'pglite' && r.scenario.startsWith('query: ')
    return [
      { benchmark: 'timeline', scenario, metric: 'p50', value: r.p50, unit: 'ms' },
      {
        benchmark: 'timeline',
        scenario,
        metric: 'p95',
        value: r.p95,
        unit: 'ms',
        ...(judged && r.cpuP95 === null ? { target: `< ${TARGET_MS}`, pass: r.p95 < TARGET_MS } : {}),
      },
      ...(r.cpuP95 === null
        ? []
        : [
            {
              benchmark: 'timeline',
              scenario,
              metric: 'cpu p95',
              value: r.cpuP95,
              unit: 'ms',
              ...(judged ? { target: `< ${TARGET_MS}`, pass: r.cpuP95 < TARGET_MS } : {}),
            },
          ]),
    ]
  })
}

async function measure(options: Options): Promise<Result[]> {
  const adminUrl = process.env.TEST_DATABASE_URL || null
  if (options.sizes.length === 0) throw new Error('--sizes needs a comma-separated list of claim counts, e.g. --sizes 10000,100000')
  const largest = Math.max(...options.sizes)
  let http = options.http
  if (http) {
    const failure = ensureBuild()
    if (failure) {
      console.error(`next build failed, skipping the page timings: ${failure}`)
      http = false
    }
  }
  console.log(
    `sizes ${options.sizes.map(label).join(', ')}; big company ${options.bigShare * 100}% of claims; databases: PGlite${adminUrl ? ' and PostgreSQL' : ' (set TEST_DATABASE_URL for PostgreSQL too)'}`,
  )
  console.log(
    `${options.repeats} timed repeats after 3 warm-ups (pages: ${options.pageRepeats} after 3); limit ${TIMELINE_LIMIT}; one year = ${YEAR.from}..${YEAR.to}; ${cpus().length} CPUs\n`,
  )

  const runs: (Run & { database: DatabaseKind })[] = []
  for (const size of options.sizes) {
    const root = options.reuse ?? mkdtempSync(path.join(tmpdir(), 'claimline-bench-'))
    const share = options.bigShare === BIG_COMPANY_SHARE ? '' : `-big${options.bigShare}`
    const dataDir = path.join(root, options.reuse ? `timeline-${label(size)}${share}` : 'db')
    const kept = options.reuse ? `${dataDir}.corpus.json` : null
    // A data folder without its description is a build that did not finish: start again.
    if (kept !== null && !existsSync(kept)) rmSync(dataDir, { recursive: true, force: true })
    try {
      runs.push({
        database: 'pglite',
        ...(await runOn('pglite', { kind: 'pglite', dataDir }, `pglite:${dataDir}`, size, options, http && size === largest, kept)),
      })
    } finally {
      if (!options.reuse) rmSync(root, { recursive: true, force: true })
    }
    console.log()
    if (!adminUrl) continue
    const name = `claimline_bench_${process.pid}_${size}`
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`)
    try {
      runs.push({
        database: 'postgres',
        ...(await runOn('postgres', { kind: 'postgres', url: url.toString() }, url.toString(), size, options, http && size === largest)),
      })
    } finally {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
    console.log()
  }

  const results = runs.flatMap((r) => r.results)
  printTable(results)
  const out = path.join(process.cwd(), 'bench', 'results', 'timeline.json')
  mkdirSync(path.dirname(out), { recursive: true })
  const corpora = runs.map((r) => ({
    database: r.database,
    size: r.corpus.size,
    generationMs: Math.round(r.corpus.ms),
    databaseBytes: r.bytes,
    counts: r.corpus.counts,
    big: r.corpus.big,
    median: r.corpus.median,
  }))
  writeFileSync(
    out,
    `${JSON.stringify({ ranAt: new Date().toISOString(), node: process.version, cpus: cpus().length, limit: TIMELINE_LIMIT, year: YEAR, targetMs: TARGET_MS, corpora, results }, null, 2)}\n`,
  )
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`)
  return results
}

if (isMainModule(import.meta.url)) await measure(parseOptions(process.argv.slice(2)))
