// Wraps the PGlite Prisma adapter so every query and every interactive transaction passes
// through the process-wide Gate. Without it, a query issued while another request's
// transaction is open would run inside that transaction (PGlite has one session), and
// Prisma would then fail the transaction with P2028.
import type { PGlite } from '@electric-sql/pglite'
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import type { Gate } from './gate'

function gateTransaction(inner: Transaction, release: () => void): Transaction {
  const finish = async (end: () => Promise<void>) => {
    try {
      await end()
    } finally {
      release()
    }
  }
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: (query: SqlQuery) => inner.queryRaw(query),
    executeRaw: (query: SqlQuery) => inner.executeRaw(query),
    commit: () => finish(() => inner.commit()),
    rollback: () => finish(() => inner.rollback()),
  }
}

function gateAdapter(inner: SqlDriverAdapter, pglite: PGlite, gate: Gate): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery): Promise<SqlResultSet> => gate.run(() => inner.queryRaw(query)),
    executeRaw: (query: SqlQuery): Promise<number> => gate.run(() => inner.executeRaw(query)),
    // pglite-prisma-adapter 0.7.2 does not await its script, so a failing script looks
    // successful; run it ourselves.
    executeScript: (script: string) => gate.run(async () => void (await pglite.exec(script))),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const release = await gate.acquire()
      try {
        return gateTransaction(await inner.startTransaction(isolationLevel), release)
      } catch (error) {
        release()
        throw error
      }
    },
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () => inner.dispose(),
  }
}

export function gatedPGliteAdapter(pglite: PGlite, gate: Gate): SqlDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite)
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => gateAdapter(await factory.connect(), pglite, gate),
  }
}
