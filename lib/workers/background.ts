// Work nobody is waiting for (a followed feed's poll, suggestions for the articles it brought)
// is marked as such where it starts, and the analysis pool serves it after any task somebody is
// waiting for: an editor's upload must not queue behind fifty articles' suggestions. The mark
// travels with the async context, so the code in between (ingest, suggest) need not pass it on.
import { AsyncLocalStorage } from 'node:async_hooks'

// On globalThis: Next.js bundles this module into each route, and the pool that reads the mark
// may have been made by another copy than the job that set it.
const store = ((globalThis as { __claimlineBackground?: AsyncLocalStorage<true> }).__claimlineBackground ??= new AsyncLocalStorage<true>())

export function inBackground<T>(fn: () => Promise<T>): Promise<T> {
  return store.run(true, fn)
}

export function isBackground(): boolean {
  return store.getStore() === true
}
