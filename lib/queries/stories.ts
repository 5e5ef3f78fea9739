import { getDb } from '../db'
import { DomainError } from '../errors'
import type { PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from './audit'
import type { DbClient } from './client'

export type StorySummary = { id: string; name: string; slug: string; description: string | null; _count: { articles: number; claims: number } }

// "PRISM, 2013" → "prism-2013"; a taken slug gets -2, -3…
export function slugFor(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'story'
  )
}

export async function listStories(client: DbClient = getDb()): Promise<StorySummary[]> {
  return client.story.findMany({
    select: { id: true, name: true, slug: true, description: true, _count: { select: { articles: true, claims: true } } },
    orderBy: { name: 'asc' },
  })
}

export async function createStory(input: { name: string; description: string | null }, actorId: string | null, client: PrismaClient = getDb()) {
  return client.$transaction(async (tx) => {
    const base = slugFor(input.name)
    let slug = base
    for (let n = 2; await tx.story.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`
    const story = await tx.story.create({ data: { name: input.name, slug, description: input.description } })
    await recordAuditEvent({ actorId, action: 'story.create', objectType: 'Story', objectId: story.id, after: { name: story.name, slug } }, tx)
    return story
  })
}

type Member = { storyId: string; articleId: string } | { storyId: string; claimId: string }

export class StoryMemberMissingError extends DomainError {
  constructor(readonly what: 'story' | 'article' | 'claim') {
    super('not-found', `No such ${what}.`)
  }
}

// Adding twice is one membership; removing what is not there is a no-op. Both audited when they
// change something. A story, article or claim that does not exist is refused by name, whichever
// the direction; the rows are locked against deletion (FOR KEY SHARE) until the change commits,
// so a concurrent delete cannot turn the check into a foreign-key error.
export async function setStoryMember(member: Member, present: boolean, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const isArticle = 'articleId' in member
    const objectId = isArticle ? member.articleId : member.claimId
    const story = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Story" WHERE id = ${member.storyId}::uuid FOR KEY SHARE`
    if (story.length === 0) throw new StoryMemberMissingError('story')
    const target = isArticle
      ? await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Article" WHERE id = ${objectId}::uuid FOR KEY SHARE`
      : await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Claim" WHERE id = ${objectId}::uuid FOR KEY SHARE`
    if (target.length === 0) throw new StoryMemberMissingError(isArticle ? 'article' : 'claim')
    const existing = isArticle
      ? await tx.storyArticle.findUnique({ where: { storyId_articleId: { storyId: member.storyId, articleId: member.articleId } } })
      : await tx.storyClaim.findUnique({ where: { storyId_claimId: { storyId: member.storyId, claimId: member.claimId } } })
    if (Boolean(existing) === present) return false
    if (isArticle) {
      if (present) await tx.storyArticle.create({ data: member })
      else await tx.storyArticle.delete({ where: { storyId_articleId: member } })
    } else if (present) await tx.storyClaim.create({ data: member })
    else await tx.storyClaim.delete({ where: { storyId_claimId: member } })
    await recordAuditEvent(
      {
        actorId,
        action: present ? 'story.add' : 'story.remove',
        objectType: 'Story',
        objectId: member.storyId,
        after: { [isArticle ? 'articleId' : 'claimId']: objectId },
      },
      tx,
    )
    return true
  })
}

export async function listStoriesOfArticle(articleId: string, client: DbClient = getDb()) {
  return client.story.findMany({ where: { articles: { some: { articleId } } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
}

export async function listStoriesOfClaims(claimIds: string[], client: DbClient = getDb()) {
  return client.storyClaim.findMany({ where: { claimId: { in: claimIds } }, select: { claimId: true, story: { select: { id: true, name: true } } } })
}

// Pages of stories for the JSON API, by name, continuing strictly after `after` (keyset pagination).
export type StoryKey = { name: string; id: string }

export async function listStoriesPage(page: { after?: StoryKey; take: number }, client: DbClient = getDb()) {
  const after = page.after
  return client.story.findMany({
    where: after ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {},
    select: { id: true, name: true, slug: true, description: true, createdAt: true, updatedAt: true, _count: { select: { articles: true, claims: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: page.take,
  })
}

// A story with its members, articles newest first and claims in date order.
export async function getStoryDetails(id: string, client: DbClient = getDb()) {
  return client.story.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      createdAt: true,
      updatedAt: true,
      articles: { select: { article: { select: { id: true, title: true } } }, orderBy: { article: { publishedAt: { sort: 'desc', nulls: 'last' } } } },
      claims: {
        select: { claim: { select: { id: true, kind: true, quote: true, articleId: true } } },
        orderBy: { claim: { claimDate: { sort: 'asc', nulls: 'last' } } },
      },
    },
  })
}

// Renaming keeps the slug: links to the story stay valid.
export async function updateStoryRecord(
  id: string,
  changes: { name?: string; description?: string | null },
  actorId: string | null,
  client: PrismaClient = getDb(),
) {
  return client.$transaction(async (tx) => {
    const before = await tx.story.findUnique({ where: { id }, select: { name: true, description: true } })
    if (!before) return null
    const after = await tx.story.update({ where: { id }, data: changes, select: { name: true, description: true } })
    await recordAuditEvent({ actorId, action: 'story.update', objectType: 'Story', objectId: id, before, after }, tx)
    return after
  })
}

// The story's memberships go with it (the schema cascades); its articles and claims stay.
export async function deleteStoryRecord(id: string, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const before = await tx.story.findUnique({
      where: { id },
      select: { name: true, slug: true, description: true, articles: { select: { articleId: true } }, claims: { select: { claimId: true } } },
    })
    if (!before) return false
    await tx.story.delete({ where: { id } })
    const { articles, claims, ...fields } = before
    await recordAuditEvent(
      {
        actorId,
        action: 'story.delete',
        objectType: 'Story',
        objectId: id,
        before: { ...fields, articleIds: articles.map((a) => a.articleId), claimIds: claims.map((c) => c.claimId) },
      },
      tx,
    )
    return true
  })
}
