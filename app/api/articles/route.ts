// GET /api/articles — (viewer) the article list with the list page's filters, a page at a time.
// POST /api/articles — (editor) ingest one article from JSON ({text} | {html, url?} | {url}) or many
// files from multipart/form-data (field "files"); answers with one result per input.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { apiRoute, readQuery } from '@/lib/api/handler'
import { decodeCursor, pageOf } from '@/lib/api/cursor'
import { presentArticleSummary } from '@/lib/api/present'
import { articleIngestBody, articleListQuery, type ArticleIngestFixes, type articleListResponse, type ingestResponse } from '@/lib/api/schemas'
import { MAX_INPUT_BYTES } from '@/lib/ingest/extract/extract'
import { fetchArticle } from '@/lib/ingest/fetch/fetch-url'
import type { IngestInput, IngestResult } from '@/lib/ingest/store/ingest'
import { ingestSources } from '@/lib/ingest/fetch/sources'
import { DomainError } from '@/lib/errors'
import { readBodyWithLimit } from '@/lib/http/responses'
import { listArticlesPage } from '@/lib/queries/articles'

export const dynamic = 'force-dynamic'

const articleKey = z.object({ publishedAt: z.iso.datetime().nullable(), ingestedAt: z.iso.datetime(), id: z.uuid() })

export const GET = apiRoute('viewer', async (request) => {
  const query = readQuery(request, articleListQuery)
  const after = query.cursor ? decodeCursor(query.cursor, articleKey) : undefined
  const rows = await listArticlesPage(
    { q: query.q || undefined, outletId: query.outlet, from: query.from, to: query.to, undated: query.undated === 'true' },
    {
      after: after && { publishedAt: after.publishedAt ? new Date(after.publishedAt) : null, ingestedAt: new Date(after.ingestedAt), id: after.id },
      take: query.limit + 1,
    },
  )
  const page = pageOf(rows, query.limit, (a) => ({ publishedAt: a.publishedAt?.toISOString() ?? null, ingestedAt: a.ingestedAt.toISOString(), id: a.id }))
  return NextResponse.json({ articles: page.items.map(presentArticleSummary), nextCursor: page.nextCursor } satisfies z.infer<typeof articleListResponse>)
})

const MAX_UPLOAD_BYTES = 4 * MAX_INPUT_BYTES

function statusFor(results: IngestResult[]): number {
  if (results.some((r) => r.status === 'created')) return 201
  if (results.every((r) => r.status === 'failed')) return 422
  return 200
}

async function fromJson(request: Request): Promise<{ inputs: IngestInput[]; fixes: ArticleIngestFixes }> {
  const raw = await readBodyWithLimit(request, MAX_INPUT_BYTES + 64 * 1024)
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder().decode(raw))
  } catch {
    throw new DomainError('bad-json', 'The request body is not valid JSON.')
  }
  const parsed = articleIngestBody.safeParse(data)
  if (!parsed.success) {
    throw new DomainError(
      'bad-request',
      `Send {"text": …}, {"html": …, "url"?: …} or {"url": …}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
    )
  }
  const input = parsed.data
  if ('text' in input)
    return { inputs: [{ bytes: new TextEncoder().encode(input.text), name: 'pasted text', contentType: 'text/plain; charset=utf-8' }], fixes: input.fixes }
  if ('html' in input)
    return {
      inputs: [{ bytes: new TextEncoder().encode(input.html), name: input.url ?? 'pasted HTML', url: input.url, contentType: 'text/html; charset=utf-8' }],
      fixes: input.fixes,
    }
  return { inputs: [await fetchArticle(input.url, { signal: request.signal })], fixes: input.fixes } // a feed URL expands into its items below
}

async function fromMultipart(request: Request): Promise<IngestInput[]> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > MAX_UPLOAD_BYTES) throw new DomainError('too-large', `The upload is over the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit.`)
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw new DomainError('bad-form', 'The upload is not valid multipart/form-data.')
  }
  const files = form.getAll('files').filter((f): f is File => typeof f !== 'string')
  if (files.length === 0) throw new DomainError('no-files', 'Attach one or more files in the "files" field.')
  return Promise.all(files.map(async (file) => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, contentType: file.type || null })))
}

export const POST = apiRoute('editor', async (request, user) => {
  const type = request.headers.get('content-type') ?? ''
  const multipart = type.startsWith('multipart/form-data')
  if (!multipart && !type.startsWith('application/json')) throw new DomainError('unsupported-media-type', 'Send application/json or multipart/form-data.')
  const { inputs, fixes } = multipart ? { inputs: await fromMultipart(request), fixes: undefined } : await fromJson(request)
  // request.signal fires when the client disconnects: the work stops there (lib/ingest/fetch/sources.ts).
  const { results, notices } = await ingestSources(
    inputs.map((input) => ({ name: input.name, load: async () => input })),
    { actorId: user.id, fixes, signal: request.signal },
  )
  return NextResponse.json({ results, notices } satisfies z.input<typeof ingestResponse>, { status: statusFor(results) })
})
