// The shapes Prisma 7 gives a unique violation: from a model query (P2002) and from a raw
// statement through a driver adapter (P2010 carrying the driver's kind and SQLSTATE), as
// observed on PostgreSQL 15 with @prisma/adapter-pg.
import { expect, test } from 'vitest'
import { isUniqueViolation } from '@/lib/queries/client'

test('a unique violation is recognised from model queries and raw statements alike', () => {
  expect(isUniqueViolation({ code: 'P2002', meta: { target: ['bodyHash'] } })).toBe(true)
  const raw = {
    code: 'P2010',
    meta: {
      driverAdapterError: {
        name: 'DriverAdapterError',
        cause: { originalCode: '23505', kind: 'UniqueConstraintViolation', constraint: { index: 'Article_bodyHash_key' } },
      },
    },
  }
  expect(isUniqueViolation(raw)).toBe(true)
  expect(isUniqueViolation({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '23503', kind: 'ForeignKeyConstraintViolation' } } } })).toBe(
    false,
  )
  expect(isUniqueViolation({ code: 'P2025' })).toBe(false)
  expect(isUniqueViolation(new Error('boom'))).toBe(false)
  expect(isUniqueViolation(null)).toBe(false)
})
