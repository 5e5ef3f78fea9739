// GET /api/entities?q=… — (viewer) entities whose name or an alias contains q, for autocomplete.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { guardedRoute } from '@/lib/auth/guard'
import { searchEntities } from '@/lib/queries/entities'

export const dynamic = 'force-dynamic'

const query = z.object({ q: z.string().max(200).default(''), limit: z.coerce.number().int().min(1).max(50).default(10) })

export const GET = guardedRoute('viewer', async (request) => {
  const { q, limit } = query.parse(Object.fromEntries(new URL(request.url).searchParams))
  return NextResponse.json({ entities: await searchEntities(q, limit) })
})
