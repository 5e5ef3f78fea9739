// GET /api/claims/{id} — (viewer) one claim with its links in both directions.
// PATCH /api/claims/{id} — (editor) change kind, speaker, subject, channel, date or note, and/or
// set or clear the verdict; names the version read, and a stale one is refused with 409 and the
// current version.
// DELETE /api/claims/{id}?version=N — (editor) delete the claim, under the same version check.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { NotFoundError } from '@/lib/api/errors'
import { apiRoute, parseId, readJson, readQuery } from '@/lib/api/handler'
import { presentClaimDetail } from '@/lib/api/present'
import { claimPatchBody, versionQuery, type claimDetailResponse } from '@/lib/api/schemas'
import { updateClaimMap } from '@/lib/claims/claim-map'
import { getClaimDetails } from '@/lib/queries/claims'
import { deleteClaimRecord, editClaimAndRead } from '@/lib/claims/edit'

export const dynamic = 'force-dynamic'

type Params = { id: string }

async function respondWithClaim(id: string): Promise<NextResponse> {
  const claim = await getClaimDetails(id)
  if (!claim) throw new NotFoundError('claim')
  return NextResponse.json(presentClaimDetail(claim) satisfies z.infer<typeof claimDetailResponse>)
}

export const GET = apiRoute<Params>('viewer', async (_request, _user, params) => respondWithClaim(parseId(params.id, 'claim')))

export const PATCH = apiRoute<Params>('editor', async (request, user, params) => {
  const id = parseId(params.id, 'claim')
  const { version, claimDate, verdict, verdictNote, ...fields } = await readJson(request, claimPatchBody)
  // Keys left out are not changed; null (or "") clears an optional field, as the form's blank does.
  const details = {
    kind: fields.kind,
    speakerId: fields.speakerId === undefined ? undefined : (fields.speakerId ?? null),
    subjectId: fields.subjectId === undefined ? undefined : (fields.subjectId ?? null),
    channel: fields.channel === undefined ? undefined : (fields.channel ?? null),
    note: fields.note === undefined ? undefined : (fields.note ?? null),
    claimDate: claimDate === undefined ? undefined : claimDate ? new Date(`${claimDate}T00:00:00Z`) : null,
  }
  const verdictChange = verdict === undefined && verdictNote === undefined ? undefined : { verdict, verdictNote }
  // A verdict-only body is the article page's verdict form and audits as that alone; any other
  // body (even one naming only the version) is an edit of the details, as it always was.
  const editsDetails = Object.values(details).some((value) => value !== undefined) || !verdictChange
  const saved = await editClaimAndRead(id, version, { details: editsDetails ? details : undefined, verdict: verdictChange }, user.id)
  if (!saved) throw new NotFoundError('claim')
  if (editsDetails) await updateClaimMap(saved.articleId, [saved.id])
  return NextResponse.json(presentClaimDetail(saved) satisfies z.infer<typeof claimDetailResponse>)
})

export const DELETE = apiRoute<Params>('editor', async (request, user, params) => {
  const id = parseId(params.id, 'claim')
  const { version } = readQuery(request, versionQuery)
  if (!(await deleteClaimRecord(id, version, user.id))) throw new NotFoundError('claim')
  return new NextResponse(null, { status: 204 })
})
