import type { Prisma, PrismaClient } from '../generated/prisma/client'

// Query functions take the client as their last argument so callers can run several in one
// transaction; by default they use the process's client.
export type DbClient = PrismaClient | Prisma.TransactionClient
