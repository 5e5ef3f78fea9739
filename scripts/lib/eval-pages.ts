// The labelled extraction pages in <eval dir>/extraction (scripts/lib/eval-dir.ts), for the
// eval and the benchmark. Dev tooling: the app itself never reads them.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { z } from 'zod'
import { evalDir, missingEvalData } from './eval-dir'

const truthSchema = z.record(
  z.string(),
  z.object({
    url: z.string().nullable(),
    body: z.string(),
    title: z.string().nullable(),
    author: z.string().nullable(),
    published: z.string().nullable(),
    source: z.string(),
    with: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional(),
    without: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional(),
  }),
)
export type Truth = z.infer<typeof truthSchema>[string]

export type EvalPage = { id: string; truth: Truth; html: Uint8Array }

export function extractionDir(): string {
  return path.join(evalDir(), 'extraction')
}

export function missingEvalPages(): string {
  return missingEvalData('extraction eval set (extraction/truth.json)', extractionDir())
}

// null when the set is missing, so that callers can say where they looked.
export function loadEvalPages(only: string | null = null): EvalPage[] | null {
  const dir = extractionDir()
  if (!existsSync(path.join(dir, 'truth.json'))) return null
  const truth = truthSchema.parse(JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')))
  return Object.keys(truth)
    .filter((id) => !only || id.startsWith(only))
    .sort()
    .map((id) => {
      const entry = truth[id]
      if (!entry) throw new Error(`no truth for ${id}`)
      return { id, truth: entry, html: gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`))) }
    })
}
