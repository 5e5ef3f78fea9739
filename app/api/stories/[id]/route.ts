// GET /api/stories/{id} — (viewer) one story with its articles and claims.
// PATCH /api/stories/{id} — (editor) rename it or change its description; the slug stays.
// DELETE /api/stories/{id} — (editor) delete it; its articles and claims stay. Both audited.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { NotFoundError } from '@/lib/api/errors'
import { apiRoute, parseId, readJson } from '@/lib/api/handler'
import { presentStoryDetail } from '@/lib/api/present'
import { storyPatchBody, type storyDetailResponse } from '@/lib/api/schemas'
import { deleteStoryRecord, getStoryDetails, updateStoryRecord } from '@/lib/queries/stories'

export const dynamic = 'force-dynamic'

type Params = { id: string }

async function respondWithStory(id: string): Promise<NextResponse> {
  const story = await getStoryDetails(id)
  if (!story) throw new NotFoundError('story')
  return NextResponse.json(presentStoryDetail(story) satisfies z.infer<typeof storyDetailResponse>)
}

export const GET = apiRoute<Params>('viewer', async (_request, _user, params) => respondWithStory(parseId(params.id, 'story')))

export const PATCH = apiRoute<Params>('editor', async (request, user, params) => {
  const id = parseId(params.id, 'story')
  const change = await readJson(request, storyPatchBody)
  const saved = await updateStoryRecord(
    id,
    { name: change.name, description: change.description === undefined ? undefined : (change.description ?? null) },
    user.id,
  )
  if (!saved) throw new NotFoundError('story')
  return respondWithStory(id)
})

export const DELETE = apiRoute<Params>('editor', async (_request, user, params) => {
  if (!(await deleteStoryRecord(parseId(params.id, 'story'), user.id))) throw new NotFoundError('story')
  return new NextResponse(null, { status: 204 })
})
