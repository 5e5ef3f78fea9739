// PUT /api/stories/{id}/articles/{articleId} — (editor) add the article to the story.
// DELETE /api/stories/{id}/articles/{articleId} — (editor) take it out. Both idempotent and, when
// they change something, audited (as on the article page).
// A story or article that does not exist is a 404 (setStoryMember says which).
import { NextResponse } from 'next/server'
import { apiRoute, parseId } from '@/lib/api/handler'
import { setStoryMember } from '@/lib/queries/stories'

export const dynamic = 'force-dynamic'

type Params = { id: string; articleId: string }

function membership(present: boolean) {
  return apiRoute<Params>('editor', async (_request, user, params) => {
    const storyId = parseId(params.id, 'story')
    const articleId = parseId(params.articleId, 'article')
    await setStoryMember({ storyId, articleId }, present, user.id)
    return new NextResponse(null, { status: 204 })
  })
}

export const PUT = membership(true)
export const DELETE = membership(false)
