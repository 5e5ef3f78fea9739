import { getDb } from '../db'
import type { DateSource, Prisma } from '../generated/prisma/client'
import type { DbClient } from './client'
import { likeLiteral } from './like'

// `from` and `to` are whole days (UTC), both included; `undated` lists only articles whose
// date an editor still has to supply.
export type ArticleListFilter = { q?: string; outletId?: string; from?: string; to?: string; undated?: boolean; take?: number }

function articleWhere({ q, outletId, from, to, undated }: ArticleListFilter): Prisma.ArticleWhereInput {
  const day = 24 * 60 * 60 * 1000
  return {
    ...(q ? { title: { contains: likeLiteral(q), mode: 'insensitive' } } : {}),
    ...(outletId ? { outletId } : {}),
    ...(undated
      ? { publishedAt: null }
      : from || to
        ? { publishedAt: { gte: from ? new Date(`${from}T00:00:00Z`) : undefined, lt: to ? new Date(Date.parse(`${to}T00:00:00Z`) + day) : undefined } }
        : {}),
  }
}

export async function countArticles(filter: ArticleListFilter = {}, client: DbClient = getDb()): Promise<number> {
  return client.article.count({ where: articleWhere(filter) })
}

export async function listArticles(filter: ArticleListFilter = {}, client: DbClient = getDb()) {
  const { take = 100 } = filter
  const where = articleWhere(filter)
  return client.article.findMany({
    where,
    take,
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { ingestedAt: 'desc' }],
    select: {
      id: true,
      title: true,
      publishedAt: true,
      publishedOffset: true,
      publishedSource: true,
      outlet: { select: { name: true } },
      _count: { select: { claims: true } },
    },
  })
}

export type ArticleListItem = Awaited<ReturnType<typeof listArticles>>[number]

export async function getArticle(id: string, client: DbClient = getDb()) {
  return client.article.findUnique({
    where: { id },
    omit: { rawSource: true },
    include: { outlet: true },
  })
}

export async function getSuggestFailure(id: string, client: DbClient = getDb()): Promise<string | null> {
  return (await client.article.findUnique({ where: { id }, select: { suggestFailure: true } }))?.suggestFailure ?? null
}

export type ArticleWithOutlet = NonNullable<Awaited<ReturnType<typeof getArticle>>>

export async function createArticle(data: Prisma.ArticleUncheckedCreateInput, client: DbClient = getDb()) {
  return client.article.create({ data, select: { id: true, bodyText: true, publishedAt: true } })
}

export async function findArticleByBodyHash(bodyHash: string, client: DbClient = getDb()) {
  return client.article.findUnique({ where: { bodyHash }, select: { id: true, title: true } })
}

// Ingest checks a whole batch with one query per question rather than one per article.
export async function findArticlesByBodyHashes(hashes: string[], client: DbClient = getDb()) {
  if (hashes.length === 0) return []
  return client.article.findMany({ where: { bodyHash: { in: hashes } }, select: { id: true, title: true, bodyHash: true } })
}

export async function findArticlesByUrls(urls: string[], client: DbClient = getDb()) {
  if (urls.length === 0) return []
  return client.article.findMany({
    where: { OR: [{ canonicalUrl: { in: urls } }, { sourceUrl: { in: urls } }] },
    select: { id: true, title: true, canonicalUrl: true, sourceUrl: true, _count: { select: { claims: true } } },
    orderBy: { ingestedAt: 'asc' },
  })
}

// Which stored articles carry which of these paragraph fingerprints: near-duplicate candidates.
export async function findFingerprintOwners(hashes: bigint[], client: DbClient = getDb()) {
  if (hashes.length === 0) return []
  return client.articleFingerprint.findMany({ where: { hash: { in: hashes } }, select: { articleId: true, hash: true } })
}

export async function getArticlesToCompare(ids: string[], client: DbClient = getDb()) {
  if (ids.length === 0) return []
  return client.article.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, bodyText: true, duplicateOfId: true } })
}

// What ingest stores of an article, every column given (the batch insert below lists them all).
export type StoredArticleFields = {
  sourceUrl: string | null
  canonicalUrl: string | null
  title: string
  standfirst: string | null
  bylines: string[]
  dateline: string | null
  publishedAt: Date | null
  publishedOffset: string | null
  publishedSource: DateSource | null
  publishedConfidence: number | null
  language: string | null
  bodyText: string
  bodyHash: string
  extractorVersion: string
  extractionWarnings: string[]
  rawSource: Uint8Array<ArrayBuffer> | null
  rawMediaType: string | null
  rawSourceName: string | null
  outletId: string | null
  ingestedById: string | null
}

export type NewArticleRow = StoredArticleFields & { id: string; duplicateOfId: string | null; duplicateOverlap: number | null; fingerprints: bigint[] }

// One statement for a batch's articles and one for their fingerprints. Prisma's createMany
// spent ~6 ms an article on PGlite building and serialising rows (bench:ingest); passing the
// batch as one JSON document that PostgreSQL unpacks itself costs a fraction of that, on both
// databases. The columns are listed here, so a new Article column must be added here too (the
// ingest integration test reads every field back).
export async function createArticlesWithFingerprints(rows: NewArticleRow[], client: DbClient = getDb()): Promise<void> {
  if (rows.length === 0) return
  const now = new Date().toISOString()
  const articles = JSON.stringify(
    rows.map(({ rawSource, publishedAt, ...row }) => ({
      ...row,
      fingerprints: undefined,
      publishedAt: publishedAt?.toISOString() ?? null,
      rawSource: rawSource ? Buffer.from(rawSource).toString('hex') : null,
      updatedAt: now,
    })),
  )
  await client.$executeRaw`
    INSERT INTO "Article" ("id", "sourceUrl", "canonicalUrl", "title", "standfirst", "bylines", "dateline", "publishedAt", "publishedOffset",
      "publishedSource", "publishedConfidence", "language", "bodyText", "bodyHash", "extractorVersion", "extractionWarnings", "duplicateOfId",
      "duplicateOverlap", "rawSource", "rawMediaType", "rawSourceName", "outletId", "ingestedById", "updatedAt")
    SELECT r."id", r."sourceUrl", r."canonicalUrl", r."title", r."standfirst", r."bylines", r."dateline", r."publishedAt", r."publishedOffset",
      r."publishedSource"::"DateSource", r."publishedConfidence", r."language", r."bodyText", r."bodyHash", r."extractorVersion", r."extractionWarnings", r."duplicateOfId",
      r."duplicateOverlap", decode(r."rawSource", 'hex'), r."rawMediaType", r."rawSourceName", r."outletId", r."ingestedById", r."updatedAt"
    FROM jsonb_to_recordset(${articles}::jsonb) AS r("id" uuid, "sourceUrl" text, "canonicalUrl" text, "title" text, "standfirst" text, "bylines" text[],
      "dateline" text, "publishedAt" timestamptz, "publishedOffset" text, "publishedSource" text, "publishedConfidence" float8, "language" text,
      "bodyText" text, "bodyHash" text, "extractorVersion" text, "extractionWarnings" text[], "duplicateOfId" uuid, "duplicateOverlap" float8,
      "rawSource" text, "rawMediaType" text, "rawSourceName" text, "outletId" uuid, "ingestedById" uuid, "updatedAt" timestamptz)`
  const ids = rows.flatMap((row) => row.fingerprints.map(() => row.id))
  const hashes = rows.flatMap((row) => row.fingerprints.map((hash) => hash.toString()))
  if (ids.length > 0) {
    await client.$executeRaw`INSERT INTO "ArticleFingerprint" ("articleId", "hash") SELECT * FROM unnest(${ids}::uuid[], ${hashes}::bigint[])`
  }
}

export async function replaceArticleExtraction(
  id: string,
  data: Prisma.ArticleUncheckedUpdateInput,
  fingerprints: bigint[] | null,
  client: DbClient = getDb(),
) {
  if (fingerprints) {
    await client.articleFingerprint.deleteMany({ where: { articleId: id } })
    await client.articleFingerprint.createMany({ data: fingerprints.map((hash) => ({ articleId: id, hash })) })
  }
  return client.article.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: { id: true, title: true } })
}

export async function getArticleSource(id: string, client: DbClient = getDb()) {
  return client.article.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      bodyText: true,
      rawSource: true,
      rawMediaType: true,
      sourceUrl: true,
      extractorVersion: true,
      publishedSource: true,
      _count: { select: { claims: true } },
    },
  })
}

export async function listArticleIdsWithExtractorOtherThan(version: string, client: DbClient = getDb()) {
  const rows = await client.article.findMany({ where: { extractorVersion: { not: version }, rawSource: { not: null } }, select: { id: true } })
  return rows.map((r) => r.id)
}

export async function getArticleBody(id: string, client: DbClient = getDb()) {
  return client.article.findUniqueOrThrow({ where: { id }, select: { id: true, bodyText: true, publishedAt: true, publishedOffset: true } })
}

// The publication fields are left out when the editor did not change the date; the API's
// partial updates leave out the other fields they do not change.
export type ArticleDetails = {
  title?: string
  bylines?: string[]
  outletId?: string | null
  publishedAt?: Date | null
  publishedOffset?: string | null
  publishedSource?: 'editor' | null
}

// What an edit of an article's details reads before and after itself (and its audit row records).
const detailsSelect = { title: true, bylines: true, publishedAt: true, publishedOffset: true, publishedSource: true, outletId: true, version: true } as const

export async function getArticleForEdit(id: string, client: DbClient = getDb()) {
  return client.article.findUnique({ where: { id }, select: detailsSelect })
}

// The details as the update left them, or null when the article is no longer at
// `expectedVersion` (or gone): the version check and the write are one statement, so two editors
// cannot both pass it.
export async function updateArticleAtVersion(id: string, expectedVersion: number, details: ArticleDetails, client: DbClient = getDb()) {
  const updated = await client.article.updateMany({ where: { id, version: expectedVersion }, data: { ...details, version: { increment: 1 } } })
  if (updated.count === 0) return null
  return client.article.findUniqueOrThrow({ where: { id }, select: detailsSelect })
}

export async function getArticleVersion(id: string, client: DbClient = getDb()): Promise<number | null> {
  return (await client.article.findUnique({ where: { id }, select: { version: true } }))?.version ?? null
}

// Pages of the article list for the JSON API, in the list's order (newest publication first,
// undated last), continuing strictly after `after`: keyset pagination, so rows added or removed
// meanwhile never make a page repeat or skip one.
export type ArticleKey = { publishedAt: Date | null; ingestedAt: Date; id: string }

function articlesAfter(key: ArticleKey): Prisma.ArticleWhereInput {
  const sameDate: Prisma.ArticleWhereInput = { OR: [{ ingestedAt: { lt: key.ingestedAt } }, { ingestedAt: key.ingestedAt, id: { lt: key.id } }] }
  if (key.publishedAt === null) return { publishedAt: null, ...sameDate }
  return { OR: [{ publishedAt: { lt: key.publishedAt } }, { publishedAt: key.publishedAt, ...sameDate }, { publishedAt: null }] }
}

export async function listArticlesPage(filter: ArticleListFilter, page: { after?: ArticleKey; take: number }, client: DbClient = getDb()) {
  return client.article.findMany({
    where: { AND: [articleWhere(filter), page.after ? articlesAfter(page.after) : {}] },
    take: page.take,
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { ingestedAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      title: true,
      bylines: true,
      publishedAt: true,
      publishedOffset: true,
      publishedSource: true,
      ingestedAt: true,
      version: true,
      outlet: { select: { id: true, name: true } },
      _count: { select: { claims: true } },
    },
  })
}

// One article's stored fields for the JSON API: everything but the raw source bytes.
export async function getArticleDetails(id: string, client: DbClient = getDb()) {
  return client.article.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      standfirst: true,
      bylines: true,
      dateline: true,
      publishedAt: true,
      publishedOffset: true,
      publishedSource: true,
      language: true,
      sourceUrl: true,
      canonicalUrl: true,
      bodyText: true,
      extractorVersion: true,
      extractionWarnings: true,
      duplicateOfId: true,
      ingestedAt: true,
      updatedAt: true,
      version: true,
      outlet: { select: { id: true, name: true } },
      _count: { select: { claims: true } },
    },
  })
}

export async function articleExists(id: string, client: DbClient = getDb()): Promise<boolean> {
  return (await client.article.count({ where: { id } })) > 0
}

// What a deleted article's audit row keeps: its details, where it came from and the ids of its
// claims (the schema cascades them, its suggestions and story memberships away with it).
export async function getArticleForDelete(id: string, client: DbClient = getDb()) {
  return client.article.findUnique({
    where: { id },
    select: { ...detailsSelect, sourceUrl: true, canonicalUrl: true, bodyHash: true, claims: { select: { id: true } } },
  })
}

export async function deleteArticleAtVersion(id: string, expectedVersion: number, client: DbClient = getDb()): Promise<boolean> {
  return (await client.article.deleteMany({ where: { id, version: expectedVersion } })).count > 0
}
