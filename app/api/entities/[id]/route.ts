// GET /api/entities/{id} — (viewer) one entity with how many claims it spoke and is the subject of.
// PATCH /api/entities/{id} — (editor) rename, set aliases or affiliation, as the entities page does.
// No DELETE: a deleted entity's claims would silently lose their speaker or subject (the schema
// sets them to null); duplicates are merged on the entities page, which moves the claims.
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { NotFoundError } from '@/lib/api/errors'
import { apiRoute, parseId, readJson } from '@/lib/api/handler'
import { presentEntityDetail } from '@/lib/api/present'
import { entityPatchBody, type entityDetailResponse } from '@/lib/api/schemas'
import { cleanAliases } from '@/lib/entities/input'
import { DomainError } from '@/lib/errors'
import { getEntityDetails, updateEntityRecord } from '@/lib/queries/entities'

export const dynamic = 'force-dynamic'

type Params = { id: string }

async function respondWithEntity(id: string): Promise<NextResponse> {
  const entity = await getEntityDetails(id)
  if (!entity) throw new NotFoundError('entity')
  return NextResponse.json(presentEntityDetail(entity) satisfies z.infer<typeof entityDetailResponse>)
}

export const GET = apiRoute<Params>('viewer', async (_request, _user, params) => respondWithEntity(parseId(params.id, 'entity')))

export const PATCH = apiRoute<Params>('editor', async (request, user, params) => {
  const id = parseId(params.id, 'entity')
  const change = await readJson(request, entityPatchBody)
  if (change.affiliationId === id) throw new DomainError('invalid', 'An entity cannot be affiliated with itself.')
  const current = await getEntityDetails(id)
  if (!current) throw new NotFoundError('entity')
  const name = change.name ?? current.name
  const saved = await updateEntityRecord(
    id,
    {
      name: change.name,
      // An alias equal to the (new) name is dropped, as on the entities page.
      aliases: change.aliases ? cleanAliases(change.aliases, name) : change.name ? cleanAliases(current.aliases, name) : undefined,
      affiliationId: change.affiliationId === undefined ? undefined : (change.affiliationId ?? null),
    },
    user.id,
  )
  if (!saved) throw new NotFoundError('entity')
  return respondWithEntity(id)
})
