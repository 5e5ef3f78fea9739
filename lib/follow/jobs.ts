// Followed feeds polled as jobs, off the request path, by pg-boss: its jobs, schedules, retries
// and locks live in the database, so on PostgreSQL any number of app instances share them (a
// job is fetched by one instance, `FOR UPDATE SKIP LOCKED`; the minute's cron tick is sent by
// one), and on the embedded database the same code runs in the one process that owns PGlite.
//
// Why pg-boss (10.4.2, pinned): it takes a `db` object with one `executeSql` method, so on the
// embedded database it runs over the same gated PGlite session as everything else (tried: its
// schema, singleton sends, schedules and workers on PGlite 0.5.14 and PostgreSQL 15).
// graphile-worker needs a pg pool of its own and a LISTEN connection, which PGlite's one shared
// session cannot give. Releases from 11 on require Node 22; Claimline supports Node 20.
//
// The jobs: a tick every minute sends one poll job per due feed (singleton per feed: never two
// waiting); a poll job polls its feed (lib/follow/poll.ts, which claims the feed's interval in
// the feed's row, so even a poll sent twice runs once) and sends a suggest job for the new
// articles; a suggest job runs the suggestion engine on them. Users' webhooks (webhook.ts): each
// tick, and after each suggest job, a scan job per webhook finds what is new for its user and
// sends a delivery job per item; deliveries are retried with backoff.
import PgBoss from 'pg-boss'
import type { SqlPool } from '../database/sql'
import { getDatabase } from '../db'
import { listDueFeedIds } from '../queries/followed-feeds'
import { listFollowWebhookUserIds } from '../queries/follow-webhooks'
import { onShutdown } from '../runtime/shutdown'
import { pollFeed, suggestForNewArticles, type PollOptions, type PollOutcome } from './poll'
import { deliverWebhook, scanWebhookNews, type Delivery, type DeliveryOutcome } from './webhook'
import type { PostOptions } from './webhook-post'
import { inBackground } from '../workers/background'

const TICK = 'follow-tick'
const POLL = 'follow-poll'
const SUGGEST = 'follow-suggest'
const WEBHOOK_SCAN = 'follow-webhook-scan'
const WEBHOOK_SEND = 'follow-webhook-send'
// Feeds sent to polling per tick; the next tick takes the rest.
const DUE_PER_TICK = 5_000
// Suggest jobs (each a poll's new articles) taken at once.
const SUGGEST_BATCH = 50

export type FollowJobsOptions = {
  // Feeds this instance polls at once (each poll mostly waits on the network).
  concurrency?: number
  // How often each worker asks for work, in seconds (pg-boss polls its job table).
  pollingIntervalSeconds?: number
  // Ticks by cron (every minute); tests tick by hand instead.
  schedule?: boolean
  // Passed to every poll (tests allow their local server here).
  poll?: Omit<PollOptions, 'now'>
  // Told of every poll this instance ran (a log line; tests count them).
  onPoll?: (feedId: string, outcome: PollOutcome) => void
  pool?: SqlPool
  webhook?: {
    // Passed to every delivery (tests allow their local receiver here).
    post?: PostOptions
    // Tries after the first (pg-boss doubles the delay each time): 5, from 30 s, by default.
    retryLimit?: number
    retryDelaySeconds?: number
    // Told of every delivery attempt: its outcome, or the error it will be retried after.
    onDelivery?: (delivery: Delivery, outcome: DeliveryOutcome | { status: 'failed'; error: string }) => void
  }
}

export type FollowJobs = {
  // Sends a tick now: the due feeds are polled without waiting for the minute.
  tick(): Promise<void>
  // Resolves when no follow job is waiting or running (tests, the benchmark).
  idle(): Promise<void>
  stop(): Promise<void>
}

type PollData = { feedId: string }
type SuggestData = { articleIds: string[] }
type ScanData = { userId: string }

// pg-boss speaks to the database through this: statements with parameters as prepared queries,
// parameterless scripts (its migrations are several statements) with the simple protocol.
export function bossDb(pool: SqlPool): PgBoss.Db {
  return {
    executeSql: (text: string, values?: unknown[]) =>
      pool.session(async (session) => ({ rows: values && values.length > 0 ? await session.query(text, values) : await session.exec(text) })),
  }
}

const isPollData = (data: unknown): data is PollData => typeof data === 'object' && data !== null && 'feedId' in data && typeof data.feedId === 'string'
const isSuggestData = (data: unknown): data is SuggestData =>
  typeof data === 'object' && data !== null && 'articleIds' in data && Array.isArray(data.articleIds) && data.articleIds.every((id) => typeof id === 'string')
const isScanData = (data: unknown): data is ScanData => typeof data === 'object' && data !== null && 'userId' in data && typeof data.userId === 'string'
const isDelivery = (data: unknown): data is Delivery =>
  isScanData(data) && 'body' in data && typeof data.body === 'string' && 'id' in data && typeof data.id === 'string'

// Instances starting together create the same queues at once, and pg-boss 10's queue creation
// (a table partition each) can deadlock against itself: the loser looks again and finds the queue.
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue & { name: string }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(queue.name)) return
    try {
      return await boss.createQueue(queue.name, queue)
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null
      if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250))
    }
  }
}

export async function startFollowJobs(options: FollowJobsOptions = {}): Promise<FollowJobs> {
  const pool = options.pool ?? (await getDatabase()).pool
  const boss = new PgBoss({ db: bossDb(pool), schema: 'pgboss', schedule: options.schedule ?? true, supervise: true })
  boss.on('error', (error: unknown) => console.error(`Follow jobs: ${error instanceof Error ? error.message : String(error)}`))
  await boss.start()
  // stately: at most one job per feed waiting and one running, so a slow feed is never queued
  // up tick after tick. The poll's own claim (lib/follow/poll.ts) makes a second run a no-op.
  await ensureQueue(boss, { name: POLL, policy: 'stately', retryLimit: 0, expireInSeconds: 15 * 60 })
  // Ticks too: one waiting is enough however often they are sent.
  await ensureQueue(boss, { name: TICK, policy: 'stately', retryLimit: 0, expireInSeconds: 5 * 60 })
  await ensureQueue(boss, { name: SUGGEST, retryLimit: 2, retryDelay: 60, expireInSeconds: 30 * 60 })
  await ensureQueue(boss, { name: WEBHOOK_SCAN, policy: 'stately', retryLimit: 0, expireInSeconds: 5 * 60 })
  const hook = options.webhook ?? {}
  await ensureQueue(boss, {
    name: WEBHOOK_SEND,
    retryLimit: hook.retryLimit ?? 5,
    retryDelay: hook.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: 2 * 60,
  })
  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }
  const scanAll = async () => {
    for (const userId of await listFollowWebhookUserIds()) await boss.send(WEBHOOK_SCAN, { userId } satisfies ScanData, { singletonKey: userId })
  }

  await boss.work(TICK, work, async () => {
    const due = await listDueFeedIds(new Date(), DUE_PER_TICK)
    for (const feedId of due) await boss.send(POLL, { feedId } satisfies PollData, { singletonKey: feedId })
    await scanAll()
  })
  for (let i = 0; i < Math.max(1, options.concurrency ?? 2); i++) {
    await boss.work(POLL, work, async ([job]) => {
      if (!job || !isPollData(job.data)) return
      const { feedId } = job.data
      const outcome = await inBackground(() => pollFeed(feedId, options.poll))
      options.onPoll?.(job.data.feedId, outcome)
      if (outcome.status === 'polled' && outcome.created.length > 0) await boss.send(SUGGEST, { articleIds: outcome.created } satisfies SuggestData)
      return outcome.status
    })
  }
  // Up to SUGGEST_BATCH waiting suggest jobs at once: a worker fetches once per polling interval,
  // so one job at a time took at most one poll's new articles every 2 s, and with many feeds
  // finding new items the queue only grew (bench/follow.ts, 1,000 feeds: 833 jobs waiting after
  // their first polls with 7 poll workers, 968 with 2).
  await boss.work(SUGGEST, { ...work, batchSize: SUGGEST_BATCH }, async (jobs) => {
    const articleIds = jobs.flatMap((job) => (isSuggestData(job.data) ? job.data.articleIds : []))
    if (articleIds.length === 0) return
    await inBackground(() => suggestForNewArticles(articleIds))
    await scanAll()
  })
  await boss.work(WEBHOOK_SCAN, work, async ([job]) => {
    if (!job || !isScanData(job.data)) return
    for (const delivery of await scanWebhookNews(job.data.userId)) await boss.send(WEBHOOK_SEND, delivery satisfies Delivery)
  })
  await boss.work(WEBHOOK_SEND, work, async ([job]) => {
    if (!job || !isDelivery(job.data)) return
    try {
      const outcome = await deliverWebhook(job.data, hook.post)
      hook.onDelivery?.(job.data, outcome)
      return outcome.status
    } catch (error) {
      hook.onDelivery?.(job.data, { status: 'failed', error: error instanceof Error ? error.message : String(error) })
      throw error
    }
  })
  if (options.schedule ?? true) await boss.schedule(TICK, '* * * * *')

  let stopped: Promise<void> | null = null
  const stop = () => (stopped ??= boss.stop({ graceful: true, wait: true, timeout: 20_000 }))
  onShutdown(stop)
  const tick = async () => void (await boss.send(TICK, {}))
  await tick() // what fell due while no instance ran is polled now, not at the next minute
  return {
    tick,
    stop,
    async idle() {
      // Jobs created, waiting for a retry or running: all states before 'completed'.
      const pending = () => Promise.all([TICK, POLL, SUGGEST, WEBHOOK_SCAN, WEBHOOK_SEND].map((name) => boss.getQueueSize(name, { before: 'completed' })))
      while ((await pending()).some((n) => n > 0)) await new Promise((resolve) => setTimeout(resolve, 100))
    },
  }
}
