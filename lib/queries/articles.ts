import { getDb } from '../db'
import type { Prisma } from '../generated/prisma/client'
import type { DbClient } from './client'

export type ArticleListFilter = { q?: string; take?: number }

// Prisma passes `contains` to LIKE unescaped: a search for "%" or "_" must match those characters.
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export async function listArticles({ q, take = 100 }: ArticleListFilter = {}, client: DbClient = getDb()) {
  const where: Prisma.ArticleWhereInput = q ? { title: { contains: likeLiteral(q), mode: 'insensitive' } } : {}
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
    include: {
      outlet: true,
      claims: {
        orderBy: { createdAt: 'asc' },
        include: { speaker: true, subject: true },
      },
    },
  })
}

export type ArticleWithClaims = NonNullable<Awaited<ReturnType<typeof getArticle>>>

export async function countArticles(client: DbClient = getDb()): Promise<number> {
  return client.article.count()
}

export async function createArticle(data: Prisma.ArticleUncheckedCreateInput, client: DbClient = getDb()) {
  return client.article.create({ data, select: { id: true, bodyText: true, publishedAt: true } })
}
