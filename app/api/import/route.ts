// POST /api/import — (editor) a JSON body: a Claimline export, restored into an empty database,
// or annotations (W3C Web Annotation, a Hypothesis export) tagged as claims on the stored
// articles; answers with what was imported, per annotation for annotations.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import type { importResponse } from '@/lib/api/schemas'
import { apiRoute } from '@/lib/api/handler'
import { getEnv } from '@/lib/env'
import { DomainError } from '@/lib/errors'
import { readBodyWithLimit } from '@/lib/http/responses'
import { importDocument } from '@/lib/interop/import'

export const dynamic = 'force-dynamic'

// An archive carries every article's raw page: larger ones go through `claimline import FILE`.
const MAX_IMPORT_BYTES = 100 * 1024 * 1024

export const POST = apiRoute('editor', async (request, user) => {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(await readBodyWithLimit(request, MAX_IMPORT_BYTES)))
  } catch (error) {
    // A body over the limit says so; anything else that stops the read is unreadable JSON.
    if (error instanceof DomainError) throw error
    throw new DomainError('bad-json', 'The request body is not valid JSON.')
  }
  const report = await importDocument(json, user.id, { baseUrl: getEnv().CLAIMLINE_PUBLIC_URL ?? new URL(request.url).origin })
  return NextResponse.json(report satisfies z.infer<typeof importResponse>, { status: report.kind === 'claimline' || report.summary.created > 0 ? 201 : 200 })
})
