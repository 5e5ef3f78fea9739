// GET /api/health — database reachability and migration state, for load balancers and `npm start`.
import { NextResponse } from 'next/server'
import { getMigrationState } from '@/lib/database/migrate'
import { getDatabase } from '@/lib/db'

export const dynamic = 'force-dynamic'

export async function GET() {
  try {
    const database = await getDatabase()
    const state = await getMigrationState(database.pool)
    const healthy = state.pending.length === 0 && state.failed.length === 0
    return NextResponse.json(
      {
        status: healthy ? 'ok' : 'degraded',
        database: { reachable: true, role: database.role },
        migrations: { applied: state.applied.length, pending: state.pending, failed: state.failed.map((f) => f.name) },
      },
      { status: healthy ? 200 : 503 },
    )
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return NextResponse.json({ status: 'error', database: { reachable: false, error: message } }, { status: 503 })
  }
}
