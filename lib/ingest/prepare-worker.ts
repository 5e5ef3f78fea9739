// Worker-thread side of lib/ingest/prepare-pool.ts: extracts one input at a time.
import { parentPort } from 'node:worker_threads'
import { IngestError } from './errors'
import type { DraftFixes, IngestInput } from './ingest'
import { extractForStorage } from './prepare'

export type PrepareRequest = { id: number; input: IngestInput; fixes: DraftFixes | undefined }
export type PrepareReply =
  | { id: number; ok: true; extracted: ReturnType<typeof extractForStorage> }
  | { id: number; ok: false; code: IngestError['code'] | null; message: string }

parentPort?.on('message', (request: PrepareRequest) => {
  let reply: PrepareReply
  try {
    reply = { id: request.id, ok: true, extracted: extractForStorage(request.input, request.fixes) }
  } catch (error) {
    reply = { id: request.id, ok: false, code: error instanceof IngestError ? error.code : null, message: error instanceof Error ? error.message : String(error) }
  }
  try {
    // The compressed source goes back without a copy.
    parentPort?.postMessage(reply, reply.ok ? [reply.extracted.rawSource.buffer] : [])
  } catch (error) {
    // A draft that cannot be sent fails that input alone, not the worker and its queue.
    parentPort?.postMessage({ id: request.id, ok: false, code: null, message: `Extraction gave a result that could not be passed on: ${error instanceof Error ? error.message : String(error)}` } satisfies PrepareReply)
  }
})
