// npm run bench:editors [-- --duration 30] [-- --editors 20] [-- --claims 10] [-- --via http|lib]
// Many editors saving the same few claims at once, and proof afterwards that no save was lost.
// A fresh database (embedded; PostgreSQL too when TEST_DATABASE_URL is set) gets a small archive
// with --claims claims and --editors editor accounts, each with an API token. Then every editor,
// concurrently, for --duration seconds, loops:
//   pick a claim at random; GET /api/claims/<id>; PATCH it with the version read and its note
//   plus a unique token ("7.3f": editor 7's edit 0x3f in base 36, short so that a few hundred
//   fit in a note's 2000 characters); on 409 (someone saved first) read it again and retry,
//   until the save is acknowledged.
// With few claims and many editors, most first attempts collide. Afterwards, from the database:
//   - each claim's note holds exactly the tokens acknowledged for it, each once (a save applied
//     over a stale read would drop its predecessor's token: a lost update);
//   - each claim's version is 1 + its acknowledged saves, and no save was answered with a
//     version older than the one its token's place in the note says it made;
//   - there are as many claim.update audit events as acknowledged saves, and each event's
//     version matches its token's place in the final note (the versions' order is the note's).
// PATCH answers with the claim as read after the save, so under contention the version in the
// answer can be newer than the save's own; those are counted ("answered with a later version").
// It prints writes/s, 409s, retries, p95 write latency (from the first read to the acknowledged
// save, retries included) and p95 of a single PATCH, lost updates and audit rows vs writes.
//
// --via lib skips HTTP and calls updateClaimRecord through a Prisma client on the benchmark's
// database from the same concurrent loops (PostgreSQL only: the embedded database has one
// connection, so there would be no real concurrency). It is the fallback for a tree without
// the JSON claim API; --via http (the default when app/api/claims/[id]/route.ts exists) is the
// real thing.
//
// `run(options)` returns the figures as rows for the `npm run bench` aggregator; run directly,
// this file prints them and exits non-zero when a write was lost or unaudited.
import { existsSync } from 'node:fs'
import { cpus } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { openDatabase, type Database } from '../lib/database/connect'
import { applyMigrations } from '../lib/database/migrate'
import { createPrismaClient } from '../lib/db'
import { updateClaimRecord } from '../lib/claims/edit'
import { StaleEditError } from '../lib/queries/edits'
import { createEditorsWithTokens, type BenchEditor } from './lib/bench-accounts'
import { argNumber, argValue, isMainModule, printRows, type BenchRow } from './lib/bench-rows'
import { benchDatabaseKinds, withFreshDatabase, type BenchDatabaseKind, type FreshDatabase } from './lib/fresh-database'
import { ensureBuild, startServer } from './lib/page-server'
import { generateCorpus } from './lib/timeline-corpus'
import { percentile } from './lib/timing'

const BENCHMARK = 'editors'
// A claim's note may hold at most this many characters (lib/claims/input.ts); a claim whose
// note is full is left alone rather than sent a save that would be refused as invalid.
const NOTE_LIMIT = 2000
// A run whose server stops answering should end, not spin: after this many failed requests in
// a row an editor gives up.
const MAX_CONSECUTIVE_ERRORS = 20
const CLAIM_ROUTE = path.join(process.cwd(), 'app', 'api', 'claims', '[id]', 'route.ts')

export type Via = 'http' | 'lib'
export type EditorsBenchOptions = { durationS: number; editors: number; claims: number; via: Via }

export function defaultVia(): Via {
  return existsSync(CLAIM_ROUTE) ? 'http' : 'lib'
}

export const defaultEditorsBenchOptions: Omit<EditorsBenchOptions, 'via'> = { durationS: 30, editors: 20, claims: 10 }

// What one editor needs of a claim, and what it sends back.
type ClaimState = { note: string | null; version: number }
type SaveOutcome = { kind: 'saved'; version: number } | { kind: 'stale' } | { kind: 'error'; message: string }

// How an editor reads and saves claims: over HTTP with its token, or through lib/ directly.
type Channel = {
  read(editor: BenchEditor, claimId: string): Promise<ClaimState | { error: string }>
  save(editor: BenchEditor, claimId: string, version: number, note: string): Promise<SaveOutcome>
  close(): Promise<void>
}

// GET and PATCH answer with the claim (app/api/claims/[id]/route.ts); a refused save with
// 409 { error: { code: 'stale', currentVersion } }. Other 409s (e.g. a unique value taken) are
// not the conflict this benchmark provokes, so they count as errors.
const claimAnswer = z.object({ note: z.string().nullable(), version: z.number().int() })
const staleAnswer = z.object({ error: z.object({ code: z.literal('stale'), message: z.string(), currentVersion: z.number().int().nullable().optional() }) })

async function httpChannel(fresh: FreshDatabase): Promise<Channel> {
  const server = await startServer(fresh.url)
  const headers = (editor: BenchEditor) => ({ authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' })
  return {
    async read(editor, claimId) {
      const response = await fetch(`${server.url}/api/claims/${claimId}`, { headers: headers(editor) })
      const text = await response.text()
      if (response.status !== 200) return { error: `GET ${response.status} ${text.slice(0, 200)}` }
      return claimAnswer.parse(JSON.parse(text))
    },
    async save(editor, claimId, version, note) {
      const response = await fetch(`${server.url}/api/claims/${claimId}`, {
        method: 'PATCH',
        headers: headers(editor),
        body: JSON.stringify({ version, note }),
      })
      const text = await response.text()
      if (response.status === 409 && staleAnswer.safeParse(JSON.parse(text)).success) return { kind: 'stale' }
      if (response.status !== 200) return { kind: 'error', message: `PATCH ${response.status} ${text.slice(0, 200)}` }
      return { kind: 'saved', version: claimAnswer.parse(JSON.parse(text)).version }
    },
    close: () => server.stop(),
  }
}

async function libChannel(database: Database): Promise<Channel> {
  const prisma = createPrismaClient(database.config, database.adapter)
  return {
    async read(_editor, claimId) {
      const claim = await prisma.claim.findUnique({ where: { id: claimId }, select: { note: true, version: true } })
      return claim ?? { error: `claim ${claimId} not found` }
    },
    async save(editor, claimId, version, note) {
      try {
        const after = await updateClaimRecord(claimId, version, { note }, editor.id, prisma)
        if (!after) return { kind: 'error', message: `claim ${claimId} not found` }
        return { kind: 'saved', version: after.version }
      } catch (error) {
        if (error instanceof StaleEditError) return { kind: 'stale' }
        return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
      }
    },
    close: () => prisma.$disconnect(),
  }
}

type Ack = { claimId: string; token: string; version: number }
type EditorStats = { acks: Ack[]; stale: number; retries: number; errors: string[]; skippedFull: number; writeMs: number[]; patchMs: number[] }

// One editor's loop until the deadline. An edit begun before the deadline is carried through to
// its acknowledged save, so that every token sent is either acknowledged or counted as an error.
async function editorLoop(channel: Channel, editor: BenchEditor, index: number, claimIds: readonly string[], deadline: number): Promise<EditorStats> {
  const stats: EditorStats = { acks: [], stale: 0, retries: 0, errors: [], skippedFull: 0, writeMs: [], patchMs: [] }
  let candidates = [...claimIds]
  let edits = 0
  let consecutiveErrors = 0
  while (performance.now() < deadline && consecutiveErrors < MAX_CONSECUTIVE_ERRORS) {
    const claimId = candidates[Math.floor(Math.random() * candidates.length)]
    if (!claimId) break
    const token = `${index + 1}.${(++edits).toString(36)}`
    const started = performance.now()
    for (let attempt = 0; consecutiveErrors < MAX_CONSECUTIVE_ERRORS; attempt++) {
      if (attempt > 0) stats.retries++
      const claim = await channel.read(editor, claimId)
      if ('error' in claim) {
        stats.errors.push(claim.error)
        consecutiveErrors++
        continue
      }
      const note = claim.note ? `${claim.note} ${token}` : token
      if (note.length > NOTE_LIMIT) {
        stats.skippedFull++
        candidates = candidates.filter((id) => id !== claimId)
        break
      }
      const patchStarted = performance.now()
      const outcome = await channel.save(editor, claimId, claim.version, note)
      stats.patchMs.push(performance.now() - patchStarted)
      if (outcome.kind === 'saved') {
        stats.acks.push({ claimId, token, version: outcome.version })
        stats.writeMs.push(performance.now() - started)
        consecutiveErrors = 0
        break
      }
      if (outcome.kind === 'stale') {
        stats.stale++
        continue
      }
      stats.errors.push(outcome.message)
      consecutiveErrors++
    }
  }
  return stats
}

type Verification = {
  lostUpdates: number
  unacknowledged: number
  versionMismatches: number
  auditRows: number
  // claim.update events whose "after" does not have the token at the place its version says.
  auditOutOfOrder: number
  // Saves answered with a newer version than their own (another save landed before the answer
  // was read): allowed, but the answer then is not "the version you made".
  answeredLater: number
}

// Reads the final state and holds it against what the editors were told. Each save appends one
// token to a note that starts empty, so in a correct run the token at position p of a claim's
// note is the save that made version p + 2: the note's order is the order of the versions.
async function verify(database: Database, claimIds: readonly string[], acks: readonly Ack[]): Promise<Verification> {
  const rows = await database.pool.session((s) =>
    s.query<{ id: string; note: string | null; version: number }>(`SELECT id::text AS id, note, version FROM "Claim" WHERE id = ANY($1::uuid[])`, [claimIds]),
  )
  const audits = await database.pool.session((s) =>
    s.query<{ objectId: string; note: string | null; version: string | null }>(
      `SELECT "objectId", after->>'note' AS note, after->>'version' AS version FROM "AuditEvent" WHERE action = 'claim.update' AND "objectType" = 'Claim' AND "objectId" = ANY($1::text[])`,
      [claimIds],
    ),
  )
  const result: Verification = { lostUpdates: 0, unacknowledged: 0, versionMismatches: 0, auditRows: audits.length, auditOutOfOrder: 0, answeredLater: 0 }
  const finalNotes = new Map<string, string[]>()
  for (const row of rows) {
    const tokens = row.note ? row.note.split(' ') : []
    finalNotes.set(row.id, tokens)
    const mine = acks.filter((a) => a.claimId === row.id)
    const present = new Map(tokens.map((t, i) => [t, i]))
    const acked = new Set(mine.map((a) => a.token))
    for (const ack of mine) {
      const position = present.get(ack.token)
      if (position === undefined) result.lostUpdates++
      else if (ack.version > position + 2) result.answeredLater++
      // An answer older than the save itself would mean it was applied over a stale read.
      else if (ack.version < position + 2) result.versionMismatches++
    }
    result.unacknowledged += tokens.filter((t) => !acked.has(t)).length + (tokens.length - present.size)
    if (row.version !== 1 + mine.length || tokens.length !== mine.length) result.versionMismatches++
  }
  for (const audit of audits) {
    const tokens = finalNotes.get(audit.objectId) ?? []
    const version = Number(audit.version)
    const last = audit.note?.split(' ').at(-1)
    if (!last || tokens[version - 2] !== last) result.auditOutOfOrder++
  }
  return result
}

function summaryRows(kind: BenchDatabaseKind, via: Via, options: EditorsBenchOptions, stats: EditorStats[], elapsedS: number, check: Verification): BenchRow[] {
  const scenario = `${kind} via ${via}, ${options.editors} editors on ${options.claims} claims`
  const writes = stats.reduce((n, s) => n + s.acks.length, 0)
  const writeMs = stats.flatMap((s) => s.writeMs).sort((a, b) => a - b)
  const patchMs = stats.flatMap((s) => s.patchMs).sort((a, b) => a - b)
  const errors = stats.reduce((n, s) => n + s.errors.length, 0)
  const row = (metric: string, value: number, unit: string): BenchRow => ({ benchmark: BENCHMARK, scenario, metric, value, unit })
  return [
    row('writes', writes, 'count'),
    row('writes/s', writes / elapsedS, 'writes/s'),
    row(
      '409s',
      stats.reduce((n, s) => n + s.stale, 0),
      'count',
    ),
    row(
      'retries',
      stats.reduce((n, s) => n + s.retries, 0),
      'count',
    ),
    row('errors', errors, 'count'),
    row('write p50', percentile(writeMs, 50), 'ms'),
    row('write p95', percentile(writeMs, 95), 'ms'),
    row('save p95 (one request)', percentile(patchMs, 95), 'ms'),
    { ...row('lost updates', check.lostUpdates, 'count'), target: '= 0', pass: check.lostUpdates === 0 },
    { ...row('unacknowledged or repeated tokens', check.unacknowledged, 'count'), target: '= 0', pass: check.unacknowledged === 0 },
    { ...row('version mismatches', check.versionMismatches, 'count'), target: '= 0', pass: check.versionMismatches === 0 },
    { ...row('audit rows - writes', check.auditRows - writes, 'count'), target: '= 0', pass: check.auditRows === writes },
    { ...row('audit rows out of order', check.auditOutOfOrder, 'count'), target: '= 0', pass: check.auditOutOfOrder === 0 },
    row('answered with a later version', check.answeredLater, 'count'),
    { ...row('errors during run', errors, 'count'), target: '= 0', pass: errors === 0 },
  ]
}

async function runOn(fresh: FreshDatabase, options: EditorsBenchOptions): Promise<BenchRow[]> {
  let database = await openDatabase(fresh.config)
  let claimIds: string[]
  let editors: BenchEditor[]
  let channel: Channel
  try {
    await applyMigrations(database.pool)
    await generateCorpus(database.pool, options.claims)
    const rows = await database.pool.session((s) => s.query<{ id: string }>(`SELECT id::text AS id FROM "Claim" ORDER BY id`))
    claimIds = rows.map((r) => r.id)
    editors = await createEditorsWithTokens(database.pool, options.editors)
    if (options.via === 'http') {
      // Before the server starts: it must be the embedded data directory's only owner.
      await database.close()
      channel = await httpChannel(fresh)
    } else {
      channel = await libChannel(database)
    }
  } catch (error) {
    await database.close().catch(() => undefined)
    throw error
  }

  console.log(`${fresh.kind} via ${options.via}: ${options.editors} editors on ${claimIds.length} claims for ${options.durationS} s …`)
  let stats: EditorStats[]
  let elapsedS: number
  try {
    const started = performance.now()
    const deadline = started + options.durationS * 1000
    stats = await Promise.all(editors.map((editor, i) => editorLoop(channel, editor, i, claimIds, deadline)))
    elapsedS = (performance.now() - started) / 1000
  } finally {
    await channel.close()
  }
  const errors = stats.flatMap((s) => s.errors)
  if (errors.length > 0) console.log(`  ${errors.length} failed requests, e.g. ${errors.slice(0, 3).join(' | ')}`)
  const full = stats.reduce((n, s) => n + s.skippedFull, 0)
  if (full > 0) console.log(`  ${full} edits skipped: the claim's note had reached ${NOTE_LIMIT} characters (use more --claims or a shorter --duration)`)

  // The server has stopped (http) and so no longer owns the embedded database: read it directly.
  if (options.via === 'http') database = await openDatabase(fresh.config)
  try {
    const check = await verify(
      database,
      claimIds,
      stats.flatMap((s) => s.acks),
    )
    const rows = summaryRows(fresh.kind, options.via, options, stats, elapsedS, check)
    const value = (metric: string) => rows.find((r) => r.metric === metric)?.value ?? Number.NaN
    console.log(
      `  ${value('writes')} writes (${value('writes/s').toFixed(1)}/s), ${value('409s')} 409s, write p95 ${value('write p95').toFixed(1)} ms; lost ${check.lostUpdates}, audit rows ${check.auditRows} for ${value('writes')} writes`,
    )
    return rows
  } finally {
    await database.close()
  }
}

export async function run(overrides: Partial<EditorsBenchOptions> = {}): Promise<BenchRow[]> {
  const options: EditorsBenchOptions = { ...defaultEditorsBenchOptions, via: defaultVia(), ...overrides }
  if (options.via === 'http') {
    const failure = ensureBuild()
    if (failure) throw new Error(`next build failed: ${failure}`)
  }
  // The lib path on the embedded database would run every transaction on its one connection.
  const kinds = benchDatabaseKinds().filter((kind) => options.via === 'http' || kind === 'postgres')
  console.log(
    `bench:editors: ${options.editors} editors, ${options.claims} claims, ${options.durationS} s, via ${options.via}; databases: ${kinds.join(', ') || 'none'}; ${cpus().length} CPUs`,
  )
  if (kinds.length === 0) {
    console.log('--via lib runs on PostgreSQL only: set TEST_DATABASE_URL')
    return []
  }
  const rows: BenchRow[] = []
  for (const kind of kinds) rows.push(...(await withFreshDatabase(kind, 'bench_editors', (fresh) => runOn(fresh, options))))
  console.log()
  printRows(rows)
  return rows
}

function parseOptions(args: string[]): EditorsBenchOptions {
  const via = argValue(args, '--via') ?? defaultVia()
  if (via !== 'http' && via !== 'lib') throw new Error(`--via is http or lib, got "${via}"`)
  return {
    durationS: argNumber(args, '--duration', defaultEditorsBenchOptions.durationS),
    editors: Math.round(argNumber(args, '--editors', defaultEditorsBenchOptions.editors)),
    claims: Math.round(argNumber(args, '--claims', defaultEditorsBenchOptions.claims)),
    via,
  }
}

if (isMainModule(import.meta.url)) {
  run(parseOptions(process.argv.slice(2))).then(
    // Unlike a timing, a lost or unaudited write is a failure of the program.
    (rows) => process.exit(rows.some((r) => r.pass === false) ? 1 : 0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
