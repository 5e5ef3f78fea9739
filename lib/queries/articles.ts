import { getDb } from '../db'
import type { Prisma, PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from './audit'
import type { DbClient } from './client'
import { asJson, StaleEditError } from './edits'
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

export type ArticleWithOutlet = NonNullable<Awaited<ReturnType<typeof getArticle>>>

export async function createArticle(data: Prisma.ArticleUncheckedCreateInput, client: DbClient = getDb()) {
  return client.article.create({ data, select: { id: true, bodyText: true, publishedAt: true } })
}

export async function findArticleByUrl(url: string, client: DbClient = getDb()) {
  return client.article.findFirst({
    where: { OR: [{ canonicalUrl: url }, { sourceUrl: url }] },
    select: { id: true, title: true, bodyHash: true, _count: { select: { claims: true } } },
  })
}

export async function findArticleByBodyHash(bodyHash: string, client: DbClient = getDb()) {
  return client.article.findUnique({ where: { bodyHash }, select: { id: true, title: true } })
}

// The articles sharing the most paragraph fingerprints with a new body: near-duplicate candidates.
export async function findArticlesSharingFingerprints(hashes: bigint[], take = 5, client: DbClient = getDb()) {
  if (hashes.length === 0) return []
  const groups = await client.articleFingerprint.groupBy({
    by: ['articleId'],
    where: { hash: { in: hashes } },
    _count: { hash: true },
    orderBy: { _count: { hash: 'desc' } },
    take,
  })
  const articles = await client.article.findMany({
    where: { id: { in: groups.map((g) => g.articleId) } },
    select: { id: true, title: true, bodyText: true, duplicateOfId: true },
  })
  return groups.flatMap((g) => articles.filter((a) => a.id === g.articleId))
}

export type StoredArticleFields = Omit<Prisma.ArticleUncheckedCreateInput, 'id' | 'fingerprints' | 'claims' | 'stories' | 'duplicates'>

export async function createArticleWithFingerprints(data: StoredArticleFields, fingerprints: bigint[], client: DbClient = getDb()) {
  return client.article.create({
    data: { ...data, fingerprints: { createMany: { data: fingerprints.map((hash) => ({ hash })) } } },
    select: { id: true, title: true },
  })
}

export async function replaceArticleExtraction(id: string, data: Prisma.ArticleUncheckedUpdateInput, fingerprints: bigint[] | null, client: DbClient = getDb()) {
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

// The publication fields are left out when the editor did not change the date.
export type ArticleDetails = {
  title: string
  bylines: string[]
  outletId: string | null
  publishedAt?: Date | null
  publishedOffset?: string | null
  publishedSource?: 'editor' | null
}



const detailsSelect = { title: true, bylines: true, publishedAt: true, publishedOffset: true, publishedSource: true, outletId: true, version: true } as const

// An editor's correction of an article's details: applied only if nobody changed the article
// since the editor loaded it (its version), and recorded in the audit trail with before and after.
export async function updateArticleDetails(id: string, expectedVersion: number, details: ArticleDetails, actorId: string | null, client: PrismaClient = getDb()) {
  return client.$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id }, select: detailsSelect })
    if (!before) return null
    const updated = await tx.article.updateMany({ where: { id, version: expectedVersion }, data: { ...details, version: { increment: 1 } } })
    if (updated.count === 0) throw new StaleEditError('article', (await tx.article.findUnique({ where: { id }, select: { version: true } }))?.version ?? null)
    const after = await tx.article.findUniqueOrThrow({ where: { id }, select: detailsSelect })
    await recordAuditEvent({ actorId, action: 'article.update-details', objectType: 'Article', objectId: id, before: asJson(before), after: asJson(after) }, tx)
    return after
  })
}
