// What a first `npm start` shows while it prepares a new database (scripts/db-prepare.ts, whose
// lines the starter relays as they come): each slow step is announced before it runs.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect, inject, test } from 'vitest'
import { readMigrations } from '@/lib/database/migrate'
import { readGold } from '@/lib/demo/load-demo'
import { SETUP_CODE_LINE } from '@/scripts/lib/setup-line'
import { runScript } from './helpers/claimline'
import { emptyDatabase, tempDir, type TestDatabase } from './helpers/test-databases'

const provided = inject('database')
const drops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop()
})

// A folder PGlite has never seen (on the embedded leg), or an empty PostgreSQL database.
async function newDatabaseUrl(): Promise<string> {
  if (provided.kind === 'pglite') {
    const root = tempDir('claimline-first-start-')
    drops.push(async () => rmSync(root, { recursive: true, force: true }))
    return `pglite:${path.join(root, 'db')}`
  }
  const database: TestDatabase = await emptyDatabase('postgres', provided.adminUrl)
  drops.push(database.drop)
  return database.url
}

test('a first start announces creating the database, each migration and each demo article', async () => {
  const run = await runScript('scripts/db-prepare.ts', [], { env: { ...process.env, DATABASE_URL: await newDatabaseUrl(), CLAIMLINE_DEMO_DATA: '1' } })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  // Not trimmed: a line's leading spaces are part of it.
  const lines = run.stdout
    .toString()
    .split('\n')
    .filter((line) => line !== '')
  const gold = readGold()
  const migrations = readMigrations()
  expect(lines).toEqual([
    ...(provided.kind === 'pglite' ? [expect.stringMatching(/^Creating the embedded database in .+ \(first start only\)…$/)] : []),
    ...migrations.map((m) => `  applying ${m.name}`),
    expect.stringMatching(new RegExp(`^Database: .+, applied ${migrations.length} migration\\(s\\)\\.$`)),
    `Loading ${gold.articles.length} demo articles…`,
    ...gold.articles.map((a, i) => `  ${i + 1}/${gold.articles.length} ${a.metadata.title} (${a.claims.length} claims)`),
    `Loaded ${gold.articles.length} demo articles.`,
    expect.stringMatching(new RegExp(`^${SETUP_CODE_LINE}\\S+$`)),
  ])
}, 180_000) // a new embedded database takes seconds to initialise and migrate
