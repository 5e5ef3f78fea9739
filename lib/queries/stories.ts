import { getDb } from '../db'
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
  return client.story.findMany({ select: { id: true, name: true, slug: true, description: true, _count: { select: { articles: true, claims: true } } }, orderBy: { name: 'asc' } })
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

// Adding twice is one membership; removing what is not there is a no-op. Both audited when they change something.
export async function setStoryMember(member: Member, present: boolean, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const isArticle = 'articleId' in member
    const objectId = isArticle ? member.articleId : member.claimId
    const existing = isArticle
      ? await tx.storyArticle.findUnique({ where: { storyId_articleId: { storyId: member.storyId, articleId: member.articleId } } })
      : await tx.storyClaim.findUnique({ where: { storyId_claimId: { storyId: member.storyId, claimId: member.claimId } } })
    if (Boolean(existing) === present) return false
    if (isArticle) {
      if (present) await tx.storyArticle.create({ data: member })
      else await tx.storyArticle.delete({ where: { storyId_articleId: member } })
    } else if (present) await tx.storyClaim.create({ data: member })
    else await tx.storyClaim.delete({ where: { storyId_claimId: member } })
    await recordAuditEvent({ actorId, action: present ? 'story.add' : 'story.remove', objectType: 'Story', objectId: member.storyId, after: { [isArticle ? 'articleId' : 'claimId']: objectId } }, tx)
    return true
  })
}

export async function listStoriesOfArticle(articleId: string, client: DbClient = getDb()) {
  return client.story.findMany({ where: { articles: { some: { articleId } } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
}

export async function listStoriesOfClaims(claimIds: string[], client: DbClient = getDb()) {
  return client.storyClaim.findMany({ where: { claimId: { in: claimIds } }, select: { claimId: true, story: { select: { id: true, name: true } } } })
}
