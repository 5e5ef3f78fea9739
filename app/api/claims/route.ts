// GET /api/claims?q=…&exclude=ID — (viewer) claims whose quote, speaker, subject or article
// title contains q, newest first: the picker for linking a claim to the one it answers.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { guardedRoute } from '@/lib/auth/guard'
import { searchClaims } from '@/lib/queries/claims'

export const dynamic = 'force-dynamic'

const query = z.object({
  q: z.string().max(200).default(''),
  exclude: z.uuid().optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})

export const GET = guardedRoute('viewer', async (request) => {
  const { q, exclude, limit } = query.parse(Object.fromEntries(new URL(request.url).searchParams))
  return NextResponse.json({ claims: await searchClaims(q, { excludeId: exclude, limit }) })
})
