import { getDb } from '../db'
import type { DbClient } from './client'

export async function findOrCreateOutlet(name: string, domain: string | null, client: DbClient = getDb()) {
  return client.outlet.upsert({ where: { name }, update: {}, create: { name, domain } })
}

export async function findOutletByDomain(domain: string, client: DbClient = getDb()) {
  return client.outlet.findFirst({ where: { domain } })
}

export async function listOutlets(client: DbClient = getDb()) {
  return client.outlet.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } })
}
