// The compiled command line's entry (dist/cli.mjs, built by scripts/lib/bundle.mjs): the
// analysis worker was compiled beside it. Run from source, lib/cli/main.ts is the entry.
import '../runtime/require-supported-node'
import { runWorkersFrom } from '../workers/start'

runWorkersFrom(new URL('./worker.mjs', import.meta.url))
await import('./main')
