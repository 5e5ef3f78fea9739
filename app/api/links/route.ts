// POST /api/links — (editor) link a claim to the claim it answers ({fromId, toId, relation}), as
// the claim card's "link" does; linking twice returns the one link.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { apiRoute, readJson } from '@/lib/api/handler'
import { presentLink } from '@/lib/api/present'
import { linkCreateBody, type linkResponse } from '@/lib/api/schemas'
import { linkClaims } from '@/lib/claims/edit'

export const dynamic = 'force-dynamic'

export const POST = apiRoute('editor', async (request, user) => {
  const { fromId, toId, relation } = await readJson(request, linkCreateBody)
  const link = await linkClaims(fromId, toId, relation, user.id)
  return NextResponse.json(presentLink(link) satisfies z.infer<typeof linkResponse>, { status: 201 })
})
