import { getDb } from '../db'
import type { DbClient } from './client'

export async function findOrCreateOutlet(name: string, domain: string | null, client: DbClient = getDb()) {
  return client.outlet.upsert({ where: { name }, update: {}, create: { name, domain } })
}

// The outlets of a batch of articles by name, created where new (a concurrent ingest creating
// the same one is absorbed by skipDuplicates on the unique name).
export async function findOrCreateOutlets(wanted: { name: string; domain: string | null }[], client: DbClient = getDb()): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map()
  // In name order, so two batches creating the same outlets take their locks in the same order.
  await client.outlet.createMany({ data: [...wanted].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), skipDuplicates: true })
  const rows = await client.outlet.findMany({ where: { name: { in: wanted.map((w) => w.name) } }, select: { id: true, name: true } })
  return new Map(rows.map((r) => [r.name, r.id]))
}

export async function findOutletsByDomains(domains: string[], client: DbClient = getDb()): Promise<Map<string, string>> {
  if (domains.length === 0) return new Map()
  const rows = await client.outlet.findMany({ where: { domain: { in: domains } }, select: { id: true, domain: true }, orderBy: { createdAt: 'asc' } })
  const byDomain = new Map<string, string>()
  for (const row of rows) if (row.domain && !byDomain.has(row.domain)) byDomain.set(row.domain, row.id)
  return byDomain
}

export async function listOutlets(client: DbClient = getDb()) {
  return client.outlet.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } })
}

// What the timeline's outlet filter offers: the outlets whose articles carry claims, and the one
// chosen. Every outlet ever ingested would grow the menu by one for each followed feed's
// publisher (bench:follow: 200 options became 1,200 while 1,000 feeds were polled), none of them
// with anything on a timeline until an editor tags its articles.
export async function listTimelineOutlets(chosen: string | undefined, client: DbClient = getDb()) {
  return client.outlet.findMany({
    where: { OR: [{ articles: { some: { claims: { some: {} } } } }, ...(chosen ? [{ id: chosen }] : [])] },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  })
}
