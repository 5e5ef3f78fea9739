// The claims' change counter (model DataVersion): raised by the database when a transaction
// that wrote audit rows commits (every change is audited), unless it only made changes no claim
// shows (a new article, a rejected suggestion, a feed followed: see the model), so that caches of
// views built from claims (lib/cache/versioned.ts) never serve data older than the last committed
// change to them, on any app instance.
import { getDb } from '../db'
import type { DbClient } from './client'

// Read before the data it versions: whatever is read after it is at least this new.
export async function getDataVersion(client: DbClient = getDb()): Promise<string> {
  const [row] = await client.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "DataVersion" WHERE "id" = 1`
  return String(row?.version ?? 0n)
}
