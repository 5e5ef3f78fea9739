import { expect, test } from 'vitest'
import { DatabaseUrlError, describeDatabase, parseDatabaseUrl } from '@/lib/database/config'

test('no DATABASE_URL means the embedded database in ./data/claimline', () => {
  expect(parseDatabaseUrl(undefined, '/srv/app')).toEqual({ kind: 'pglite', dataDir: '/srv/app/data/claimline' })
  expect(parseDatabaseUrl('  ', '/srv/app')).toEqual({ kind: 'pglite', dataDir: '/srv/app/data/claimline' })
})

test('pglite:<dir> is resolved against the working directory', () => {
  expect(parseDatabaseUrl('pglite:./tmp/db', '/srv/app')).toEqual({ kind: 'pglite', dataDir: '/srv/app/tmp/db' })
  expect(parseDatabaseUrl('pglite:/var/lib/claimline', '/srv/app')).toEqual({ kind: 'pglite', dataDir: '/var/lib/claimline' })
  expect(parseDatabaseUrl('pglite:memory:')).toEqual({ kind: 'pglite-memory' })
})

test('postgres URLs select the PostgreSQL adapter', () => {
  expect(parseDatabaseUrl('postgresql://u:p@db:5432/claimline')).toEqual({ kind: 'postgres', url: 'postgresql://u:p@db:5432/claimline' })
  expect(parseDatabaseUrl('postgres://db/claimline').kind).toBe('postgres')
})

test('anything else is a clear error that does not print the password', () => {
  expect(() => parseDatabaseUrl('mysql://root:secret@db/x')).toThrow(DatabaseUrlError)
  expect(() => parseDatabaseUrl('mysql://root:secret@db/x')).not.toThrow(/secret/)
  expect(() => parseDatabaseUrl('pglite:')).toThrow(/needs a folder/)
})

test('descriptions never include credentials', () => {
  expect(describeDatabase({ kind: 'postgres', url: 'postgresql://u:secret@db:5432/c' })).not.toContain('secret')
})
