import { rmSync } from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '@/lib/database/connect'
import { applyMigrations } from '@/lib/database/migrate'
import { tempDir } from './test-databases'

// Migrates one template data directory that every test file copies.
export default async function setup(project: TestProject) {
  const root = tempDir('claimline-template-')
  const dataDir = path.join(root, 'db')
  const database = await openDatabase({ kind: 'pglite', dataDir })
  await applyMigrations(database.pool)
  await database.close()
  project.provide('database', { kind: 'pglite', template: dataDir, adminUrl: null })
  return () => rmSync(root, { recursive: true, force: true })
}
