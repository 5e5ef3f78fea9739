// Which items of a polled feed are new, and in which order they are ingested. Pure.
import type { FeedItem } from '../ingest/fetch/feeds'

// Oldest first, so articles are stored in the order they were published. Feeds list their
// newest items first by convention; when every item carries a date the dates decide instead.
export function publicationOrder<T extends Pick<FeedItem, 'published'>>(items: T[]): T[] {
  const reversed = [...items].reverse()
  if (!reversed.every((item) => item.published)) return reversed
  // A stable sort: items of the same instant keep the feed's order.
  return reversed.sort((a, b) => Date.parse(a.published ?? '') - Date.parse(b.published ?? ''))
}

// Items whose link is already an article's URL were stored by an earlier poll (or by hand):
// they are not fetched again. Items without a link, or with full text, still go through the
// ingest dedup (same URL, same text, near-duplicate), which recognises them too.
export function unseenItems<T extends Pick<FeedItem, 'link'>>(items: T[], storedUrls: Set<string>): T[] {
  return items.filter((item) => !item.link || !storedUrls.has(item.link))
}
