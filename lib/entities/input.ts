// What an editor may set on an entity, validated at the edge: the entities page and the JSON API
// share these.
import { z } from 'zod'
import type { EntityKind } from '../generated/prisma/enums'

export const ENTITY_KIND_VALUES = ['company', 'person', 'agency', 'outlet', 'programme'] as const satisfies readonly EntityKind[]

export const entityKind = z.enum(ENTITY_KIND_VALUES)
export const entityName = z.string().trim().min(1, 'The name cannot be empty.').max(200)
export const entityAlias = z.string().trim().min(1).max(200)
export const entityAffiliationId = z.union([z.literal(''), z.uuid()]).transform((v) => v || null)

// The same alias twice, or the entity's own name as an alias, means nothing.
export function cleanAliases(aliases: string[], name: string): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter(Boolean))].filter((a) => a !== name)
}
