// GET /api/claims?q=…&article=…&kind=…&speaker=…&subject=…&story=…&from=…&to=…&exclude=…&cursor=…
// — (viewer) claims newest first, a page at a time; with only q and exclude it is the picker for
// linking a claim to the one it answers.
// POST /api/claims — (editor) tag a claim on an article's words, as the annotator does.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { decodeCursor, pageOf } from '@/lib/api/cursor'
import { apiRoute, readJson, readQuery } from '@/lib/api/handler'
import { presentClaim, presentClaimDetail } from '@/lib/api/present'
import { claimCreateBody, claimListQuery, type claimDetailResponse, type claimListResponse } from '@/lib/api/schemas'
import { tagClaim } from '@/lib/claims/tag'
import { getClaimDetails, listClaimsPage } from '@/lib/queries/claims'

export const dynamic = 'force-dynamic'

const claimKey = z.object({ claimDate: z.iso.date().nullable(), createdAt: z.iso.datetime(), id: z.uuid() })

export const GET = apiRoute('viewer', async (request) => {
  const query = readQuery(request, claimListQuery)
  const after = query.cursor ? decodeCursor(query.cursor, claimKey) : undefined
  const rows = await listClaimsPage(
    {
      q: query.q,
      articleId: query.article,
      kinds: query.kind,
      speakerId: query.speaker,
      subjectId: query.subject,
      storyId: query.story,
      from: query.from,
      to: query.to,
      excludeId: query.exclude,
    },
    {
      after: after && { claimDate: after.claimDate ? new Date(`${after.claimDate}T00:00:00Z`) : null, createdAt: new Date(after.createdAt), id: after.id },
      take: query.limit + 1,
    },
  )
  const page = pageOf(rows, query.limit, (c) => ({
    claimDate: c.claimDate?.toISOString().slice(0, 10) ?? null,
    createdAt: c.createdAt.toISOString(),
    id: c.id,
  }))
  return NextResponse.json({ claims: page.items.map(presentClaim), nextCursor: page.nextCursor } satisfies z.infer<typeof claimListResponse>)
})

export const POST = apiRoute('editor', async (request, user) => {
  const { articleId, start, end, exact, kind, speakerId, subjectId, channel, claimDate, note } = await readJson(request, claimCreateBody)
  const created = await tagClaim(
    { articleId, start, end, exact },
    { kind, speakerId: speakerId ?? null, subjectId: subjectId ?? null, channel: channel ?? null, claimDate: claimDate ?? null, note: note ?? null },
    user.id,
  )
  const claim = await getClaimDetails(created.id)
  if (!claim) throw new Error('The new claim could not be read back.')
  return NextResponse.json(presentClaimDetail(claim) satisfies z.infer<typeof claimDetailResponse>, { status: 201 })
})
