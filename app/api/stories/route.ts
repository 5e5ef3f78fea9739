// GET /api/stories?cursor=… — (viewer) stories by name, with how many articles and claims each holds.
// POST /api/stories — (editor) create a story, as the stories page does.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { decodeCursor, pageOf } from '@/lib/api/cursor'
import { apiRoute, readJson, readQuery } from '@/lib/api/handler'
import { presentStory, presentStoryDetail } from '@/lib/api/present'
import { storyCreateBody, storyListQuery, type storyDetailResponse, type storyListResponse } from '@/lib/api/schemas'
import { createStory, getStoryDetails, listStoriesPage } from '@/lib/queries/stories'

export const dynamic = 'force-dynamic'

const storyKey = z.object({ name: z.string(), id: z.uuid() })

export const GET = apiRoute('viewer', async (request) => {
  const query = readQuery(request, storyListQuery)
  const after = query.cursor ? decodeCursor(query.cursor, storyKey) : undefined
  const rows = await listStoriesPage({ after, take: query.limit + 1 })
  const page = pageOf(rows, query.limit, (story) => ({ name: story.name, id: story.id }))
  return NextResponse.json({ stories: page.items.map(presentStory), nextCursor: page.nextCursor } satisfies z.infer<typeof storyListResponse>)
})

export const POST = apiRoute('editor', async (request, user) => {
  const input = await readJson(request, storyCreateBody)
  const created = await createStory({ name: input.name, description: input.description ?? null }, user.id)
  const story = await getStoryDetails(created.id)
  if (!story) throw new Error('The new story could not be read back.')
  return NextResponse.json(presentStoryDetail(story) satisfies z.infer<typeof storyDetailResponse>, { status: 201 })
})
