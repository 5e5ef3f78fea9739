import type { Prisma, PrismaClient } from '../generated/prisma/client'

// Query functions take the client as their last argument so callers can run several in one
// transaction; by default they use the process's client.
export type DbClient = PrismaClient | Prisma.TransactionClient

// Prisma's "unique constraint failed" (P2002), across both drivers; from a raw statement it
// arrives as P2010 with the driver's own kind (SQLSTATE 23505).
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  if (error.code === 'P2002') return true
  if (error.code !== 'P2010' || !('meta' in error)) return false
  const cause = rawCause(error.meta)
  return cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505'
}

function rawCause(meta: unknown): { kind?: unknown; originalCode?: unknown } | null {
  if (typeof meta !== 'object' || meta === null || !('driverAdapterError' in meta)) return null
  const adapterError = meta.driverAdapterError
  if (typeof adapterError !== 'object' || adapterError === null || !('cause' in adapterError)) return null
  const cause = adapterError.cause
  return typeof cause === 'object' && cause !== null ? cause : null
}
