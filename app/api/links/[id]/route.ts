// GET /api/links/{id} — (viewer) one link between two claims.
// DELETE /api/links/{id} — (editor) remove it, as the claim card's "unlink" does; audited.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { NotFoundError } from '@/lib/api/errors'
import { apiRoute, parseId } from '@/lib/api/handler'
import { presentLink } from '@/lib/api/present'
import type { linkResponse } from '@/lib/api/schemas'
import { getClaimLink } from '@/lib/queries/claims'
import { unlinkClaims } from '@/lib/claims/edit'

export const dynamic = 'force-dynamic'

type Params = { id: string }

export const GET = apiRoute<Params>('viewer', async (_request, _user, params) => {
  const link = await getClaimLink(parseId(params.id, 'link'))
  if (!link) throw new NotFoundError('link')
  return NextResponse.json(presentLink(link) satisfies z.infer<typeof linkResponse>)
})

export const DELETE = apiRoute<Params>('editor', async (_request, user, params) => {
  if (!(await unlinkClaims(parseId(params.id, 'link'), user.id))) throw new NotFoundError('link')
  return new NextResponse(null, { status: 204 })
})
