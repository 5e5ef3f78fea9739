import type { TestProject } from 'vitest/node'
import { ensureBundles } from '../../../scripts/lib/bundle.mjs'
import { openDatabase } from '@/lib/database/connect'
import { applyMigrations } from '@/lib/database/migrate'
import { adminQuery, dropRunDatabases, testRunTag, uniqueName, withDatabaseName } from './test-databases'

// Migrates one template database on the TEST_DATABASE_URL server that every test file copies;
// at the end drops it and every database this run made (a file whose tests were all skipped
// never reaches its own afterAll).
export default async function setup(project: TestProject) {
  // The command line the tests run is the compiled one, built once here rather than raced by test files.
  await ensureBundles(process.cwd())
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('The integration-postgres project needs TEST_DATABASE_URL (scripts/test.ts skips it otherwise).')
  const tag = testRunTag()
  const template = uniqueName('claimline_tpl')
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`)
  const database = await openDatabase({ kind: 'postgres', url: withDatabaseName(adminUrl, template) })
  await applyMigrations(database.pool)
  await database.close()
  project.provide('database', { kind: 'postgres', template, adminUrl, emptyPGlite: null })
  return async () => {
    await dropRunDatabases(adminUrl, tag)
  }
}
