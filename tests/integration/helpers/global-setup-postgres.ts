import type { TestProject } from 'vitest/node'
import { openDatabase } from '@/lib/database/connect'
import { applyMigrations } from '@/lib/database/migrate'
import { adminQuery, uniqueName, withDatabaseName } from './test-databases'

// Migrates one template database on the TEST_DATABASE_URL server that every test file copies.
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('The integration-postgres project needs TEST_DATABASE_URL (scripts/test.ts skips it otherwise).')
  const template = uniqueName('claimline_tpl')
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`)
  const database = await openDatabase({ kind: 'postgres', url: withDatabaseName(adminUrl, template) })
  await applyMigrations(database.pool)
  await database.close()
  project.provide('database', { kind: 'postgres', template, adminUrl })
  return () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
}
