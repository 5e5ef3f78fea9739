// claimline suggest FILE… | - : extracts each input as `claimline extract` does and prints its
// candidate claims as one JSON line, offsets into the extracted body text:
//   {"id", "suggestions": [{kind, side, speaker, subject, exact, start, end, confidence,
//     "answers": [{"to": <index in this list>, "relation": "denies"|"responds-to"|"confirms", "confidence"}]}]}
// Never opens the database: no curated entities, so speakers and subjects are the names found
// in the text.
import { readFileSync } from 'node:fs'
import { suggestClaims } from '../claims/suggest/suggest'
import { IngestError } from '../ingest/errors'
import { extractArticle } from '../ingest/extract/extract'
import { joinParagraphs } from '../text/paragraphs'
import { inputId, readStdin, resolveInputs } from './inputs'

function suggestOne(id: string, bytes: Uint8Array, out: (line: string) => void): boolean {
  try {
    const body = joinParagraphs(extractArticle(bytes).paragraphs)
    // Relations as the labelling guide writes them ("responds-to"); the app stores responds_to.
    const suggestions = suggestClaims(body).map((s) => ({
      kind: s.kind,
      side: s.side,
      speaker: s.speaker,
      subject: s.subject,
      exact: s.exact,
      start: s.start,
      end: s.end,
      confidence: s.confidence,
      answers: s.answers.map((a) => ({ to: a.to, relation: a.relation.replace('_', '-'), confidence: a.confidence })),
    }))
    out(JSON.stringify({ id, suggestions }))
    return true
  } catch (error) {
    const code = error instanceof IngestError ? error.code : 'internal'
    out(JSON.stringify({ id, error: { code, message: error instanceof Error ? error.message : String(error) } }))
    return false
  }
}

export function runSuggest(args: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): number {
  const { files, stdin, missing } = resolveInputs(args)
  let failed = missing.length
  for (const name of missing) out(JSON.stringify({ id: inputId(name), error: { code: 'not-found', message: `No such file: ${name}` } }))
  if (files.length === 0 && !stdin && missing.length === 0) {
    console.error('Usage: claimline suggest FILE… (or - for standard input)')
    return 2
  }
  for (const file of files) if (!suggestOne(inputId(file), readFileSync(file), out)) failed++
  if (stdin && !suggestOne('stdin', readStdin(), out)) failed++
  return failed > 0 ? 1 : 0
}
