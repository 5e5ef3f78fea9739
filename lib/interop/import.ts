// One import, whatever came in: a Claimline export (restored into an empty database) or
// annotations from elsewhere (W3C Web Annotation, Hypothesis) turned into claims on the stored
// articles. Either is written in one transaction or not at all; the report says what happened
// to each annotation. POST /api/import and `claimline import` call this.
import { z } from 'zod'
import { getDb } from '../db'
import { DomainError, type ImportErrorCode } from '../errors'
import type { PrismaClient } from '../generated/prisma/client'
import { isUniqueViolation } from '../queries/client'
import { ArchiveNotEmptyError, findArticlesForImport, insertPlannedClaims, listClaimRanges, listEntitiesForImport, storeArchive } from '../queries/interop'
import {
  AnnotationFormatError,
  isAnnotationDocument,
  PENDING,
  planAnnotationImport,
  readAnnotations,
  urlCandidates,
  type AnnotationOutcome,
} from './annotation-import'
import { publicBase, type PublicSite } from './claim-set'
import { claimlineExport, findBrokenReferences, importCounts, isClaimlineExport, referencedEmails, toImportRows, type ImportCounts } from './full-export'

export type AnnotationStatus = AnnotationOutcome['status']

export type ImportReport =
  { kind: 'claimline'; imported: ImportCounts } | { kind: 'annotations'; summary: Record<AnnotationStatus, number>; results: AnnotationOutcome[] }

export class ImportError extends DomainError {
  declare readonly code: ImportErrorCode

  constructor(code: ImportErrorCode, message: string) {
    super(code, message)
  }
}

export async function importDocument(json: unknown, actorId: string | null, site: PublicSite, client: PrismaClient = getDb()): Promise<ImportReport> {
  if (isClaimlineExport(json)) return { kind: 'claimline', imported: await importArchive(json, actorId, client) }
  if (isAnnotationDocument(json)) return importAnnotations(json, actorId, site, client)
  throw new ImportError(
    'unknown-format',
    'Send a Claimline export ({"format": "claimline-export", …}) or annotations: a W3C AnnotationCollection, AnnotationPage or Annotation, or a Hypothesis export.',
  )
}

// The first few problems are enough to see what is wrong with a file.
function listProblems(problems: string[]): string {
  return problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '')
}

async function importArchive(json: unknown, actorId: string | null, client: PrismaClient): Promise<ImportCounts> {
  const parsed = claimlineExport.safeParse(json)
  if (!parsed.success)
    throw new ImportError(
      'invalid-export',
      `This Claimline export does not read: ${listProblems(parsed.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`))}.`,
    )
  const doc = parsed.data
  const broken = findBrokenReferences(doc)
  if (broken.length > 0) throw new ImportError('invalid-export', `This Claimline export is incomplete: ${listProblems(broken)}.`)
  try {
    const userIds = await storeArchive(referencedEmails(doc), (ids) => toImportRows(doc, ids), actorId, client)
    return importCounts(doc, userIds)
  } catch (error) {
    if (error instanceof ArchiveNotEmptyError) throw new ImportError('not-empty', error.message)
    if (isUniqueViolation(error))
      throw new ImportError(
        'invalid-export',
        'This Claimline export holds two rows that must be unique (an id, an outlet name, an entity of the same kind and name, an article body or a story slug).',
      )
    throw error
  }
}

const uuid = z.uuid()

async function importAnnotations(json: unknown, actorId: string | null, site: PublicSite, client: PrismaClient): Promise<ImportReport> {
  const items = readAnnotationsOrRefuse(json)
  // An annotation exported by this Claimline targets the article's page here when it had no URL.
  const ownArticles = `${publicBase(site.baseUrl)}/articles/`
  const claimlineArticleId = (url: string) => {
    if (!url.startsWith(ownArticles)) return null
    const id = uuid.safeParse(url.slice(ownArticles.length))
    return id.success ? id.data : null
  }
  const sources = items.flatMap((item) => ('sources' in item ? item.sources : []))
  const articles = await findArticlesForImport(
    [...new Set(sources.flatMap(urlCandidates))],
    sources.map(claimlineArticleId).filter((id): id is string => id !== null),
    client,
  )
  const [entities, existing] = await Promise.all([
    listEntitiesForImport(client),
    listClaimRanges(
      articles.map((a) => a.id),
      client,
    ),
  ])
  const plan = planAnnotationImport(items, { articles, entities, existing, claimlineArticleId })
  const ids = await insertPlannedClaims(plan.claims, actorId, client)
  const results = plan.outcomes.map((outcome, index): AnnotationOutcome => {
    if (outcome.status === 'created') return { ...outcome, claimId: ids.get(index) ?? null }
    if (outcome.status === 'duplicate' && outcome.duplicateOf.startsWith(PENDING))
      return { ...outcome, duplicateOf: ids.get(Number(outcome.duplicateOf.slice(PENDING.length))) ?? outcome.duplicateOf }
    return outcome
  })
  const summary: Record<AnnotationStatus, number> = { created: 0, duplicate: 0, orphan: 0, 'no-article': 0, skipped: 0, invalid: 0 }
  for (const result of results) summary[result.status]++
  return { kind: 'annotations', summary, results }
}

function readAnnotationsOrRefuse(json: unknown) {
  try {
    return readAnnotations(json)
  } catch (error) {
    if (error instanceof AnnotationFormatError) throw new ImportError('unknown-format', error.message)
    throw error
  }
}
