// GET /api/entities?q=…&kind=…&cursor=… — (viewer) entities whose name or an alias contains q
// (names starting with it first), or all by name; the entity box's autocomplete is the first page.
// POST /api/entities — (editor) create an entity; one of the same kind and name is a 409.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { decodeCursor, pageOf } from '@/lib/api/cursor'
import { apiRoute, readJson, readQuery } from '@/lib/api/handler'
import { presentEntity } from '@/lib/api/present'
import { entityCreateBody, entityListQuery, type entityListResponse, type entityResponse } from '@/lib/api/schemas'
import { cleanAliases } from '@/lib/entities/input'
import { createEntityRecord, listEntitiesPage } from '@/lib/queries/entities'

export const dynamic = 'force-dynamic'

const entityKey = z.object({ name: z.string(), id: z.uuid(), rank: z.number().int().optional(), length: z.number().int().optional() })

export const GET = apiRoute('viewer', async (request) => {
  const query = readQuery(request, entityListQuery)
  const after = query.cursor ? decodeCursor(query.cursor, entityKey) : undefined
  const rows = await listEntitiesPage({ q: query.q, kind: query.kind }, { after, take: query.limit + 1 })
  const page = pageOf(rows, query.limit, (e) => e.key)
  return NextResponse.json({ entities: page.items.map(presentEntity), nextCursor: page.nextCursor } satisfies z.infer<typeof entityListResponse>)
})

export const POST = apiRoute('editor', async (request, user) => {
  const input = await readJson(request, entityCreateBody)
  const entity = await createEntityRecord(
    { kind: input.kind, name: input.name, aliases: cleanAliases(input.aliases, input.name), affiliationId: input.affiliationId ?? null },
    user.id,
  )
  return NextResponse.json(presentEntity(entity) satisfies z.infer<typeof entityResponse>, { status: 201 })
})
