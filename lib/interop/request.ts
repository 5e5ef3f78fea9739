// What an export asks for, as GET /api/export and `claimline export` both say it:
//   format=jsonld|annotations|csv|claimline
//   and one scope: claim=ID | article=ID | story=ID | the timeline's parameters | nothing (everything).
// The Claimline format is the whole archive, so it takes no scope. Unlike the timeline page,
// which drops a bad filter to keep an old link working, an export refuses one: a file silently
// holding more than was asked for would be worse than an error.
import { z } from 'zod'
import type { ClaimScope } from '../queries/interop'
import { timelineParams, timelineQueryString, type TimelineParams } from '../timeline/params'
import { firstIssue } from '../validation'

export const EXPORT_FORMATS = ['jsonld', 'annotations', 'csv', 'claimline'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export type ExportScope = Exclude<ClaimScope, { kind: 'claims' }> | { kind: 'timeline'; params: TimelineParams }
export type ExportRequest = { format: ExportFormat; scope: ExportScope }

// Timeline parameters other than `story`: any of them makes the export the timeline view (with
// `story`, if given, as one of its filters); `story` alone is the story's claims.
const TIMELINE_KEYS = ['entity', 'kind', 'outlet', 'speaker', 'from', 'to', 'q'] as const
const SCOPE_KEYS = ['claim', 'article', 'story'] as const

const format = z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}.` })
const id = (what: string) => z.uuid({ error: `${what} must be an id.` })

export type ParsedExportRequest = { ok: true; request: ExportRequest } | { ok: false; message: string }

export function parseExportRequest(search: URLSearchParams): ParsedExportRequest {
  const timeline = TIMELINE_KEYS.some((key) => search.has(key))
  const scopes = SCOPE_KEYS.filter((key) => search.has(key))
  if (scopes.length > 1 || (timeline && scopes.some((key) => key !== 'story'))) {
    return { ok: false, message: 'Give one scope: claim=…, article=…, story=… or timeline parameters, or none for everything.' }
  }
  const scope = timeline ? timelineScope(search) : singleScope(search, scopes[0])
  if (!scope.ok) return scope
  const givenFormat = search.get('format')
  // Without a format: the whole archive as a Claimline export, a part of it as schema.org JSON-LD.
  const parsedFormat = format.safeParse(givenFormat ?? (scope.scope.kind === 'all' ? 'claimline' : 'jsonld'))
  if (!parsedFormat.success) return { ok: false, message: firstIssue(parsedFormat.error, 'Unknown format.') }
  if (parsedFormat.data === 'claimline' && scope.scope.kind !== 'all') {
    return {
      ok: false,
      message: 'The Claimline export is the whole archive; for one claim, article, story or timeline view ask for jsonld, annotations or csv.',
    }
  }
  return { ok: true, request: { format: parsedFormat.data, scope: scope.scope } }
}

type ScopeResult = { ok: true; scope: ExportScope } | { ok: false; message: string }

function singleScope(search: URLSearchParams, key: (typeof SCOPE_KEYS)[number] | undefined): ScopeResult {
  if (!key) return { ok: true, scope: { kind: 'all' } }
  const parsed = id(key).safeParse(search.get(key))
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, `${key} must be an id.`) }
  return { ok: true, scope: { kind: key, id: parsed.data } }
}

function timelineScope(search: URLSearchParams): ScopeResult {
  const raw: Record<string, string | string[]> = {}
  for (const key of new Set(search.keys())) {
    if (key === 'format') continue
    const values = search.getAll(key)
    raw[key] = values.length > 1 ? values : (values[0] ?? '')
  }
  const params = timelineParams.parse(raw)
  // timelineParams drops what it cannot read; here a dropped value is an error (see above).
  const given = new URLSearchParams(timelineQueryString(params))
  for (const key of [...TIMELINE_KEYS, 'story'] as const) {
    const kept = given.getAll(key)
    const dropped = search.getAll(key).find((v) => v.trim() !== '' && !kept.includes(v.trim()))
    if (dropped !== undefined)
      return {
        ok: false,
        message: `The timeline parameter ${key}=${dropped} is not understood${key === 'entity' ? ' (at most 4 companies, each by id)' : ''}.`,
      }
  }
  if (params.entity.length === 0 && !params.story) return { ok: false, message: 'A timeline export needs a company (entity=…) or a story (story=…).' }
  return { ok: true, scope: { kind: 'timeline', params } }
}

// The request as a canonical query string: the exported collection's id, and the links the pages show.
export function exportQueryString(request: ExportRequest): string {
  const scope = request.scope
  const search = new URLSearchParams({ format: request.format })
  if (scope.kind === 'claim' || scope.kind === 'article' || scope.kind === 'story') search.set(scope.kind, scope.id)
  const query = search.toString()
  return scope.kind === 'timeline' ? `${query}&${timelineQueryString(scope.params)}` : query
}
