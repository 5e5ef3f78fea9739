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

// The outlets whose articles carry claims: what the timeline's outlet filter offers. Every outlet
// ever ingested would grow the menu by one for each followed feed's publisher (bench:follow: 200
// options became 1,200 while 1,000 feeds were polled), none of them with anything on a timeline
// until an editor tags its articles. Per outlet, the first of its articles with a claim ends the
// search: a semi-join over every claim took 160 ms at 100k claims, this 12–16 ms, and the
// timeline caches it until the claims change (lib/timeline/load.ts).
export async function listOutletsWithClaims(client: DbClient = getDb()): Promise<{ id: string; name: string }[]> {
  return client.$queryRaw<{ id: string; name: string }[]>`
    SELECT o."id", o."name" FROM "Outlet" o
    WHERE (SELECT true FROM "Article" a JOIN "Claim" c ON c."articleId" = a."id" WHERE a."outletId" = o."id" LIMIT 1)
    ORDER BY o."name"`
}

export async function getOutletsByIds(ids: string[], client: DbClient = getDb()): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return []
  return client.outlet.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
}
