// GET /api/openapi.json — (public) the OpenAPI 3.1 document of this API, generated from the zod
// schemas the handlers use (lib/api/openapi.ts). Public: it describes the API, not the data.
import { NextResponse } from 'next/server'
import { openApiDocument } from '@/lib/api/openapi'

export const dynamic = 'force-dynamic'

export async function GET() {
  return NextResponse.json(openApiDocument())
}
