import type { Prisma, PrismaClient } from '../generated/prisma/client'

// Query functions take the client as their last argument so callers can run several in one
// transaction; by default they use the process's client.
export type DbClient = PrismaClient | Prisma.TransactionClient

// Prisma's "unique constraint failed" (P2002), across both drivers.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002'
}
