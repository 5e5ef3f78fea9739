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

export async function recordAuditEvent(input: AuditInput, client: DbClient = getDb()): Promise<void> {
  await client.auditEvent.create({ data: input })
}

export async function listAuditEventsFor(objectType: string, objectId: string, client: DbClient = getDb()) {
  return client.auditEvent.findMany({ where: { objectType, objectId }, orderBy: { at: 'asc' } })
}
