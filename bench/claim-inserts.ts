// npx tsx bench/claim-inserts.ts [--claims 20000] [--singles 5000] [--rounds 3] [--without <migration>]
// What the triggers that keep cluster summaries and company tallies cost a bulk load: one
// INSERT of N claims (a new cluster each, as tagging and imports make them; about 200 companies,
// four kinds, 20 outlets), timed in a transaction that is rolled back, so every round starts
// from the same archive. Then (up to --singles) one-claim statements in one
// transaction, as a write path that inserts claim by claim does. On a fresh embedded database, and on PostgreSQL as well when
// TEST_DATABASE_URL is set. `--without <name>` leaves out the migrations whose folder name
// contains <name> (e.g. `--without tally_statement_triggers` times the row-level triggers that
// migration replaced), to compare both in one sitting. Wall time and this process's CPU time,
// median of the rounds, with the machine's load beside it: on a shared machine the wall times move
// with it.
import { loadavg } from 'node:os'
import { openDatabase } from '../lib/database/connect'
import { applyMigrations, readMigrations } from '../lib/database/migrate'
import type { SqlSession } from '../lib/database/sql'
import { argNumber, argValue } from './lib/bench-rows'
import { benchDatabaseKinds, withFreshDatabase } from './lib/fresh-database'

const args = process.argv.slice(2)
const claims = argNumber(args, '--claims', 20_000)
const rounds = argNumber(args, '--rounds', 3)
const singles = Math.min(claims, argNumber(args, '--singles', 5_000))
const without = argValue(args, '--without')

const SETUP = `
  INSERT INTO "Outlet" (id, name) SELECT gen_random_uuid(), 'Bench outlet ' || i FROM generate_series(1, 20) i;
  INSERT INTO "Entity" (id, kind, name, aliases, "updatedAt") SELECT gen_random_uuid(), 'company', 'Bench company ' || i, '{}', now() FROM generate_series(1, 200) i;
  INSERT INTO "Entity" (id, kind, name, aliases, "updatedAt") SELECT gen_random_uuid(), 'person', 'Bench person ' || i, '{}', now() FROM generate_series(1, 50) i;
  INSERT INTO "Article" (id, "outletId", title, bylines, "bodyText", "bodyHash", "extractorVersion", "extractionWarnings", "updatedAt")
  SELECT gen_random_uuid(), o.id, 'Bench article ' || i, '{}', 'Bench body ' || i, md5('bench' || i), 'bench', '{}', now()
  FROM generate_series(1, 1000) i JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "Outlet") o ON o.n = i % 20;`

// Claim i: article, company, speaker and kind spread evenly; worked out once, so that the
// timed statements are the inserts alone.
const SOURCE = `
  CREATE TABLE bench_claim (i int PRIMARY KEY, "articleId" uuid, kind "ClaimKind", "subjectId" uuid, "speakerId" uuid, "claimDate" date);
  WITH a AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "Article"),
       c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "Entity" WHERE kind = 'company'),
       p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM "Entity" WHERE kind = 'person')
  INSERT INTO bench_claim
  SELECT i, a.id, (ARRAY['allegation', 'allegation', 'statement', 'denial', 'report'])[1 + i % 5]::"ClaimKind", c.id,
         CASE WHEN i % 5 IN (2, 3) THEN p.id END, DATE '2013-06-01' + i % 60
  FROM generate_series(0, ${claims - 1}) i JOIN a ON a.n = i % 1000 JOIN c ON c.n = (i * 7) % 200 JOIN p ON p.n = i % 50;`

const INSERT_CLAIMS = `
  INSERT INTO "Claim" (id, "articleId", kind, quote, target, "subjectId", "speakerId", "claimDate", "updatedAt")
  SELECT gen_random_uuid(), "articleId", kind, 'Bench quote ' || i, '[]'::jsonb, "subjectId", "speakerId", "claimDate", now() FROM bench_claim`

type Timing = { wall: number; cpu: number }

// Wall time, and this process's CPU time: the embedded database runs in this process, so on
// PGlite the CPU time is the insert's cost whatever the wait for a core (or a pause).
async function timed(session: SqlSession, fn: () => Promise<unknown>): Promise<Timing> {
  await session.query('BEGIN')
  const started = performance.now()
  const cpu = process.cpuUsage()
  try {
    await fn()
    const used = process.cpuUsage(cpu)
    return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 }
  } finally {
    await session.query('ROLLBACK')
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const describe = (timings: Timing[]) =>
  `wall median ${median(timings.map((t) => t.wall)).toFixed(0)} ms (${timings.map((t) => t.wall.toFixed(0)).join(', ')}), ` +
  `CPU of this process median ${median(timings.map((t) => t.cpu)).toFixed(0)} ms`

for (const kind of benchDatabaseKinds()) {
  await withFreshDatabase(kind, 'claim_inserts', async (fresh) => {
    const database = await openDatabase(fresh.config)
    try {
      const migrations = readMigrations().filter((m) => !without || !m.name.includes(without))
      await applyMigrations(database.pool, migrations)
      await database.pool.session(async (session) => {
        await session.exec(SETUP)
        await session.exec(SOURCE)
        const bulk: Timing[] = []
        const single: Timing[] = []
        for (let round = 0; round < rounds; round++) {
          bulk.push(await timed(session, () => session.query(INSERT_CLAIMS)))
          single.push(
            await timed(session, async () => {
              for (let i = 0; i < singles; i++) await session.query(`${INSERT_CLAIMS} WHERE i = $1`, [i])
            }),
          )
        }
        const load = loadavg()[0]?.toFixed(1)
        const label = `${kind}${without ? ` without ${without}` : ''}`
        console.log(`${label}: ${claims} claims in one INSERT: ${describe(bulk)}`)
        console.log(`${label}: ${singles} one-claim INSERTs: ${describe(single)}; load ${load}`)
      })
    } finally {
      await database.close()
    }
  })
}
