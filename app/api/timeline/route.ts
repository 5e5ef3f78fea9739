// GET /api/timeline?entity=…&kind=…&from=…&format=json|csv — (viewer) the timeline view with the
// same parameters as /timeline, as JSON (default) or as a CSV download.
import { createHash } from 'node:crypto'
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import type { timelineResponse } from '@/lib/api/schemas'
import { guardedRoute } from '@/lib/auth/guard'
import { timelineCsv, timelineJson } from '@/lib/timeline/export'
import { getDataVersion } from '@/lib/queries/data-version'
import { versionedCache } from '@/lib/cache/versioned'
import { loadTimelineAt } from '@/lib/timeline/load'
import { timelineParams, timelineQueryString, type TimelineParams } from '@/lib/timeline/params'

export const dynamic = 'force-dynamic'

function searchObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    out[key] = values.length > 1 ? values : (values[0] ?? '')
  }
  return out
}

// The answer changes only when the archive does: its ETag is the archive's change counter and
// the question, so a client that asks again with If-None-Match gets a 304 until something changed.
function etagFor(version: string, query: string, format: string): string {
  return `W/"${version}-${createHash('sha256').update(`${format}?${query}`).digest('base64url').slice(0, 16)}"`
}

// If-None-Match may list several tags, or be "*" (RFC 9110 13.1.2; weak comparison).
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag))
}

type Body = { text: string; contentType: string; disposition: string | null }

// Serialising 300 claims costs more than looking them up again: the answers themselves are
// cached too, under the same counter as the views.
const bodies = versionedCache<Body>(64)

async function answer(version: string, params: TimelineParams, query: string, format: 'csv' | 'json'): Promise<Body> {
  const view = await loadTimelineAt(version, params)
  if (format === 'csv') return { text: timelineCsv(view), contentType: 'text/csv; charset=utf-8', disposition: 'attachment; filename="claimline-timeline.csv"' }
  // Typed by the schema the OpenAPI document publishes for this answer.
  const json = timelineJson(view, query) satisfies z.infer<typeof timelineResponse>
  return { text: JSON.stringify(json), contentType: 'application/json', disposition: null }
}

export const GET = guardedRoute('viewer', async (request) => {
  const url = new URL(request.url)
  const params = timelineParams.parse(searchObject(url))
  const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'json'
  const query = timelineQueryString(params)
  const version = await getDataVersion()
  const etag = etagFor(version, query, format)
  const headers: Record<string, string> = { etag, 'cache-control': 'private, no-cache' }
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new NextResponse(null, { status: 304, headers })
  const body = await bodies.get(version, `${format}?${query}`, () => answer(version, params, query, format))
  headers['content-type'] = body.contentType
  if (body.disposition) headers['content-disposition'] = body.disposition
  return new NextResponse(body.text, { headers })
})
