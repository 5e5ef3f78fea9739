// claimline import FILE | -
// A Claimline export (into an empty database) or annotations (W3C Web Annotation, a Hypothesis
// export) as claims on the stored articles, as POST /api/import does, without its size limit.
// Exits 1 when anything was left out (an orphan, an annotation of a page that is not stored,
// an unreadable one) or the import was refused; nothing is written in that last case. Replies
// and page notes annotate no words: they are counted in one line, not listed, and are no failure.
import { readFileSync } from 'node:fs'
import { migrateFirst } from '../database/migrate'
import { getDatabase } from '../db'
import { getEnv } from '../env'
import { ImportError, importDocument, type ImportReport } from '../interop/import'
import { readStdin } from './inputs'

export const IMPORT_USAGE = `  import FILE | -                a Claimline export into an empty database, or W3C / Hypothesis
                                 annotations as claims on the stored articles (matched by URL)`

function describe(report: Extract<ImportReport, { kind: 'annotations' }>['results'][number]): string {
  switch (report.status) {
    case 'created':
      return `created ${report.kind} "${report.quote.slice(0, 60)}"${report.unknownEntities.length > 0 ? ` (no entity for ${report.unknownEntities.join(', ')})` : ''}`
    case 'duplicate':
      return `already a claim (${report.duplicateOf})`
    case 'orphan':
      return `orphan: the words "${report.quote.slice(0, 60)}" are not in the stored article`
    case 'no-article':
      return `no stored article for ${report.source ?? 'an annotation without a page'}`
    case 'skipped':
      return `skipped: a ${report.reason}`
    case 'invalid':
      return `invalid: ${report.reason}`
  }
}

export async function runImport(args: string[]): Promise<number> {
  const [file, ...rest] = args
  if (!file || rest.length > 0) {
    console.error('Usage: claimline import FILE | -')
    return 2
  }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(file === '-' ? readStdin() : readFileSync(file)))
  } catch (error) {
    console.error(`${file}: ${error instanceof SyntaxError ? 'not JSON' : error instanceof Error ? error.message : String(error)}`)
    return 1
  }
  // A Claimline export restores into a new installation, which may not be migrated yet.
  await migrateFirst(await getDatabase(), (line) => console.error(line))
  const env = getEnv()
  let report: ImportReport
  try {
    report = await importDocument(json, null, { baseUrl: env.CLAIMLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}` })
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    console.error(error.message)
    return 1
  }
  if (report.kind === 'claimline') {
    const { unknownPeople, ...counts } = report.imported
    console.log(
      `Imported ${Object.entries(counts)
        .map(([what, n]) => `${n} ${what}`)
        .join(', ')}.`,
    )
    if (unknownPeople.length > 0) console.log(`No account for ${unknownPeople.join(', ')}: their articles and claims are kept without a name.`)
    return 0
  }
  for (const result of report.results) if (result.status !== 'skipped') console.log(`${result.ref}: ${describe(result)}`)
  const { skipped, ...counted } = report.summary
  console.log(
    Object.entries(counted)
      .map(([status, n]) => `  ${status.padEnd(11)} ${String(n).padStart(6)}`)
      .join('\n'),
  )
  if (skipped > 0) console.log(`${skipped} ${skipped === 1 ? 'reply or page note' : 'replies and page notes'} skipped (they annotate no words)`)
  const left = report.summary.orphan + report.summary['no-article'] + report.summary.invalid
  return left > 0 ? 1 : 0
}
