import { getDb } from '../db'
import type { Prisma } from '../generated/prisma/client'
import type { DbClient } from './client'

export type AuditInput = {
  actorId: string | null
  action: string
  objectType: string
  objectId: string
  before?: Prisma.InputJsonValue
  after?: Prisma.InputJsonValue
}

// Every change is audited in its own transaction; the database raises the archive's change
// counter when that transaction commits (a deferred trigger, migration data_version_at_commit),
// so caches of derived views (the timeline) retire on every instance.
export async function recordAuditEvent(input: AuditInput, client: DbClient = getDb()): Promise<void> {
  await client.auditEvent.create({ data: input })
}

export async function recordAuditEvents(inputs: AuditInput[], client: DbClient = getDb()): Promise<void> {
  if (inputs.length > 0) await client.auditEvent.createMany({ data: inputs })
}

export async function listAuditEventsFor(objectType: string, objectId: string, client: DbClient = getDb()) {
  return client.auditEvent.findMany({ where: { objectType, objectId }, orderBy: { at: 'asc' } })
}

export type AuditFilter = { actorId?: string; objectType?: string; objectId?: string; from?: Date; to?: Date; beforeId?: bigint }

// Newest first, one page at a time: `beforeId` is the last id of the previous page.
export async function listAuditEvents(filter: AuditFilter, limit: number, client: DbClient = getDb()) {
  return client.auditEvent.findMany({
    where: {
      actorId: filter.actorId,
      objectType: filter.objectType,
      objectId: filter.objectId,
      at: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
      id: filter.beforeId ? { lt: filter.beforeId } : undefined,
    },
    include: { actor: { select: { id: true, name: true, email: true } } },
    orderBy: { id: 'desc' },
    take: limit,
  })
}

export async function listAuditObjectTypes(client: DbClient = getDb()): Promise<string[]> {
  const rows = await client.auditEvent.findMany({ distinct: ['objectType'], select: { objectType: true }, orderBy: { objectType: 'asc' } })
  return rows.map((r) => r.objectType)
}
