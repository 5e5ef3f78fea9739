// The compiled command line's entry (dist/cli.mjs, built by scripts/lib/bundle.mjs): the
// worker threads' entries were compiled beside it. Run from source, lib/cli/main.ts is the entry.
import '../runtime/require-supported-node'
import { runWorkersFrom } from '../runtime/worker-thread'

runWorkersFrom(new URL('./', import.meta.url))
await import('./main')
