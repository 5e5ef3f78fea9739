// What a user reads about the companies they follow: the list of what is new since their last
// visit, marking it seen, and the Atom feed a token-authenticated URL serves.
import { issueApiToken, resolveApiToken } from '../auth/api-tokens'
import { findNewsForUser, getSeenAt, listFollowedEntities, markSeen, type NewsItem } from '../queries/follows'
import { newsAtom } from './atom'

// A first visit shows the last month rather than everything ever said about the companies.
const FIRST_VISIT_DAYS = 30
export const NEWS_LIMIT = 200
const ATOM_ENTRIES = 50

export type News = { since: Date; items: NewsItem[]; companies: { id: string; name: string }[] }

export async function newsSinceLastVisit(userId: string, now = new Date()): Promise<News> {
  const since = (await getSeenAt(userId)) ?? new Date(now.getTime() - FIRST_VISIT_DAYS * 24 * 60 * 60 * 1000)
  const [items, companies] = await Promise.all([findNewsForUser(userId, since, NEWS_LIMIT), listFollowedEntities(userId)])
  return { since, items, companies }
}

// Up to the newest item the user was shown, so what arrived while they read stays new.
export async function markNewsSeen(userId: string, upTo: Date): Promise<void> {
  await markSeen(userId, upTo)
}

export const ATOM_TOKEN_NAME = 'Atom feed of followed companies'

// A token of its own for the feed URL (a feed reader keeps URLs in plain text): revoking it on
// the account page stops the feed and nothing else.
export async function issueFeedToken(userId: string): Promise<string> {
  return (await issueApiToken(userId, ATOM_TOKEN_NAME, null, userId)).token
}

export function atomUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/follows/atom?token=${encodeURIComponent(token)}`
}

// Null when the token is unknown, revoked, expired or its account deactivated.
export async function atomForToken(token: string, baseUrl: string, now = new Date()): Promise<string | null> {
  const user = await resolveApiToken(token, now)
  if (!user) return null
  const items = await findNewsForUser(user.id, null, ATOM_ENTRIES)
  return newsAtom({ baseUrl, feedUrl: atomUrl(baseUrl, token), userId: user.id, userName: user.name, items, now })
}
