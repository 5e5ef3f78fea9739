// One export, as a file: the scope's claims read from the database and written in the asked
// format, with a content type and a file name. GET /api/export and `claimline export` call this.
import { getDb } from '../db'
import { DomainError } from '../errors'
import type { PrismaClient } from '../generated/prisma/client'
import { describeExportTarget, listClaimsForExport, loadSnapshot, type ExportClaim } from '../queries/interop'
import { slugFor } from '../queries/stories'
import { loadTimeline } from '../timeline/load'
import { publicBase } from './claim-set'
import { claimsCsv } from './claims-csv'
import { toFullExport } from './full-export'
import { exportQueryString, type ExportRequest, type ExportScope } from './request'
import { schemaOrgDocument } from './schema-org'
import { annotationCollection } from './web-annotation'

export type ExportOptions = { baseUrl: string; organizationName: string; now?: Date }
export type ExportFile = { body: string; contentType: string; filename: string; claims: number | null }

export class ExportNotFoundError extends DomainError {
  constructor(message: string) {
    super('not-found', message)
  }
}

// A timeline export holds the whole view, not the page the timeline shows (300 claims); this only
// bounds what one request may build in memory.
export const EXPORT_TIMELINE_LIMIT = 100_000

const CONTENT_TYPES = {
  jsonld: 'application/ld+json; charset=utf-8',
  annotations: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  claimline: 'application/json; charset=utf-8',
} as const

const SUFFIXES = { jsonld: '.jsonld', annotations: '-annotations.jsonld', csv: '.csv', claimline: '.json' } as const

export async function buildExport(request: ExportRequest, options: ExportOptions, client: PrismaClient = getDb()): Promise<ExportFile> {
  const now = options.now ?? new Date()
  const day = now.toISOString().slice(0, 10)
  if (request.format === 'claimline') {
    const document = toFullExport(await loadSnapshot(client), now)
    return {
      body: `${JSON.stringify(document, null, 2)}\n`,
      contentType: CONTENT_TYPES.claimline,
      filename: `claimline-export-${day}.json`,
      claims: document.claims.length,
    }
  }
  const { claims, label, stem } = await loadScope(request.scope, day, client)
  const site = { baseUrl: publicBase(options.baseUrl) }
  const filename = `${stem}${SUFFIXES[request.format]}`
  const file = (body: string) => ({ body, contentType: CONTENT_TYPES[request.format], filename, claims: claims.length })
  switch (request.format) {
    case 'jsonld':
      return file(`${JSON.stringify(schemaOrgDocument(claims, { ...site, organizationName: options.organizationName }), null, 2)}\n`)
    case 'annotations':
      return file(
        `${JSON.stringify(annotationCollection(claims, { ...site, id: `${site.baseUrl}/api/export?${exportQueryString(request)}`, label }), null, 2)}\n`,
      )
    case 'csv':
      return file(claimsCsv(claims, site))
  }
}

async function loadScope(scope: ExportScope, day: string, client: PrismaClient): Promise<{ claims: ExportClaim[]; label: string; stem: string }> {
  switch (scope.kind) {
    case 'all':
      return { claims: await listClaimsForExport(scope, client), label: 'Claimline: every claim', stem: `claimline-claims-${day}` }
    case 'timeline': {
      // The timeline's own query picks the claims (its lanes, affiliates and filters), on the
      // process's database: loadTimeline takes no client.
      const view = await loadTimeline(scope.params, EXPORT_TIMELINE_LIMIT)
      const claims = view.items.length > 0 ? await listClaimsForExport({ kind: 'claims', ids: view.items.map((i) => i.id) }, client) : []
      return { claims, label: 'Claimline: a timeline view', stem: `claimline-timeline-${day}` }
    }
    default: {
      const target = await describeExportTarget(scope, client)
      if (!target) throw new ExportNotFoundError(`No ${scope.kind} ${scope.id}.`)
      const claims = await listClaimsForExport(scope, client)
      if (scope.kind === 'claim') return { claims, label: `Claimline: the claim “${target.name}”`, stem: `claimline-claim-${scope.id}` }
      return { claims, label: `Claimline: the claims of the ${scope.kind} “${target.name}”`, stem: `claimline-${scope.kind}-${slugFor(target.name)}` }
    }
  }
}
