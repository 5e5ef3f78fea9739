// GET /api/articles/{id} — (viewer) one article: its details, stored text and claim count.
// PATCH /api/articles/{id} — (editor) correct title, date, bylines or publisher, as "Edit details" does.
// DELETE /api/articles/{id}?version=N — (editor) delete the article and its claims; audited.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { NotFoundError } from '@/lib/api/errors'
import { apiRoute, parseId, readJson, readQuery } from '@/lib/api/handler'
import { presentArticle, presentArticleDetails } from '@/lib/api/present'
import { articlePatchBody, versionQuery, type articlePatchResponse, type articleResponse } from '@/lib/api/schemas'
import { editArticleDetails } from '@/lib/articles/details'
import { deleteArticleRecord } from '@/lib/articles/edit'
import { getArticleDetails } from '@/lib/queries/articles'

export const dynamic = 'force-dynamic'

type Params = { id: string }

export const GET = apiRoute<Params>('viewer', async (_request, _user, params) => {
  const article = await getArticleDetails(parseId(params.id, 'article'))
  if (!article) throw new NotFoundError('article')
  return NextResponse.json(presentArticle(article) satisfies z.infer<typeof articleResponse>)
})

export const PATCH = apiRoute<Params>('editor', async (request, user, params) => {
  const id = parseId(params.id, 'article')
  const { version, ...change } = await readJson(request, articlePatchBody)
  const saved = await editArticleDetails(id, version, change, user.id)
  if (!saved) throw new NotFoundError('article')
  return NextResponse.json(presentArticleDetails(id, saved) satisfies z.infer<typeof articlePatchResponse>)
})

export const DELETE = apiRoute<Params>('editor', async (request, user, params) => {
  const id = parseId(params.id, 'article')
  const { version } = readQuery(request, versionQuery)
  if (!(await deleteArticleRecord(id, version, user.id))) throw new NotFoundError('article')
  return new NextResponse(null, { status: 204 })
})
