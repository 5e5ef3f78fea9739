// PUT /api/stories/{id}/claims/{claimId} — (editor) add the claim to the story.
// DELETE /api/stories/{id}/claims/{claimId} — (editor) take it out. Both idempotent and, when
// they change something, audited (as on the claim card).
// A story or claim that does not exist is a 404 (setStoryMember says which).
import { NextResponse } from 'next/server'
import { apiRoute, parseId } from '@/lib/api/handler'
import { setStoryMember } from '@/lib/queries/stories'

export const dynamic = 'force-dynamic'

type Params = { id: string; claimId: string }

function membership(present: boolean) {
  return apiRoute<Params>('editor', async (_request, user, params) => {
    const storyId = parseId(params.id, 'story')
    const claimId = parseId(params.claimId, 'claim')
    await setStoryMember({ storyId, claimId }, present, user.id)
    return new NextResponse(null, { status: 204 })
  })
}

export const PUT = membership(true)
export const DELETE = membership(false)
