// The one Prisma client of the process. The database (embedded PGlite or PostgreSQL, from
// DATABASE_URL) is opened on the first query, never at import: `next build` imports pages
// without touching the data directory.
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { parseDatabaseUrl, type DatabaseConfig, type DatabaseWork } from './database/config'
import { openDatabase, type Database } from './database/connect'
import { getEnv } from './env'
import { PrismaClient } from './generated/prisma/client'
import { onShutdown } from './runtime/shutdown'

export type { Database }

type Holder = { database: Promise<Database> | null; prisma: PrismaClient | null; work?: DatabaseWork }

// On globalThis so Next.js module reloads in development reuse the open database.
const holder: Holder = ((globalThis as { __claimline?: Holder }).__claimline ??= { database: null, prisma: null })

// For a thread or process that does only background work (the followed feeds' jobs, `claimline
// poll`): its connections then wait behind the pages' on the embedded database. Before the
// database is opened, since it names the connections.
export function markBackgroundWork(): void {
  if (holder.database) throw new Error('markBackgroundWork() must come before the database is opened')
  holder.work = 'background'
}

export function getDatabase(): Promise<Database> {
  if (!holder.database) onShutdown(closeDb)
  holder.database ??= openDatabase(parseDatabaseUrl(getEnv().DATABASE_URL), holder.work).catch((error: unknown) => {
    holder.database = null
    throw error
  })
  return holder.database
}

function lazyAdapter(): SqlDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: 'claimline',
    connect: async () => (await getDatabase()).adapter.connect(),
  }
}

export function createPrismaClient(config: DatabaseConfig, adapter: SqlDriverAdapterFactory): PrismaClient {
  // On the embedded database transactions queue behind each other for the one session;
  // give them time to reach the front of the queue rather than failing under load.
  const embedded = config.kind !== 'postgres'
  return new PrismaClient({
    adapter,
    transactionOptions: embedded ? { maxWait: 60_000, timeout: 30_000 } : { maxWait: 10_000, timeout: 15_000 },
  })
}

export function getDb(): PrismaClient {
  holder.prisma ??= createPrismaClient(parseDatabaseUrl(getEnv().DATABASE_URL), lazyAdapter())
  return holder.prisma
}

export async function closeDb(): Promise<void> {
  const { prisma, database } = holder
  holder.prisma = null
  holder.database = null
  await prisma?.$disconnect()
  if (database) await (await database).close()
}
