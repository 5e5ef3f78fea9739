// An input that cannot become an article: a DomainError whose code (lib/errors.ts,
// IngestErrorCode) says why, with a message an editor can act on.
import { DomainError, type IngestErrorCode } from '../errors'

export type { IngestErrorCode }

export class IngestError extends DomainError {
  declare readonly code: IngestErrorCode

  constructor(code: IngestErrorCode, message: string) {
    super(code, message)
    // Set by hand: the name crosses from a worker thread (lib/ingest/store/off-thread.ts) and a
    // minifier may rename the class.
    this.name = 'IngestError'
  }
}
