// Extraction on the analysis workers (lib/workers): the server never parses an untrusted page
// on the thread that answers requests, and a page that runs into the deadline or the memory
// cap fails as that input's IngestError while everything else goes on.
import { analysisLimits, analysisPool } from '../../workers/shared'
import { TaskError, TaskThrew, type TaskLimits, type TaskPool } from '../../workers/pool'
import { IngestError, type IngestErrorCode } from '../errors'
import type { ExtractOptions } from '../extract/extract'
import type { Extracted } from './prepare'
import type { ArticleDraft, DraftFixes, Feed, IngestInput } from '../types'

const INGEST_CODES = new Set<string>([
  'empty',
  'too-large',
  'too-complex',
  'binary',
  'no-article',
  'bad-feed',
  'fetch',
  'blocked-url',
  'conflict',
] satisfies IngestErrorCode[])

function asIngestError(error: unknown): unknown {
  if (error instanceof TaskThrew && error.thrown.name === 'IngestError' && INGEST_CODES.has(String(error.thrown.fields.code))) {
    return new IngestError(error.thrown.fields.code as IngestErrorCode, error.thrown.message)
  }
  if (error instanceof TaskError && error.code === 'timeout') return new IngestError('too-complex', `${error.message} No real article comes near that.`)
  if (error instanceof TaskError && error.code === 'memory') return new IngestError('too-large', `${error.message} No real article comes near that.`)
  return error
}

export async function extractOnWorker(
  input: IngestInput,
  fixes: DraftFixes | undefined,
  pool: TaskPool = analysisPool(),
  limits: TaskLimits = analysisLimits(),
): Promise<Extracted> {
  try {
    return await pool.run('extract', { input, fixes }, limits)
  } catch (error) {
    throw asIngestError(error)
  }
}

export async function feedOnWorker(
  bytes: Uint8Array,
  contentType: string | null | undefined,
  maxItems: number,
  pool: TaskPool = analysisPool(),
  limits: TaskLimits = analysisLimits(),
): Promise<Feed> {
  try {
    return await pool.run('feed', { bytes, contentType: contentType ?? null, maxItems }, limits)
  } catch (error) {
    throw asIngestError(error)
  }
}

export async function draftOnWorker(
  bytes: Uint8Array,
  options: ExtractOptions = {},
  pool: TaskPool = analysisPool(),
  limits: TaskLimits = analysisLimits(),
): Promise<ArticleDraft> {
  try {
    return await pool.run('draft', { bytes, options }, limits)
  } catch (error) {
    throw asIngestError(error)
  }
}
