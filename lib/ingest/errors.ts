// Every way an input can fail to become an article, each with a message an editor can act on.
export type IngestErrorCode =
  | 'empty' // nothing, or only white space
  | 'too-large' // over the size cap
  | 'too-complex' // markup nested deep enough to stall the parser
  | 'binary' // an image, PDF, archive… not a page
  | 'no-article' // a page, but no article text in it (a home page, an index)
  | 'bad-feed' // not RSS or Atom, or broken XML
  | 'fetch' // a URL could not be fetched
  | 'blocked-url' // a URL we refuse to fetch (private address, bad scheme)
  | 'conflict' // the change would break existing work (e.g. replacing the text claims are anchored to)

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'IngestError'
  }
}
