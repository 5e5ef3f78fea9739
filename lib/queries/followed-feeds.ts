// Followed feeds (lib/follow): the rows, their poll state and the audit of editors' changes.
import { getDb } from '../db'
import type { PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from './audit'
import type { DbClient } from './client'

export type FollowedFeedRow = {
  id: string
  url: string
  title: string | null
  intervalSeconds: number
  paused: boolean
  etag: string | null
  lastModified: string | null
  lastPolledAt: Date | null
  lastNewItemAt: Date | null
  lastError: string | null
  lastErrorAt: Date | null
  consecutiveFailures: number
  nextPollAt: Date
  itemsIngested: number
  createdAt: Date
}

const feedSelect = {
  id: true,
  url: true,
  title: true,
  intervalSeconds: true,
  paused: true,
  etag: true,
  lastModified: true,
  lastPolledAt: true,
  lastNewItemAt: true,
  lastError: true,
  lastErrorAt: true,
  consecutiveFailures: true,
  nextPollAt: true,
  itemsIngested: true,
  createdAt: true,
} as const

export async function createFollowedFeed(
  input: { url: string; intervalSeconds: number },
  actorId: string | null,
  client: PrismaClient = getDb(),
): Promise<FollowedFeedRow> {
  return client.$transaction(async (tx) => {
    const feed = await tx.followedFeed.create({ data: { url: input.url, intervalSeconds: input.intervalSeconds, addedById: actorId }, select: feedSelect })
    await recordAuditEvent(
      { actorId, action: 'feed.follow', objectType: 'FollowedFeed', objectId: feed.id, after: { url: feed.url, intervalSeconds: feed.intervalSeconds } },
      tx,
    )
    return feed
  })
}

export async function listFollowedFeeds(client: DbClient = getDb()): Promise<FollowedFeedRow[]> {
  return client.followedFeed.findMany({ select: feedSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
}

export async function getFollowedFeed(id: string, client: DbClient = getDb()): Promise<FollowedFeedRow | null> {
  return client.followedFeed.findUnique({ where: { id }, select: feedSelect })
}

export async function findFollowedFeedByUrl(url: string, client: DbClient = getDb()): Promise<FollowedFeedRow | null> {
  return client.followedFeed.findUnique({ where: { url }, select: feedSelect })
}

// Resuming makes the feed due at once rather than at a time that passed while it was paused.
export async function setFollowedFeedPaused(
  id: string,
  paused: boolean,
  actorId: string | null,
  now = new Date(),
  client: PrismaClient = getDb(),
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const changed = await tx.followedFeed.updateMany({ where: { id, paused: !paused }, data: paused ? { paused } : { paused, nextPollAt: now } })
    if (changed.count === 0) return false
    await recordAuditEvent({ actorId, action: paused ? 'feed.pause' : 'feed.resume', objectType: 'FollowedFeed', objectId: id }, tx)
    return true
  })
}

export async function deleteFollowedFeed(id: string, actorId: string | null, client: PrismaClient = getDb()): Promise<FollowedFeedRow | null> {
  return client.$transaction(async (tx) => {
    const feed = await tx.followedFeed.findUnique({ where: { id }, select: feedSelect })
    if (!feed) return null
    await tx.followedFeed.delete({ where: { id } })
    await recordAuditEvent({ actorId, action: 'feed.unfollow', objectType: 'FollowedFeed', objectId: id, before: { url: feed.url } }, tx)
    return feed
  })
}

// The feeds whose time has come, the most overdue first.
export async function listDueFeedIds(now: Date, limit: number, client: DbClient = getDb()): Promise<string[]> {
  const rows = await client.followedFeed.findMany({
    where: { paused: false, nextPollAt: { lte: now } },
    select: { id: true },
    orderBy: [{ nextPollAt: 'asc' }, { id: 'asc' }],
    take: limit,
  })
  return rows.map((row) => row.id)
}

// Takes the feed's poll for this interval: moves its due time from the value it had when read
// to `until` (the poll's lease), only if nobody did so meanwhile. Of two instances that read the same due feed,
// exactly one gets true.
export async function claimFeedPoll(id: string, dueAt: Date, until: Date, client: DbClient = getDb()): Promise<boolean> {
  const claimed = await client.followedFeed.updateMany({ where: { id, paused: false, nextPollAt: dueAt }, data: { nextPollAt: until } })
  return claimed.count === 1
}

export type PollSuccess = {
  polledAt: Date
  nextPollAt: Date
  // Null when the server answered 304: the validators it gave before still hold.
  validators: { etag: string | null; lastModified: string | null } | null
  title: string | null
  newItems: number
}

export async function recordPollSuccess(id: string, outcome: PollSuccess, client: DbClient = getDb()): Promise<void> {
  await client.followedFeed.updateMany({
    where: { id },
    data: {
      lastPolledAt: outcome.polledAt,
      nextPollAt: outcome.nextPollAt,
      lastError: null,
      consecutiveFailures: 0,
      ...(outcome.validators ? { etag: outcome.validators.etag, lastModified: outcome.validators.lastModified } : {}),
      ...(outcome.title ? { title: outcome.title } : {}),
      ...(outcome.newItems > 0 ? { lastNewItemAt: outcome.polledAt, itemsIngested: { increment: outcome.newItems } } : {}),
    },
  })
}

export async function recordPollFailure(
  id: string,
  outcome: { polledAt: Date; error: string; failures: number; nextPollAt: Date },
  client: DbClient = getDb(),
): Promise<void> {
  await client.followedFeed.updateMany({
    where: { id },
    data: {
      lastPolledAt: outcome.polledAt,
      lastError: outcome.error,
      lastErrorAt: outcome.polledAt,
      consecutiveFailures: outcome.failures,
      nextPollAt: outcome.nextPollAt,
    },
  })
}
