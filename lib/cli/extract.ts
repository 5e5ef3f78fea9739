// claimline extract FILE… | - : one JSON object per input on its own line. Pure: reads files,
// never opens the database, so it can run anywhere, on many files, in one process.
import { readFileSync } from 'node:fs'
import { formatByline } from '../ingest/extract/bylines'
import { IngestError } from '../ingest/errors'
import { extractArticle } from '../ingest/extract/extract'
import type { ArticleDraft } from '../ingest/types'
import { inputId, readStdin, resolveInputs } from './inputs'

export function draftToJson(id: string, draft: ArticleDraft) {
  return {
    id,
    title: draft.title,
    standfirst: draft.standfirst,
    byline: formatByline(draft.bylines),
    bylines: draft.bylines,
    publisher: draft.publisher,
    dateline: draft.dateline,
    published: draft.published?.iso ?? null,
    publishedSource: draft.published?.source ?? null,
    publishedConfidence: draft.published?.confidence ?? null,
    canonicalUrl: draft.canonicalUrl,
    language: draft.language,
    format: draft.format,
    body: draft.paragraphs.join('\n\n'),
    warnings: draft.warnings,
    extractorVersion: draft.extractorVersion,
  }
}

function extractOne(id: string, bytes: Uint8Array, out: (line: string) => void): boolean {
  try {
    out(JSON.stringify(draftToJson(id, extractArticle(bytes))))
    return true
  } catch (error) {
    const code = error instanceof IngestError ? error.code : 'internal'
    out(JSON.stringify({ id, error: { code, message: error instanceof Error ? error.message : String(error) } }))
    return false
  }
}

export function runExtract(args: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): number {
  const { files, stdin, missing } = resolveInputs(args)
  let failed = missing.length
  for (const name of missing) out(JSON.stringify({ id: inputId(name), error: { code: 'not-found', message: `No such file: ${name}` } }))
  if (files.length === 0 && !stdin && missing.length === 0) {
    console.error('Usage: claimline extract FILE… (or - for standard input)')
    return 2
  }
  for (const file of files) if (!extractOne(inputId(file), readFileSync(file), out)) failed++
  if (stdin && !extractOne('stdin', readStdin(), out)) failed++
  return failed > 0 ? 1 : 0
}
