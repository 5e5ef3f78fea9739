import { getDb } from '../db'
import type { EntityKind } from '../generated/prisma/client'
import type { DbClient } from './client'

export type EntityInput = { kind: EntityKind; name: string; aliases?: string[]; affiliationId?: string | null }

export async function findOrCreateEntity(input: EntityInput, client: DbClient = getDb()) {
  return client.entity.upsert({
    where: { kind_name: { kind: input.kind, name: input.name } },
    update: {},
    create: { kind: input.kind, name: input.name, aliases: input.aliases ?? [], affiliationId: input.affiliationId ?? null },
  })
}
