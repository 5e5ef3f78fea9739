// The archive's change counter (model DataVersion): raised by the database when a transaction
// that wrote audit rows commits (every change is audited), so that caches keyed by it
// (lib/cache/versioned.ts) never serve data older than the last committed change, on any
// app instance.
import { getDb } from '../db'
import type { DbClient } from './client'

// Read before the data it versions: whatever is read after it is at least this new.
export async function getDataVersion(client: DbClient = getDb()): Promise<string> {
  const [row] = await client.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "DataVersion" WHERE "id" = 1`
  return String(row?.version ?? 0n)
}
