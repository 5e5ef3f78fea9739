// POST /api/import — (editor) a JSON body: a Claimline export, restored into an empty database,
// or annotations (W3C Web Annotation, a Hypothesis export) tagged as claims on the stored
// articles; answers with what was imported, per annotation for annotations.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import type { importResponse } from '@/lib/api/schemas'
import { guardedRoute } from '@/lib/auth/guard'
import { getEnv } from '@/lib/env'
import { HttpError, jsonError, readBodyWithLimit } from '@/lib/http/responses'
import { ImportError, importDocument } from '@/lib/interop/import'

export const dynamic = 'force-dynamic'

// An archive carries every article's raw page: larger ones go through `claimline import FILE`.
const MAX_IMPORT_BYTES = 100 * 1024 * 1024

const STATUS_FOR: Record<ImportError['code'], number> = { 'unknown-format': 400, 'invalid-export': 422, 'not-empty': 409 }

export const POST = guardedRoute('editor', async (request, user) => {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(await readBodyWithLimit(request, MAX_IMPORT_BYTES)))
  } catch (error) {
    if (error instanceof HttpError) return jsonError(error.status, error.code, error.message)
    return jsonError(400, 'bad-json', 'The request body is not valid JSON.')
  }
  try {
    const report = await importDocument(json, user.id, { baseUrl: getEnv().CLAIMLINE_PUBLIC_URL ?? new URL(request.url).origin })
    return NextResponse.json(report satisfies z.infer<typeof importResponse>, { status: report.kind === 'claimline' || report.summary.created > 0 ? 201 : 200 })
  } catch (error) {
    if (error instanceof ImportError) return jsonError(STATUS_FOR[error.code], error.code, error.message)
    throw error
  }
})
