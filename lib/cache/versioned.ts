// A per-process cache of values derived from claims, keyed by the claims' change counter
// (lib/queries/data-version.ts) and the question asked. Any change to them raises the counter, so
// an entry is never served after a change it does not include; several app instances each keep
// their own and agree through the database. Least recently used entries go first.
export type VersionedCache<T> = {
  get(version: string, key: string, compute: () => Promise<T>): Promise<T>
  readonly size: number
}

export function versionedCache<T>(maxEntries: number): VersionedCache<T> {
  const entries = new Map<string, Promise<T>>()
  return {
    async get(version, key, compute) {
      const id = `${version}\u0000${key}`
      const hit = entries.get(id)
      if (hit) {
        // Map keeps insertion order: re-inserting marks it recently used.
        entries.delete(id)
        entries.set(id, hit)
        return hit
      }
      // The promise is shared, so concurrent requests for the same view compute it once.
      const pending = compute()
      entries.set(id, pending)
      pending.catch(() => entries.delete(id))
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value
        if (oldest === undefined) break
        entries.delete(oldest)
      }
      return pending
    },
    get size() {
      return entries.size
    },
  }
}
