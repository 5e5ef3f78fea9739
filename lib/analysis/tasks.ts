// The analysis worker's program, the worker-thread side of lib/workers/pool.ts: the table of
// what may run off the request path, and the loop that runs one task at a time. Each task is a
// pure function of structured-cloneable input; this module is the only place that knows them
// all. It sits above the domain (it loads claims/ and ingest/, which call the pool), and no
// module imports it: lib/runtime/worker-thread.ts starts it by its path, the build bundles it as
// dist/worker.mjs, and the pool learns its types through TaskRegistry below.
import { parentPort, workerData } from 'node:worker_threads'
import type { Suggestion, suggestClaims } from '../claims/suggest/suggest'
import type { extractArticle } from '../ingest/extract/extract'
import type { extractForStorage } from '../ingest/store/prepare'
import type { TaskReply, TaskRequest, ThrownInTask, WorkerHello, WorkerSetup } from '../workers/pool'
import { runBelowProcessPriority } from '../runtime/thread-priority'
import { currentThreadId } from '../workers/thread-cpu'

// Each task's module is loaded on its first use, so a worker that only extracts never loads
// the suggestion engine's lexicon.
const tasks = {
  // Bytes → the article as stored (draft, body, hashes, compressed source).
  extract: async ({ input, fixes }: { input: Parameters<typeof extractForStorage>[0]; fixes?: Parameters<typeof extractForStorage>[1] }) =>
    (await import('../ingest/store/prepare')).extractForStorage(input, fixes),
  // A feed's bytes → its first `maxItems` items.
  feed: async ({ bytes, contentType, maxItems }: { bytes: Uint8Array; contentType: string | null; maxItems: number }) =>
    (await import('../ingest/fetch/feeds')).readFeed(bytes, contentType, maxItems),
  // Bytes → the draft alone: the Add-articles preview and re-extraction.
  draft: async ({ bytes, options }: { bytes: Uint8Array; options?: Parameters<typeof extractArticle>[1] }) =>
    (await import('../ingest/extract/extract')).extractArticle(bytes, options),
  // An article's stored text → suggested claims.
  suggest: async ({ bodyText, options }: { bodyText: string; options?: Parameters<typeof suggestClaims>[1] }) =>
    (await import('../claims/suggest/suggest')).suggestClaims(bodyText, options),
  // An article's claims (as suggestions) and its text → which answers which.
  answers: async ({ bodyText, items }: { bodyText: string; items: Suggestion[] }) => {
    const [{ proposeAnswers }, { parse }] = await Promise.all([import('../claims/suggest/answers'), import('../claims/suggest/text')])
    proposeAnswers(items, parse(bodyText))
    return items.map((item) => item.answers)
  },
}

type Tasks = typeof tasks

declare module '../workers/pool' {
  interface TaskRegistry extends Tasks {}
}

function describe(error: unknown): ThrownInTask {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} }
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(error)) if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value
  return { name: error.name, message: error.message, fields }
}

// The large buffers of a result travel without a copy.
function transferables(output: unknown): ArrayBuffer[] {
  if (
    output &&
    typeof output === 'object' &&
    'rawSource' in output &&
    output.rawSource instanceof Uint8Array &&
    output.rawSource.buffer instanceof ArrayBuffer
  ) {
    return [output.rawSource.buffer]
  }
  return []
}

const { nice } = (workerData ?? { nice: 0 }) as WorkerSetup
runBelowProcessPriority(nice)
parentPort?.postMessage({ threadId: currentThreadId() } satisfies WorkerHello)

parentPort?.on('message', async (request: TaskRequest) => {
  let reply: TaskReply
  try {
    const run = tasks[request.task] as (input: unknown) => Promise<unknown>
    reply = { id: request.id, ok: true, output: await run(request.input) }
  } catch (error) {
    reply = { id: request.id, ok: false, thrown: describe(error) }
  }
  try {
    parentPort?.postMessage(reply, reply.ok ? transferables(reply.output) : [])
  } catch (error) {
    // A result that cannot be sent fails that task alone, not the worker and its queue.
    parentPort?.postMessage({
      id: request.id,
      ok: false,
      thrown: describe(new Error(`The analysis gave a result that could not be passed on: ${describe(error).message}`)),
    } satisfies TaskReply)
  }
})
