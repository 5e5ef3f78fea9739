// GET /api/timeline?entity=…&kind=…&from=…&format=json|csv — (viewer) the timeline view with the
// same parameters as /timeline, as JSON (default) or as a CSV download.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import type { timelineResponse } from '@/lib/api/schemas'
import { guardedRoute } from '@/lib/auth/guard'
import { timelineCsv, timelineJson } from '@/lib/timeline/export'
import { loadTimeline } from '@/lib/timeline/load'
import { timelineParams, timelineQueryString } from '@/lib/timeline/params'

export const dynamic = 'force-dynamic'

function searchObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    out[key] = values.length > 1 ? values : (values[0] ?? '')
  }
  return out
}

export const GET = guardedRoute('viewer', async (request) => {
  const url = new URL(request.url)
  const params = timelineParams.parse(searchObject(url))
  const view = await loadTimeline(params)
  if (url.searchParams.get('format') === 'csv') {
    return new NextResponse(timelineCsv(view), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="claimline-timeline.csv"' },
    })
  }
  // Typed by the schema the OpenAPI document publishes for this answer.
  return NextResponse.json(timelineJson(view, timelineQueryString(params)) satisfies z.infer<typeof timelineResponse>)
})
