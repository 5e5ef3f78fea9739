// The embedded database's files are the owner's alone: PGlite wrote 968 of a new database's
// 1,077 files world-writable (0666, pg_control included). A new folder is private from the
// start, and an existing one with shared files is mended when it is opened.
import { chmodSync, lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect, inject, test } from 'vitest'
import { parseDatabaseUrl } from '@/lib/database/config'
import { openDatabase } from '@/lib/database/connect'
import { runDirFor } from '@/lib/database/lock'
import { createPrismaClient } from '@/lib/db'
import { copyPGliteTemplate, emptyDatabase } from './helpers/test-databases'

const provided = inject('database')
// The PostgreSQL leg has nothing embedded to check beyond what the embedded leg does.
const skip = provided.kind !== 'pglite' || process.platform === 'win32'
const cleanups: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

// Every folder, file and socket under `root` (itself included) whose mode gives group or others anything.
function shared(root: string): string[] {
  const found: string[] = []
  const visit = (file: string) => {
    const stat = lstatSync(file)
    if (stat.isSymbolicLink()) return
    if ((stat.mode & 0o077) !== 0) found.push(`${(stat.mode & 0o777).toString(8)} ${path.relative(path.dirname(root), file)}`)
    if (stat.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name))
  }
  visit(root)
  return found
}

function count(root: string): number {
  return lstatSync(root).isDirectory() ? 1 + readdirSync(root).reduce((n, name) => n + count(path.join(root, name)), 0) : 1
}

function dataDirOf(url: string): string {
  const config = parseDatabaseUrl(url)
  if (config.kind !== 'pglite') throw new Error(`${url} is not an embedded database`)
  return config.dataDir
}

async function openAndWrite(url: string) {
  const config = parseDatabaseUrl(url)
  const database = await openDatabase(config)
  const prisma = createPrismaClient(config, database.adapter)
  cleanups.push(async () => {
    await prisma.$disconnect()
    await database.close()
  })
  expect(database.role).toBe('owner')
  return { dataDir: dataDirOf(url), database, prisma }
}

test.skipIf(skip)(
  'a new database: no file or folder, socket or lock file is open to group or others',
  async () => {
    const empty = await emptyDatabase('pglite', null)
    cleanups.push(empty.drop)
    const { dataDir, database } = await openAndWrite(empty.url)
    await database.pool.session((s) => s.exec("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('private'); CHECKPOINT;"))
    expect(count(dataDir)).toBeGreaterThan(1000) // PGlite's whole folder, not an empty one
    expect(readdirSync(runDirFor(dataDir)).sort()).toEqual(['.s.PGSQL.5432', 'owner.json'])
    expect(shared(dataDir)).toEqual([])
    expect(shared(runDirFor(dataDir))).toEqual([])
  },
  120_000,
)

test.skipIf(skip)('an existing database with world-writable files is made private when it is opened', async () => {
  const copy = copyPGliteTemplate(provided.template)
  cleanups.push(copy.drop)
  const dataDir = dataDirOf(copy.url)
  // As an older version left it.
  const loosen = (file: string) => {
    const stat = lstatSync(file)
    chmodSync(file, stat.isDirectory() ? 0o777 : 0o666)
    if (stat.isDirectory()) for (const name of readdirSync(file)) loosen(path.join(file, name))
  }
  loosen(dataDir)
  expect(shared(dataDir).length).toBe(count(dataDir))

  const { prisma } = await openAndWrite(copy.url)
  await prisma.outlet.create({ data: { name: 'Private Times' } })
  expect(shared(dataDir)).toEqual([])
  expect(lstatSync(dataDir).mode & 0o777).toBe(0o700)
  expect(lstatSync(path.join(dataDir, 'global', 'pg_control')).mode & 0o777).toBe(0o600)
})
