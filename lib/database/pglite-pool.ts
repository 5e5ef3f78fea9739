import type { PGlite } from '@electric-sql/pglite'
import { Gate } from './gate'
import type { Row, SqlPool, SqlSession } from './sql'

export function pgliteSession(pglite: PGlite): SqlSession {
  return {
    async query<R extends Row = Row>(text: string, params?: unknown[]) {
      const result = await pglite.query<R>(text, params)
      return result.rows
    },
    async exec(script: string) {
      return (await pglite.exec(script)).at(-1)?.rows ?? []
    },
  }
}

// A session holds the gate for its whole duration.
export function pglitePool(pglite: PGlite, gate: Gate = new Gate()): SqlPool {
  const session = pgliteSession(pglite)
  return { session: (fn) => gate.run(() => fn(session)) }
}
