// The production server on a benchmark database, and a signed-in viewer to ask it for pages.
// The server owns the embedded database while it runs (one PGlite owner per data directory),
// so the caller closes its own handle first.
import { uuidv7 } from './random'
import type { SqlPool } from '../../lib/database/sql'
import { SESSION_COOKIE, SESSION_IDLE_MS } from '../../lib/auth/sessions'
import { hashSecret, newSecret } from '../../lib/auth/tokens'
import { buildApp, buildIsCurrent } from '../../scripts/lib/build'
import { startAppServer } from '../../scripts/lib/app-server'

// A viewer and a session for it, written directly (the auth modules use the process-wide
// client, which would open DATABASE_URL rather than the benchmark's database).
export async function createViewerCookie(pool: SqlPool): Promise<string> {
  const token = newSecret()
  const userId = uuidv7(Date.now(), Math.random)
  const now = new Date()
  await pool.session(async (session) => {
    await session.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1::uuid, $2, 'Bench Viewer', 'viewer', 'not-a-password', $3::timestamptz)`,
      [userId, `bench-${userId}@example.org`, now.toISOString()],
    )
    await session.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2::uuid, $3::timestamptz)`, [
      hashSecret(token),
      userId,
      new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    ])
  })
  return `${SESSION_COOKIE}=${token}`
}

// Builds the app when the sources changed since the last build. Returns an error message when
// the build fails (someone may be in the middle of editing a page).
export function ensureBuild(): string | null {
  if (buildIsCurrent()) return null
  console.log('The production build is missing or stale: running next build …')
  try {
    buildApp()
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

export type PageServer = { url: string; stop(): Promise<void> }

// The production server on the benchmark's database, without demo data; `env` adds to (or
// overrides) this process's environment for it.
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<PageServer> {
  return startAppServer({ ...process.env, ...env, DATABASE_URL: databaseUrl, CLAIMLINE_DEMO_DATA: '0' })
}

export type PageResult = { ms: number; status: number; bytes: number; items: number }

export async function getPage(url: string, cookie: string): Promise<PageResult> {
  const started = performance.now()
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' })
  const body = await response.text()
  const ms = performance.now() - started
  return { ms, status: response.status, bytes: Buffer.byteLength(body), items: body.split('data-item="').length - 1 }
}
