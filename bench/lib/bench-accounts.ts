// Editors with personal API tokens for the benchmarks, written directly (like createViewerCookie
// in page-server.ts): lib/auth's functions use the process-wide client, which would open
// DATABASE_URL rather than the benchmark's database.
import type { SqlPool } from '../../lib/database/sql'
import { hashSecret, newApiToken, tokenDisplayPrefix } from '../../lib/auth/tokens'
import { uuidv7 } from './random'

export type BenchEditor = { id: string; name: string; token: string }

export async function createEditorsWithTokens(pool: SqlPool, count: number, label = 'Bench Editor'): Promise<BenchEditor[]> {
  const now = new Date().toISOString()
  const editors: BenchEditor[] = Array.from({ length: count }, (_, i) => ({
    id: uuidv7(Date.now() + i, Math.random),
    name: `${label} ${i + 1}`,
    token: newApiToken(),
  }))
  await pool.session(async (session) => {
    for (const editor of editors) {
      await session.query(
        `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1::uuid, $2, $3, 'editor', 'not-a-password', $4::timestamptz)`,
        [editor.id, `bench-editor-${editor.id}@example.org`, editor.name, now],
      )
      await session.query(`INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES ($1::uuid, $2::uuid, 'bench', $3, $4)`, [
        uuidv7(Date.now(), Math.random),
        editor.id,
        hashSecret(editor.token),
        tokenDisplayPrefix(editor.token),
      ])
    }
  })
  return editors
}
