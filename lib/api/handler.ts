// The one wrapper every JSON API handler goes through: the guard (401/403), then the handler,
// whose thrown errors become the API's error responses (lib/api/errors.ts).
import { z } from 'zod'
import { guardedRoute, type AuthedUser } from '../auth/guard'
import type { Role } from '../auth/roles'
import { DomainError } from '../errors'
import { readBodyWithLimit } from '../http/responses'
import { errorResponse, NotFoundError } from './errors'

// Next.js hands a dynamic segment's values to the handler as a promise.
export type RouteContext<P extends Record<string, string>> = { params: Promise<P> }

export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  role: Role,
  handler: (request: Request, user: AuthedUser, params: P) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return guardedRoute(role, async (request: Request, user: AuthedUser, context: RouteContext<P>) => {
    try {
      return await handler(request, user, await context.params)
    } catch (error) {
      return errorResponse(error)
    }
  })
}

// Bodies are small JSON objects; ingestion (POST /api/articles) has its own, larger limit.
const MAX_JSON_BYTES = 256 * 1024

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) throw new DomainError('unsupported-media-type', 'Send application/json.')
  const raw = await readBodyWithLimit(request, MAX_JSON_BYTES)
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder().decode(raw))
  } catch {
    throw new DomainError('bad-json', 'The request body is not valid JSON.')
  }
  return schema.parse(data)
}

// A query parameter whose schema is an array is read with getAll (?kind=a&kind=b); the others
// take their first value.
function isArrayParam(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return isArrayParam(schema.unwrap() as z.ZodType)
  return schema instanceof z.ZodArray
}

export function readQuery<S extends z.ZodObject>(request: Request, schema: S): z.output<S> {
  const search = new URL(request.url).searchParams
  const raw: Record<string, string | string[]> = {}
  for (const [key, field] of Object.entries(schema.shape)) {
    if (!search.has(key)) continue
    raw[key] = isArrayParam(field as z.ZodType) ? search.getAll(key) : (search.get(key) ?? '')
  }
  return schema.parse(raw)
}

// A malformed id names nothing: 404 like an unknown one, so ids stay opaque to clients.
export function parseId(value: string | undefined, what: string): string {
  const parsed = z.uuid().safeParse(value)
  if (!parsed.success) throw new NotFoundError(what)
  return parsed.data
}
