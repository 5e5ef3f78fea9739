// GET /api/export?format=jsonld|annotations|csv|claimline&claim=ID|article=ID|story=ID|<timeline parameters>
// — (viewer; the full archive: editor) claims as a download: schema.org Claim/ClaimReview JSON-LD, W3C Web Annotations or
// CSV for one claim, article, story, timeline view or everything; the Claimline export (the whole
// archive, for `claimline import`) when no scope is given.
import { NextResponse } from 'next/server'
import { apiRoute } from '@/lib/api/handler'
import { roleAllows } from '@/lib/auth/roles'
import { getEnv } from '@/lib/env'
import { jsonError } from '@/lib/http/responses'
import { buildExport } from '@/lib/interop/export'
import { parseExportRequest } from '@/lib/interop/request'

export const dynamic = 'force-dynamic'

export const GET = apiRoute('viewer', async (request, user) => {
  const url = new URL(request.url)
  const parsed = parseExportRequest(url.searchParams)
  if (!parsed.ok) return jsonError(400, 'bad-request', parsed.message)
  // The whole archive names every editor by email, which viewers are not shown elsewhere.
  if (parsed.request.format === 'claimline' && !roleAllows(user.role, 'editor')) {
    return jsonError(403, 'forbidden', 'The full Claimline export needs the editor role; viewers can export claims as JSON-LD, annotations or CSV.')
  }
  const env = getEnv()
  // Behind a proxy the request's own address is the internal one: CLAIMLINE_PUBLIC_URL names the public one.
  const file = await buildExport(parsed.request, { baseUrl: env.CLAIMLINE_PUBLIC_URL ?? url.origin, organizationName: env.CLAIMLINE_ORGANIZATION_NAME })
  return new NextResponse(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    },
  })
})
