// npm run bench:follow [-- --quick] [-- --feeds 1000] [-- --size 100000] [-- --interval 5] [-- --concurrency N]
//                      [-- --idle-requests 1000] [-- --max-minutes 20] [-- --postgres]
// Does polling followed feeds delay the pages? (Issue 20: 1,000 followed feeds polled on a
// 2-core machine, p95 of /timeline within 20 % of idle.)
// A fresh embedded database gets a synthetic archive (bench/lib/timeline-corpus.ts, 100k claims)
// and `next start` serves it, its follow jobs running on their own thread as they do on the embedded
// database. GET /timeline?entity=<the busiest company> is asked for one request after the other
// (as bench:timeline's pages), signed in as a viewer:
//   idle  the scheduler runs, no feed is followed: --idle-requests requests; and again after
//         the busy window, every feed paused and the follow jobs drained; the two together
//         are the idle figure (the machine's other work may change in between);
//   busy  --feeds feeds on a local feed server (bench/lib/feed-server.ts: RSS and Atom, each
//         publishing a new story every ~--period minutes, answering conditional requests with
//         304) are followed the way `claimline follow add` does it (followFeed, through the
//         server's database socket) every --interval minutes; from the first request the feed
//         server sees until every feed has been polled once (or --max-minutes), the page is
//         asked for without pause.
// It prints both p50/p95, busy p95 / idle p95 (target ≤ 1.20), what the jobs did in the window
// (polls, 304s, articles fetched and stored, suggestions made; from the feed server and the
// database) and how busy the machine was. Results are also written to bench/results/follow.json.
//
// --postgres runs it on a new database on the PostgreSQL server TEST_DATABASE_URL names instead
// (the jobs' thread and the pages then each talk to that server).
//
// The poll rate: each of the server's CLAIMLINE_FOLLOW_CONCURRENCY poll workers (2 unless set;
// --concurrency sets it) takes at most one job per pg-boss fetch interval (2 s), so the default
// polls at most one feed a second and the window holding every feed's first poll lasts ~17
// minutes for 1,000 feeds. --concurrency 7 polls 1,000 feeds within the shortest interval
// allowed (5 minutes), at 3.5 polls a second.
import { writeFileSync, mkdirSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { openDatabase } from '../lib/database/connect'
import { applyMigrations } from '../lib/database/migrate'
import type { SqlPool } from '../lib/database/sql'
import { createPrismaClient } from '../lib/db'
import { followFeed } from '../lib/follow/feeds'
import { MIN_INTERVAL_MINUTES } from '../lib/follow/schedule'
import { listFollowedFeeds, setFollowedFeedPaused } from '../lib/queries/followed-feeds'
import { getEnv } from '../lib/env'
import { argNumber, isMainModule, printRows, type BenchRow } from './lib/bench-rows'
import { startFeedServer, type FeedServerCounts } from './lib/feed-server'
import { withFreshDatabase, type BenchDatabaseKind, type FreshDatabase } from './lib/fresh-database'
import type { NewsSubject } from './lib/news-text'
import { createViewerCookie, ensureBuild, getPage, startServer } from './lib/page-server'
import { generateCorpus, type Corpus } from './lib/timeline-corpus'
import { summarise, type Timing } from './lib/timing'

const BENCHMARK = 'follow'
const TARGET_RATIO = 1.2
// The first requests after `next start` are slower (code loaded and compiled on first use).
const WARMUP_REQUESTS = 20
// How often the busy window checks how many feeds have been polled (a small query through the server's socket).
const PROGRESS_EVERY_MS = 10_000
// How long the second idle phase waits for the follow jobs under way (suggestions queued in the window) to finish.
const DRAIN_MINUTES = 2

export type FollowBenchOptions = {
  size: number
  feeds: number
  intervalMinutes: number
  concurrency: number | null
  // Mean minutes between two stories of one feed.
  periodMinutes: number
  // Stories each feed has published before it is followed.
  initialItems: number
  idleRequests: number
  maxMinutes: number
  database: BenchDatabaseKind
}

export const defaultFollowBenchOptions: FollowBenchOptions = {
  size: 100_000,
  feeds: 1_000,
  intervalMinutes: MIN_INTERVAL_MINUTES,
  concurrency: null,
  periodMinutes: 15,
  initialItems: 1,
  // Per idle phase. With 200 (12 s each) the idle p95 moved between 61 and 69 ms from one full run
  // to the next, and the ratio with it.
  idleRequests: 1_000,
  maxMinutes: 25,
  database: 'pglite',
}

export const quickFollowBenchOptions: Partial<FollowBenchOptions> = { size: 10_000, feeds: 200, idleRequests: 60, maxMinutes: 8 }

export function parseFollowOptions(args: string[]): FollowBenchOptions {
  const base = { ...defaultFollowBenchOptions, ...(args.includes('--quick') ? quickFollowBenchOptions : {}) }
  const concurrency = args.includes('--concurrency') ? Math.round(argNumber(args, '--concurrency', 1)) : base.concurrency
  return {
    size: Math.round(argNumber(args, '--size', base.size)),
    feeds: Math.round(argNumber(args, '--feeds', base.feeds)),
    intervalMinutes: Math.round(argNumber(args, '--interval', base.intervalMinutes)),
    concurrency,
    periodMinutes: argNumber(args, '--period', base.periodMinutes),
    initialItems: Math.round(argNumber(args, '--initial-items', base.initialItems)),
    idleRequests: Math.round(argNumber(args, '--idle-requests', base.idleRequests)),
    maxMinutes: argNumber(args, '--max-minutes', base.maxMinutes),
    database: args.includes('--postgres') ? 'postgres' : base.database,
  }
}

// The whole machine's CPU, all cores: how much of it was busy between two readings.
type CpuReading = { busy: number; total: number }
function readCpu(): CpuReading {
  return cpus().reduce(
    (sum, { times: t }) => ({ busy: sum.busy + t.user + t.nice + t.sys + t.irq, total: sum.total + t.user + t.nice + t.sys + t.irq + t.idle }),
    { busy: 0, total: 0 },
  )
}
const busyShare = (from: CpuReading, to: CpuReading) => (to.total > from.total ? (to.busy - from.busy) / (to.total - from.total) : Number.NaN)

type Phase = { timing: Timing; seconds: number; machineBusy: number; load1: number; samples: number[] }

// Jobs' work in the window, from the database.
type Work = {
  feedsPolled: number
  feedsFailing: number
  itemsIngested: number
  articles: number
  // Articles the suggestion jobs have been through, and the suggestions they made.
  articlesSuggested: number
  suggestions: number
  lastError: string | null
}

async function readWork(pool: SqlPool, feedHost: string): Promise<Work> {
  return pool.session(async (s) => {
    const [feeds] = await s.query<{ polled: string; failing: string; items: string; error: string | null }>(
      `SELECT count(*) FILTER (WHERE "lastPolledAt" IS NOT NULL)::text AS polled, count(*) FILTER (WHERE "consecutiveFailures" > 0)::text AS failing,
              coalesce(sum("itemsIngested"), 0)::text AS items, max("lastError") AS error FROM "FollowedFeed"`,
    )
    const [stored] = await s.query<{ articles: string; suggested: string; suggestions: string }>(
      `SELECT (SELECT count(*) FROM "Article" WHERE "sourceUrl" LIKE $1)::text AS articles,
              (SELECT count(*) FROM "Article" WHERE "sourceUrl" LIKE $1 AND "suggestedWith" IS NOT NULL)::text AS suggested,
              (SELECT count(*) FROM "ClaimSuggestion" cs JOIN "Article" a ON a.id = cs."articleId" WHERE a."sourceUrl" LIKE $1)::text AS suggestions`,
      [`${feedHost}/%`],
    )
    return {
      feedsPolled: Number(feeds?.polled ?? 0),
      feedsFailing: Number(feeds?.failing ?? 0),
      itemsIngested: Number(feeds?.items ?? 0),
      articles: Number(stored?.articles ?? 0),
      articlesSuggested: Number(stored?.suggested ?? 0),
      suggestions: Number(stored?.suggestions ?? 0),
      lastError: feeds?.error ?? null,
    }
  })
}

// Follow jobs waiting or running (pg-boss's job table; the minute's tick aside, which finds nothing due once every feed is paused).
async function pendingFollowJobs(pool: SqlPool): Promise<number> {
  const [row] = await pool.session((s) =>
    s.query<{ n: string }>(`SELECT count(*)::text AS n FROM pgboss.job WHERE name LIKE 'follow-%' AND name <> 'follow-tick' AND state < 'completed'`),
  )
  return Number(row?.n ?? 0)
}

async function listSubjects(pool: SqlPool): Promise<NewsSubject[]> {
  const rows = await pool.session((s) =>
    s.query<{ company: string; people: string[] | null }>(
      `SELECT c.name AS company, array_remove(array_agg(p.name ORDER BY p.name), NULL) AS people
         FROM "Entity" c LEFT JOIN "Entity" p ON p."affiliationId" = c.id AND p.kind = 'person'
        WHERE c.kind = 'company' GROUP BY c.name ORDER BY c.name`,
    ),
  )
  return rows.map((r) => ({ company: r.company, people: r.people ?? [] }))
}

async function timedPage(url: string, cookie: string): Promise<number> {
  const page = await getPage(url, cookie)
  if (page.status !== 200 || page.items === 0) throw new Error(`GET ${url} answered ${page.status} with ${page.items} timeline items`)
  return page.ms
}

const ms = (n: number) => n.toFixed(1).padStart(7)
function printPhase(name: string, p: Phase): void {
  console.log(
    `  ${name.padEnd(5)} ${String(p.timing.runs).padStart(5)} requests in ${p.seconds.toFixed(0).padStart(4)} s  p50 ${ms(p.timing.p50)} ms  p95 ${ms(p.timing.p95)} ms  max ${ms(p.timing.max)} ms  machine CPU ${(p.machineBusy * 100).toFixed(0)} %  load ${p.load1.toFixed(2)}`,
  )
}

type Measured = {
  corpus: Corpus
  concurrency: number
  // Before and after the busy window, pooled.
  idle: Phase
  idleBefore: Phase
  idleAfter: Phase | null
  // Follow jobs left when the wait for them to finish ended (the suggestion queue's backlog).
  pendingAfterDrain: number
  busy: Phase
  followSeconds: number
  firstPollAfterS: number
  allPolledAfterS: number | null
  work: Work
  served: FeedServerCounts
}

async function measureOn(fresh: FreshDatabase, options: FollowBenchOptions, concurrency: number): Promise<Measured> {
  const setup = await openDatabase(fresh.config)
  let corpus: Corpus
  let cookie: string
  let subjects: NewsSubject[]
  try {
    await applyMigrations(setup.pool)
    corpus = await generateCorpus(setup.pool, options.size)
    cookie = await createViewerCookie(setup.pool)
    subjects = await listSubjects(setup.pool)
  } finally {
    // Before the server starts: it must be the data directory's only owner.
    await setup.close()
  }
  console.log(
    `${corpus.counts.claims} claims in ${corpus.counts.articles} articles (generated in ${(corpus.ms / 1000).toFixed(1)} s); big company ${corpus.big.name} (${corpus.big.claimsAbout} claims about it)`,
  )

  const server = await startServer(fresh.url, { CLAIMLINE_FETCH_ALLOW: '127.0.0.1', CLAIMLINE_FOLLOW_CONCURRENCY: String(concurrency) })
  try {
    const url = `${server.url}/timeline?entity=${corpus.big.id}`
    for (let i = 0; i < WARMUP_REQUESTS; i++) await timedPage(url, cookie)

    const sampleUntil = async (done: (samples: number) => boolean | Promise<boolean>): Promise<Phase> => {
      const samples: number[] = []
      const cpu = readCpu()
      const started = performance.now()
      while (!(await done(samples.length))) samples.push(await timedPage(url, cookie))
      return {
        timing: summarise(samples),
        seconds: (performance.now() - started) / 1000,
        machineBusy: busyShare(cpu, readCpu()),
        load1: loadavg()[0] ?? 0,
        samples,
      }
    }

    const idleBefore = await sampleUntil((n) => n >= options.idleRequests)
    printPhase('idle', idleBefore)

    // Through the server's socket, as the command line is while the server runs.
    const client = await openDatabase(fresh.config)
    const prisma = createPrismaClient(client.config, client.adapter)
    const feeds = await startFeedServer({
      feeds: options.feeds,
      subjects,
      initialItems: options.initialItems,
      meanPeriodMs: options.periodMinutes * 60_000,
    })
    try {
      const feedHost = new URL(feeds.feedUrls[0] ?? 'http://127.0.0.1').origin
      const followStarted = performance.now()
      for (const feedUrl of feeds.feedUrls) await followFeed({ url: feedUrl, intervalMinutes: options.intervalMinutes }, null, prisma)
      const followSeconds = (performance.now() - followStarted) / 1000
      console.log(
        `  followed ${options.feeds} feeds in ${followSeconds.toFixed(1)} s, every ${options.intervalMinutes} min; waiting for the scheduler's tick …`,
      )

      // The window opens when the first poll reaches the feed server (the scheduler ticks each minute).
      const followedAt = Date.now()
      const deadline = followedAt + options.maxMinutes * 60_000
      while (feeds.counts().firstRequestAt === null) {
        if (Date.now() > deadline) throw new Error(`no feed was polled within ${options.maxMinutes} minutes`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const firstPollAfterS = ((feeds.counts().firstRequestAt ?? followedAt) - followedAt) / 1000
      let allPolledAt: number | null = null
      let nextCheck = 0
      const busy = await sampleUntil(async () => {
        if (Date.now() > deadline) return true
        if (Date.now() < nextCheck) return false
        nextCheck = Date.now() + PROGRESS_EVERY_MS
        const work = await readWork(client.pool, feedHost)
        const served = feeds.counts()
        console.log(
          `    +${((Date.now() - followedAt) / 1000).toFixed(0).padStart(4)} s  ${work.feedsPolled}/${options.feeds} feeds polled, ${served.feeds} feeds + ${served.notModified} × 304 served, ${served.articles} article pages, ${work.articles} stored, ${work.articlesSuggested} suggested (${work.suggestions} suggestions)`,
        )
        if (work.feedsPolled < options.feeds) return false
        allPolledAt = Date.now()
        return true
      })
      printPhase('busy', busy)
      const work = await readWork(client.pool, feedHost)
      const served = feeds.counts()
      if (work.lastError) console.log(`  ${work.feedsFailing} feeds failing; one error: ${work.lastError}`)

      // Idle again: every feed paused (as an editor pauses one), the jobs under way finished.
      const pausing = performance.now()
      for (const { id } of await listFollowedFeeds(prisma)) await setFollowedFeedPaused(id, true, null, new Date(), prisma)
      const drainUntil = Date.now() + DRAIN_MINUTES * 60_000
      let pending = await pendingFollowJobs(client.pool)
      while (pending > 0 && Date.now() < drainUntil) {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        pending = await pendingFollowJobs(client.pool)
      }
      const drainedS = (performance.now() - pausing) / 1000
      let idleAfter: Phase | null = null
      if (pending === 0) {
        console.log(`  paused every feed and waited ${drainedS.toFixed(0)} s for the jobs under way to finish`)
        idleAfter = await sampleUntil((n) => n >= options.idleRequests)
        printPhase('idle', idleAfter)
      } else console.log(`  paused every feed; ${pending} follow jobs still waiting or running after ${drainedS.toFixed(0)} s: no second idle phase`)
      const idlePhases = idleAfter ? [idleBefore, idleAfter] : [idleBefore]
      const idleSeconds = idlePhases.reduce((sum, p) => sum + p.seconds, 0)
      const idle: Phase = {
        timing: summarise(idlePhases.flatMap((p) => p.samples)),
        seconds: idleSeconds,
        machineBusy: idlePhases.reduce((sum, p) => sum + p.machineBusy * p.seconds, 0) / idleSeconds,
        load1: Math.max(...idlePhases.map((p) => p.load1)),
        samples: idlePhases.flatMap((p) => p.samples),
      }
      return {
        corpus,
        concurrency,
        idle,
        idleBefore,
        idleAfter,
        pendingAfterDrain: pending,
        busy,
        followSeconds,
        firstPollAfterS,
        allPolledAfterS: allPolledAt === null ? null : (allPolledAt - followedAt) / 1000,
        work,
        served,
      }
    } finally {
      await prisma.$disconnect()
      await client.close()
      await feeds.close()
    }
  } finally {
    await server.stop()
  }
}

function rowsOf(m: Measured, options: FollowBenchOptions): BenchRow[] {
  const on = options.database === 'postgres' ? ' (PostgreSQL)' : ''
  const label = `${options.size / 1000}k claims${on}, ${options.feeds} feeds every ${options.intervalMinutes} min, ${m.concurrency} poll workers`
  const row = (scenario: string, metric: string, value: number, unit: string): BenchRow => ({ benchmark: BENCHMARK, scenario, metric, value, unit })
  const ratio = m.busy.timing.p95 / m.idle.timing.p95
  const allPolled = m.allPolledAfterS !== null
  return [
    row(`${label}: GET /timeline idle`, 'p50', m.idle.timing.p50, 'ms'),
    row(`${label}: GET /timeline idle`, 'p95', m.idle.timing.p95, 'ms'),
    row(`${label}: GET /timeline idle, before`, 'p95', m.idleBefore.timing.p95, 'ms'),
    ...(m.idleAfter ? [row(`${label}: GET /timeline idle, after`, 'p95', m.idleAfter.timing.p95, 'ms')] : []),
    row(label, 'follow jobs left after the wait', m.pendingAfterDrain, 'count'),
    row(`${label}: GET /timeline while polling`, 'p50', m.busy.timing.p50, 'ms'),
    row(`${label}: GET /timeline while polling`, 'p95', m.busy.timing.p95, 'ms'),
    // Judged only when every feed was polled in the window: otherwise the load was not what the target is about.
    { ...row(label, 'busy p95 / idle p95', ratio, 'ratio'), target: `≤ ${TARGET_RATIO}`, pass: allPolled && ratio <= TARGET_RATIO },
    row(label, 'requests while polling', m.busy.timing.runs, 'count'),
    row(label, 'window', m.busy.seconds, 's'),
    row(label, 'feeds polled', m.work.feedsPolled, 'count'),
    row(label, 'feed answers 200', m.served.feeds, 'count'),
    row(label, 'feed answers 304', m.served.notModified, 'count'),
    row(label, 'article pages fetched', m.served.articles, 'count'),
    row(label, 'articles stored', m.work.articles, 'count'),
    row(label, 'articles suggested', m.work.articlesSuggested, 'count'),
    row(label, 'suggestions made', m.work.suggestions, 'count'),
    row(label, 'feeds failing', m.work.feedsFailing, 'count'),
    row(label, 'machine CPU idle phase', m.idle.machineBusy * 100, '%'),
    row(label, 'machine CPU while polling', m.busy.machineBusy * 100, '%'),
  ]
}

export async function run(options: FollowBenchOptions = defaultFollowBenchOptions): Promise<BenchRow[]> {
  if (options.database === 'postgres' && !process.env.TEST_DATABASE_URL)
    throw new Error('--postgres needs TEST_DATABASE_URL=postgresql://… (a server where it may create a database)')
  const failure = ensureBuild()
  if (failure) throw new Error(`next build failed: ${failure}`)
  // The server is given this process's environment: its setting, or the product's default.
  const concurrency = options.concurrency ?? getEnv().CLAIMLINE_FOLLOW_CONCURRENCY
  console.log(
    `bench:follow: ${options.size} claims on ${options.database === 'postgres' ? 'PostgreSQL' : 'the embedded database'}; ${options.feeds} feeds every ${options.intervalMinutes} min (a story per feed every ~${options.periodMinutes} min, ${options.initialItems} out before following); ${concurrency} poll workers; ${cpus().length} CPUs, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  const m = await withFreshDatabase(options.database, 'bench_follow', (fresh) => measureOn(fresh, options, concurrency))
  const ratio = m.busy.timing.p95 / m.idle.timing.p95
  console.log(
    `\n  first poll ${m.firstPollAfterS.toFixed(0)} s after following; ${m.allPolledAfterS === null ? `NOT every feed polled within ${options.maxMinutes} min` : `every feed polled ${m.allPolledAfterS.toFixed(0)} s after following`}`,
  )
  console.log(
    `  in the window: ${m.served.feeds} feeds and ${m.served.notModified} × 304 served, ${m.served.articles} article pages fetched, ${m.work.articles} articles stored, ${m.work.articlesSuggested} of them suggested (${m.work.suggestions} suggestions)`,
  )
  console.log(
    `  p95 busy ${m.busy.timing.p95.toFixed(1)} ms / idle ${m.idle.timing.p95.toFixed(1)} ms = ${ratio.toFixed(2)}: ${ratio <= TARGET_RATIO && m.allPolledAfterS !== null ? 'PASS' : 'FAIL'} (target ≤ ${TARGET_RATIO})\n`,
  )
  const rows = rowsOf(m, options)
  const out = path.join(process.cwd(), 'bench', 'results', options.database === 'postgres' ? 'follow-postgres.json' : 'follow.json')
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        ranAt: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        options: { ...options, concurrency },
        corpus: { counts: m.corpus.counts, big: m.corpus.big },
        idle: { ...m.idle, samples: undefined },
        idleBefore: { ...m.idleBefore, samples: undefined },
        idleAfter: m.idleAfter ? { ...m.idleAfter, samples: undefined } : null,
        pendingAfterDrain: m.pendingAfterDrain,
        busy: { ...m.busy, samples: undefined },
        ratio,
        targetRatio: TARGET_RATIO,
        followSeconds: m.followSeconds,
        firstPollAfterS: m.firstPollAfterS,
        allPolledAfterS: m.allPolledAfterS,
        work: m.work,
        served: m.served,
      },
      null,
      2,
    )}\n`,
  )
  console.log(`written to ${path.relative(process.cwd(), out)}`)
  return rows
}

if (isMainModule(import.meta.url)) {
  run(parseFollowOptions(process.argv.slice(2))).then(
    (rows) => {
      printRows(rows)
      process.exit(0)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
