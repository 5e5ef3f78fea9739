// Sources as editors name them (files, uploads, URLs, pasted text): a feed among them expands
// into its items, and everything goes through one ingest pipeline, so articles from many
// sources are stored in shared batches. The command line, the API and the Add-articles page
// all come in here.
import { entriesFromSource } from './feeds'
import { ingestEntries, type BatchOptions, type IngestInput, type IngestOptions, type IngestResult } from './ingest'

export type Source = { name: string; load: () => Promise<IngestInput> }

export type SourceEvents = {
  // A source turned out to hold `count` entries (a feed's items; 1 for a page).
  onExpand?: (count: number) => void
  onResult?: (result: IngestResult) => void
}

export async function ingestSources(sources: Source[], options: IngestOptions & BatchOptions, events: SourceEvents = {}): Promise<IngestResult[]> {
  async function* entries() {
    for (const source of sources) {
      const found = await entriesFromSource(source.name, source.load)
      events.onExpand?.(found.length)
      yield* found
    }
  }
  return ingestEntries(entries(), options, events.onResult)
}
