// Sources as editors name them (files, uploads, URLs, pasted text): a feed among them expands
// into its items, and everything goes through one ingest pipeline, so articles from many
// sources are stored in shared batches. The command line, the API and the Add-articles page
// all come in here.
import { getEnv } from '../../env'
import { entriesFromSource } from './feeds'
import { fetchArticle } from './fetch-url'
import { ingestEntries, type BatchOptions, type IngestInput, type IngestOptions, type IngestResult } from '../store/ingest'

export type Source = { name: string; load: () => Promise<IngestInput> }

export type SourceEvents = {
  // A source turned out to hold `count` entries (a feed's items; 1 for a page).
  onExpand?: (count: number) => void
  onResult?: (result: IngestResult) => void
}

export type SourceOptions = IngestOptions &
  BatchOptions & {
    // Items taken from one feed; CLAIMLINE_FEED_MAX_ITEMS (500) by default.
    maxFeedItems?: number
  }

// Every item's result, and what an editor must be told besides (a feed cut short).
export type SourcesReport = { results: IngestResult[]; notices: string[] }

// With a `signal` (the HTTP request's, aborted when its client disconnects), no further source
// is loaded, no further item fetched and no further batch stored once it fires; batches already
// stored stay, each complete.
export async function ingestSources(sources: Source[], options: SourceOptions, events: SourceEvents = {}): Promise<SourcesReport> {
  const maxItems = options.maxFeedItems ?? getEnv().CLAIMLINE_FEED_MAX_ITEMS
  const fetchPage = (url: string) => fetchArticle(url, { signal: options.signal })
  const notices: string[] = []
  async function* entries() {
    for (const source of sources) {
      if (options.signal?.aborted) return
      const found = await entriesFromSource(source.name, source.load, fetchPage, maxItems)
      if (found.notice) notices.push(found.notice)
      events.onExpand?.(found.entries.length)
      yield* found.entries
    }
  }
  const results = await ingestEntries(entries(), options, events.onResult)
  return { results, notices }
}
