// Users following companies (entities), and what is new about them: claims editors made and
// suggestions the engine proposed, each with its article.
import { getDb } from '../db'
import type { ClaimKind } from '../generated/prisma/enums'
import type { DbClient } from './client'

export async function followEntity(userId: string, entityId: string, client: DbClient = getDb()): Promise<void> {
  await client.entityFollow.upsert({ where: { userId_entityId: { userId, entityId } }, create: { userId, entityId }, update: {} })
}

export async function unfollowEntity(userId: string, entityId: string, client: DbClient = getDb()): Promise<void> {
  await client.entityFollow.deleteMany({ where: { userId, entityId } })
}

export async function isFollowingEntity(userId: string, entityId: string, client: DbClient = getDb()): Promise<boolean> {
  return (await client.entityFollow.count({ where: { userId, entityId } })) > 0
}

export async function listFollowedEntities(userId: string, client: DbClient = getDb()) {
  const rows = await client.entityFollow.findMany({
    where: { userId },
    select: { entity: { select: { id: true, name: true, kind: true } } },
    orderBy: { entity: { name: 'asc' } },
  })
  return rows.map((row) => row.entity)
}

export async function getSeenAt(userId: string, client: DbClient = getDb()): Promise<Date | null> {
  return (await client.followReading.findUnique({ where: { userId }, select: { seenAt: true } }))?.seenAt ?? null
}

export async function markSeen(userId: string, seenAt: Date, client: DbClient = getDb()): Promise<void> {
  await client.followReading.upsert({ where: { userId }, create: { userId, seenAt }, update: { seenAt } })
}

export type NewsItem = {
  kind: 'claim' | 'suggestion'
  id: string
  claimKind: ClaimKind
  quote: string
  subject: { id: string; name: string }
  speaker: string | null
  article: { id: string; title: string; url: string | null; publishedAt: Date | null }
  at: Date
}

const articleSelect = { id: true, title: true, canonicalUrl: true, sourceUrl: true, publishedAt: true } as const

function articleOf(a: { id: string; title: string; canonicalUrl: string | null; sourceUrl: string | null; publishedAt: Date | null }): NewsItem['article'] {
  return { id: a.id, title: a.title, url: a.canonicalUrl ?? a.sourceUrl, publishedAt: a.publishedAt }
}

// Claims (active) and open suggestions about the entities the user follows, made after `since`,
// newest first, at most `limit`. A suggestion an editor accepted shows as its claim.
export async function findNewsForUser(userId: string, since: Date | null, limit: number, client: DbClient = getDb()): Promise<NewsItem[]> {
  const followed = (await client.entityFollow.findMany({ where: { userId }, select: { entityId: true } })).map((f) => f.entityId)
  if (followed.length === 0) return []
  const after = since ? { gt: since } : undefined
  const [claims, suggestions] = await Promise.all([
    client.claim.findMany({
      where: { subjectId: { in: followed }, status: 'active', createdAt: after },
      select: {
        id: true,
        kind: true,
        quote: true,
        createdAt: true,
        subject: { select: { id: true, name: true } },
        speaker: { select: { name: true } },
        article: { select: articleSelect },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    }),
    client.claimSuggestion.findMany({
      where: { subjectId: { in: followed }, status: 'open', createdAt: after },
      select: { id: true, kind: true, quote: true, createdAt: true, subjectId: true, subjectName: true, speakerName: true, article: { select: articleSelect } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    }),
  ])
  const names = new Map((await client.entity.findMany({ where: { id: { in: followed } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]))
  const items: NewsItem[] = [
    ...claims.flatMap((c) =>
      c.subject
        ? [
            {
              kind: 'claim' as const,
              id: c.id,
              claimKind: c.kind,
              quote: c.quote,
              subject: c.subject,
              speaker: c.speaker?.name ?? null,
              article: articleOf(c.article),
              at: c.createdAt,
            },
          ]
        : [],
    ),
    ...suggestions.flatMap((s) =>
      s.subjectId
        ? [
            {
              kind: 'suggestion' as const,
              id: s.id,
              claimKind: s.kind,
              quote: s.quote,
              subject: { id: s.subjectId, name: names.get(s.subjectId) ?? s.subjectName ?? '' },
              speaker: s.speakerName,
              article: articleOf(s.article),
              at: s.createdAt,
            },
          ]
        : [],
    ),
  ]
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).slice(0, limit)
}
