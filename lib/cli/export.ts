// claimline export [--format jsonld|annotations|csv|claimline] [--claim ID | --article ID | --story ID] [--out FILE]
// The same exports as GET /api/export. Without a scope: the whole archive as a Claimline export,
// the file `claimline import` restores. Written to FILE, or to standard output.
import { writeFileSync } from 'node:fs'
import { getEnv } from '../env'
import { buildExport, ExportNotFoundError } from '../interop/export'
import { parseExportRequest } from '../interop/request'

export const EXPORT_USAGE = `  export [--format jsonld|annotations|csv|claimline] [--claim ID | --article ID | --story ID] [--out FILE]
                                 claims as schema.org JSON-LD, W3C Web Annotations or CSV; without a scope,
                                 the whole archive as a Claimline export (the default format then)`

const FLAGS = { '--format': 'format', '--claim': 'claim', '--article': 'article', '--story': 'story' } as const

export async function runExport(args: string[]): Promise<number> {
  const search = new URLSearchParams()
  let out: string | null = null
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    const value = args[i + 1]
    const key = arg in FLAGS ? FLAGS[arg as keyof typeof FLAGS] : arg === '--out' ? 'out' : null
    if (!key || value === undefined) {
      console.error('Usage: claimline export [--format jsonld|annotations|csv|claimline] [--claim ID | --article ID | --story ID] [--out FILE]')
      return 2
    }
    if (key === 'out') out = value
    else search.set(key, value)
    i++
  }
  const parsed = parseExportRequest(search)
  if (!parsed.ok) {
    console.error(parsed.message)
    return 2
  }
  const env = getEnv()
  try {
    // No request to take an address from: the public one if configured, else this machine's server.
    const file = await buildExport(parsed.request, {
      baseUrl: env.CLAIMLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      organizationName: env.CLAIMLINE_ORGANIZATION_NAME,
    })
    if (!out) {
      process.stdout.write(file.body)
      return 0
    }
    writeFileSync(out, file.body)
    console.error(`Wrote ${file.claims} claim${file.claims === 1 ? '' : 's'} (${parsed.request.format}) to ${out}.`)
    return 0
  } catch (error) {
    if (error instanceof ExportNotFoundError) {
      console.error(error.message)
      return 1
    }
    throw error
  }
}
