// The test run's own PostgreSQL databases are dropped at its end, and only its own: several
// people's runs share one server.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, expect, inject, test } from 'vitest'
import { adminQuery, dropRunDatabases, testRunTag, uniqueName } from './helpers/test-databases'

const provided = inject('database')
const postgresOnly = { meta: { skipReason: 'PostgreSQL only: the embedded leg makes folders, not databases' } }
const tag = (name: string) => `${name}${randomBytes(4).toString('hex')}`
const ours = tag('zza')
const theirs = tag('zzb')

async function databaseNames(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return (await client.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map((r) => r.datname)
  } finally {
    await client.end()
  }
}

afterAll(async () => {
  if (provided.adminUrl) await dropRunDatabases(provided.adminUrl, theirs)
})

test('every name this run makes carries its tag', () => {
  expect(uniqueName('claimline_t')).toMatch(new RegExp(`^claimline_t_${testRunTag()}_`))
})

test.skipIf(provided.kind !== 'postgres')('dropping a run’s databases takes its copies and templates, and no other run’s', postgresOnly, async () => {
  const adminUrl = provided.adminUrl ?? ''
  const names = [`claimline_t_${ours}_1`, `claimline_tpl_${ours}_1`, `claimline_t_${theirs}_1`]
  for (const name of names) await adminQuery(adminUrl, `CREATE DATABASE "${name}"`)
  expect((await dropRunDatabases(adminUrl, ours)).sort()).toEqual([`claimline_t_${ours}_1`, `claimline_tpl_${ours}_1`])
  const left = await databaseNames(adminUrl)
  expect(left).toContain(`claimline_t_${theirs}_1`)
  expect(left.filter((n) => n.includes(ours))).toEqual([])
})
