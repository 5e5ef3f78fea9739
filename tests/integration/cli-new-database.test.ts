// The commands a new installation may start with (npm run db:seed, claimline import) migrate a
// database nobody migrated, as npm start does, instead of failing on its missing tables.
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect, inject, test } from 'vitest'
import { readMigrations } from '@/lib/database/migrate'
import { getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import { buildExport } from '@/lib/interop/export'
import { claimline, CLI_TEST_TIMEOUT, runScript } from './helpers/claimline'
import { emptyDatabase, tempDir, type TestDatabase } from './helpers/test-databases'

const provided = inject('database')
const pending = readMigrations().length
const drops: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const drop of drops.splice(0)) await drop()
})

async function fresh(): Promise<TestDatabase> {
  const database = await emptyDatabase(provided.kind, provided.adminUrl)
  drops.push(database.drop)
  return database
}

test(
  'db:seed on a database nobody migrated migrates it (one line saying so), then loads the demo',
  async () => {
    const { url } = await fresh()
    const env = { ...process.env, DATABASE_URL: url }
    const seeded = await runScript('scripts/db-seed.ts', [], { env })
    expect(seeded.stderr).toBe('')
    expect(seeded.code).toBe(0)
    expect(seeded.stdout.toString().trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^Applying ${pending} pending migrations to .+ first…$`)),
      'Loaded 2 demo articles.',
    ])

    // Migrated now: nothing more to say.
    const again = await runScript('scripts/db-seed.ts', [], { env })
    expect([again.code, again.stdout.toString().trim()]).toEqual([0, 'The database already has data (or had the demo once): nothing loaded.'])
  },
  CLI_TEST_TIMEOUT,
) // and a new embedded database takes seconds to initialise and migrate

test(
  'claimline import of an archive into a database nobody migrated migrates it, then restores',
  async () => {
    // The archive: the demo data of this file's own (migrated) database.
    await loadDemoData(getDb())
    const archive = await buildExport({ format: 'claimline', scope: { kind: 'all' } }, { baseUrl: 'http://localhost:3000', organizationName: 'Test desk' })
    const folder = tempDir('claimline-archive-')
    drops.push(async () => rmSync(folder, { recursive: true, force: true }))
    const file = path.join(folder, 'archive.json')
    writeFileSync(file, archive.body)

    const target = await fresh()
    const env = { ...process.env, DATABASE_URL: target.url }
    const imported = await claimline(['import', file], { env })
    expect(imported.stderr.trim()).toMatch(new RegExp(`^Applying ${pending} pending migrations to .+ first…$`))
    expect(imported.code).toBe(0)
    expect(imported.stdout.toString()).toMatch(/^Imported .*2 articles/)

    const back = await claimline(['export'], { env })
    expect(back.code).toBe(0)
    const ids = (json: string) => (JSON.parse(json) as { articles: { id: string }[] }).articles.map((a) => a.id).sort()
    expect(ids(back.stdout.toString())).toEqual(ids(archive.body))
  },
  CLI_TEST_TIMEOUT,
)
