import { getDb } from '../db'
import { DomainError } from '../errors'
import { Prisma, type EntityKind, type PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from './audit'
import type { DbClient } from './client'
import { likeLiteral } from './like'

export type EntityInput = { kind: EntityKind; name: string; aliases?: string[]; affiliationId?: string | null }

export async function findOrCreateEntity(input: EntityInput, client: DbClient = getDb()) {
  return client.entity.upsert({
    where: { kind_name: { kind: input.kind, name: input.name } },
    update: {},
    create: { kind: input.kind, name: input.name, aliases: input.aliases ?? [], affiliationId: input.affiliationId ?? null },
  })
}

const entitySelect = { id: true, kind: true, name: true, aliases: true, affiliation: { select: { id: true, name: true } } } as const

export type EntitySummary = { id: string; kind: EntityKind; name: string; aliases: string[]; affiliation: { id: string; name: string } | null }

// The entity an article's name for it stands for: its name or one of its aliases, any case.
export async function findEntityByName(name: string, client: DbClient = getDb()): Promise<{ id: string } | null> {
  return client.entity.findFirst({
    where: { OR: [{ name: { equals: name, mode: 'insensitive' } }, { aliases: { has: name } }] },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  })
}

// For autocomplete: names and aliases that start with (first) or contain what was typed.
export async function searchEntities(query: string, limit = 10, client: DbClient = getDb()): Promise<EntitySummary[]> {
  const q = query.trim()
  if (!q) return client.entity.findMany({ select: entitySelect, orderBy: { name: 'asc' }, take: limit })
  const pattern = `%${likeLiteral(q)}%`
  const ids = await client.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "Entity" e
    WHERE e.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE ${pattern})
    ORDER BY (lower(e.name) LIKE lower(${`${likeLiteral(q)}%`})) DESC, length(e.name), e.name
    LIMIT ${limit}`
  const found = await client.entity.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: entitySelect })
  return ids.map((r) => found.find((e) => e.id === r.id)).filter((e): e is EntitySummary => e !== undefined)
}

export class EntityExistsError extends DomainError {
  constructor(readonly existing: EntitySummary) {
    super('exists', `There is already a ${existing.kind} called ${existing.name}.`, { existingId: existing.id })
  }
}

export async function createEntityRecord(input: EntityInput, actorId: string | null, client: PrismaClient = getDb()): Promise<EntitySummary> {
  return client.$transaction(async (tx) => {
    const existing = await tx.entity.findUnique({ where: { kind_name: { kind: input.kind, name: input.name } }, select: entitySelect })
    if (existing) throw new EntityExistsError(existing)
    const entity = await tx.entity.create({
      data: { kind: input.kind, name: input.name, aliases: input.aliases ?? [], affiliationId: input.affiliationId ?? null },
      select: entitySelect,
    })
    await recordAuditEvent(
      {
        actorId,
        action: 'entity.create',
        objectType: 'Entity',
        objectId: entity.id,
        after: { kind: entity.kind, name: entity.name, aliases: entity.aliases, affiliationId: input.affiliationId ?? null },
      },
      tx,
    )
    return entity
  })
}

export async function updateEntityRecord(
  id: string,
  changes: { name?: string; aliases?: string[]; affiliationId?: string | null },
  actorId: string | null,
  client: PrismaClient = getDb(),
) {
  return client.$transaction(async (tx) => {
    const before = await tx.entity.findUnique({ where: { id }, select: { kind: true, name: true, aliases: true, affiliationId: true } })
    if (!before) return null
    if (changes.affiliationId === id) throw new Error('An entity cannot be affiliated with itself.')
    const after = await tx.entity.update({ where: { id }, data: changes, select: { kind: true, name: true, aliases: true, affiliationId: true } })
    await recordAuditEvent({ actorId, action: 'entity.update', objectType: 'Entity', objectId: id, before, after }, tx)
    return after
  })
}

// Merging keeps `keepId`: the other entity's claims (as speaker or subject) and affiliates move
// to it, its name and aliases become aliases, and it is deleted — no claim loses its entity.
export async function mergeEntities(keepId: string, mergeId: string, actorId: string | null, client: PrismaClient = getDb()): Promise<EntitySummary | null> {
  if (keepId === mergeId) return null
  return client.$transaction(async (tx) => {
    const [keep, merged] = await Promise.all([tx.entity.findUnique({ where: { id: keepId } }), tx.entity.findUnique({ where: { id: mergeId } })])
    if (!keep || !merged) return null
    const moved = {
      speaker: (await tx.claim.updateMany({ where: { speakerId: mergeId }, data: { speakerId: keepId } })).count,
      subject: (await tx.claim.updateMany({ where: { subjectId: mergeId }, data: { subjectId: keepId } })).count,
      affiliates: (await tx.entity.updateMany({ where: { affiliationId: mergeId, id: { not: keepId } }, data: { affiliationId: keepId } })).count,
    }
    const aliases = [...new Set([...keep.aliases, merged.name, ...merged.aliases])].filter((a) => a !== keep.name)
    await tx.entity.delete({ where: { id: mergeId } })
    const result = await tx.entity.update({
      where: { id: keepId },
      data: { aliases, affiliationId: keep.affiliationId ?? (merged.affiliationId !== keepId ? merged.affiliationId : null) },
      select: entitySelect,
    })
    await recordAuditEvent(
      {
        actorId,
        action: 'entity.merge',
        objectType: 'Entity',
        objectId: keepId,
        before: { kept: { name: keep.name, aliases: keep.aliases }, merged: { id: mergeId, kind: merged.kind, name: merged.name, aliases: merged.aliases } },
        after: { aliases: result.aliases, moved },
      },
      tx,
    )
    return result
  })
}

export async function listEntities(client: DbClient = getDb()) {
  return client.entity.findMany({
    select: { ...entitySelect, _count: { select: { spokenClaims: true, aboutClaims: true } } },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  })
}

// In the order asked for (the timeline's lanes follow the URL's order).
export async function getEntitiesByIds(ids: string[], client: DbClient = getDb()): Promise<{ id: string; name: string }[]> {
  const found = await client.entity.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
  return ids.flatMap((id) => found.filter((e) => e.id === id))
}

// The entities a timeline can be opened for: those some claim is about. No counts: counting
// every entity's claims on each page view took 1.4 s at a million claims (bench:timeline).
export async function listTimelineCompanies(client: DbClient = getDb()): Promise<{ id: string; name: string }[]> {
  return client.entity.findMany({ where: { aboutClaims: { some: {} } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
}

// Every entity with its aliases and its affiliation's name: what the suggestion engine resolves
// speakers and subjects against.
export async function listKnownEntities(client: DbClient = getDb()) {
  const rows = await client.entity.findMany({ select: { id: true, kind: true, name: true, aliases: true, affiliation: { select: { name: true } } } })
  return rows.map((e) => ({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, affiliation: e.affiliation?.name }))
}

// Pages of entities for the JSON API, continuing strictly after `after` (keyset pagination).
// Without words: by name. With words: in autocomplete's order (names that start with them
// first, then shorter names), so the first page is exactly what the entity box shows.
export type EntityKey = { name: string; id: string; rank?: number; length?: number }
export type EntityListFilter = { q?: string; kind?: EntityKind }

export async function listEntitiesPage(
  filter: EntityListFilter,
  page: { after?: EntityKey; take: number },
  client: DbClient = getDb(),
): Promise<(EntitySummary & { key: EntityKey })[]> {
  const q = filter.q?.trim() ?? ''
  if (!q) {
    const after = page.after
    const rows = await client.entity.findMany({
      where: { kind: filter.kind, ...(after ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {}) },
      select: entitySelect,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: page.take,
    })
    return rows.map((e) => ({ ...e, key: { name: e.name, id: e.id } }))
  }
  const pattern = `%${likeLiteral(q)}%`
  const prefix = `${likeLiteral(q)}%`
  const rank = Prisma.sql`(CASE WHEN lower(e.name) LIKE lower(${prefix}) THEN 0 ELSE 1 END)`
  const after = page.after
  const keys = await client.$queryRaw<{ id: string; rank: number; length: number; name: string }[]>`
    SELECT e.id, ${rank} AS rank, length(e.name)::int AS length, e.name FROM "Entity" e
    WHERE (e.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(e.aliases) a WHERE a ILIKE ${pattern}))
      ${filter.kind ? Prisma.sql`AND e.kind = ${filter.kind}::"EntityKind"` : Prisma.empty}
      ${after ? Prisma.sql`AND (${rank}, length(e.name), e.name, e.id) > (${after.rank ?? 0}::int, ${after.length ?? 0}::int, ${after.name}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY ${rank}, length(e.name), e.name, e.id
    LIMIT ${page.take}`
  const found = await client.entity.findMany({ where: { id: { in: keys.map((r) => r.id) } }, select: entitySelect })
  return keys.flatMap((k) => found.filter((e) => e.id === k.id).map((e) => ({ ...e, key: { rank: k.rank, length: k.length, name: k.name, id: k.id } })))
}

export async function getEntityDetails(id: string, client: DbClient = getDb()) {
  return client.entity.findUnique({
    where: { id },
    select: { ...entitySelect, createdAt: true, updatedAt: true, _count: { select: { spokenClaims: true, aboutClaims: true, affiliates: true } } },
  })
}
