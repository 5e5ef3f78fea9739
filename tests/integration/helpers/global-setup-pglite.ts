import { cpSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { ensureBundles } from '../../../scripts/lib/bundle.mjs'
import { openDatabase } from '@/lib/database/connect'
import { applyMigrations } from '@/lib/database/migrate'
import { tempDir } from './test-databases'

// Two template data directories that test files copy: an initialised empty one, for the tests
// of a database nobody migrated, and a migrated copy of it that every file starts from.
// Initialising a PGlite directory takes seconds of CPU; it is done once, here.
export default async function setup(project: TestProject) {
  // The command line the tests run is the compiled one, built once here rather than raced by test files.
  await ensureBundles(process.cwd())
  const root = tempDir('claimline-template-')
  const emptyDir = path.join(root, 'empty')
  await (await openDatabase({ kind: 'pglite', dataDir: emptyDir })).close()
  const dataDir = path.join(root, 'db')
  cpSync(emptyDir, dataDir, { recursive: true })
  const database = await openDatabase({ kind: 'pglite', dataDir })
  await applyMigrations(database.pool)
  await database.close()
  project.provide('database', { kind: 'pglite', template: dataDir, adminUrl: null, emptyPGlite: emptyDir })
  return () => rmSync(root, { recursive: true, force: true })
}
