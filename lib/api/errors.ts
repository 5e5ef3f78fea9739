// Every JSON API error has one shape, { error: { code, message, … } }, and domain errors map to
// status codes in one place, so that a route handler only throws and never builds an error body.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { DomainError, type DomainErrorCode } from '../errors'
import { isUniqueViolation } from '../queries/client'

// The status of each refusal; a new code does not compile until it has one.
const STATUS: Record<DomainErrorCode, number> = {
  'not-found': 404,
  stale: 409,
  exists: 409,
  refused: 409,
  'invalid-selection': 422,
  'invalid-link': 422,
  // An input refused before any article was found, or a URL that could not be fetched.
  empty: 400,
  'too-large': 413,
  'too-complex': 422,
  binary: 415,
  'no-article': 422,
  'bad-feed': 422,
  fetch: 502,
  'blocked-url': 400,
  conflict: 409,
  'unknown-format': 400,
  'invalid-export': 422,
  'not-empty': 409,
  'bad-json': 400,
  'bad-request': 400,
  'bad-form': 400,
  'no-files': 400,
  'bad-cursor': 400,
  invalid: 400,
  'unsupported-media-type': 415,
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not-found', `No such ${what}.`)
  }
}

export type ApiIssue = { path: (string | number)[]; code: string; message: string }
export type ApiErrorBody = { error: { code: string; message: string; issues?: ApiIssue[]; currentVersion?: number | null; existingId?: string } }

export function apiError(status: number, error: ApiErrorBody['error']): NextResponse {
  return NextResponse.json({ error } satisfies ApiErrorBody, { status })
}

function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    // Symbols cannot appear in JSON input, but zod's type allows them.
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    code: issue.code,
    message: issue.message,
  }))
}

function summary(issues: ApiIssue[]): string {
  return issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
}

// Prisma's "a foreign key points nowhere" (P2003), e.g. a speakerId that names no entity.
function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2003'
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof z.ZodError) {
    const issues = issuesOf(error)
    return apiError(400, { code: 'invalid', message: summary(issues), issues })
  }
  if (error instanceof DomainError) return apiError(STATUS[error.code], { code: error.code, message: error.apiMessage, ...error.details })
  if (isUniqueViolation(error))
    return apiError(409, { code: 'conflict', message: 'Another record already has this value (e.g. an entity of the same kind and name).' })
  if (isForeignKeyViolation(error))
    return apiError(422, { code: 'invalid-reference', message: 'A referenced record (an entity, article or claim) does not exist.' })
  // Anything else is our bug: logged with its stack, answered without internals.
  console.error(error)
  return apiError(500, { code: 'internal', message: 'Something went wrong on the server.' })
}
