// A refusal the domain explains to whoever asked: a thing that does not exist, an edit made
// on a stale version, a name already taken, a selection or link that cannot be, an input that is
// no article, an import that cannot be read, a request the API cannot read. Its `code` says
// which; the JSON API answers each code with one status (lib/api/errors.ts), a server action
// shows the message (refusalMessage) and the command line prints it. Anything else thrown is a
// bug, answered without its details.
// 'refused': the request breaks a rule the domain keeps (the last admin, a setup already done or
// a wrong setup code, a suggestion or proposal someone already decided, a cluster edit that
// cannot be).
export type DomainErrorCode =
  'not-found' | 'stale' | 'exists' | 'refused' | 'invalid-selection' | 'invalid-link' | IngestErrorCode | ImportErrorCode | RequestErrorCode

// Every way an input can fail to become an article, each with a message an editor can act on
// (IngestError, lib/ingest/errors.ts).
export type IngestErrorCode =
  | 'empty' // nothing, or only white space
  | 'too-large' // over the size cap (a request body too)
  | 'too-complex' // markup nested deep enough to stall the parser
  | 'binary' // an image, PDF, archive… not a page
  | 'no-article' // a page, but no article text in it (a home page, an index)
  | 'bad-feed' // not RSS or Atom, or broken XML
  | 'fetch' // a URL could not be fetched (also a webhook receiver unreachable, or answering with a failure)
  | 'blocked-url' // a URL we refuse to fetch (private address, bad scheme)
  | 'conflict' // the change would break existing work (e.g. replacing the text claims are anchored to)

// An import that cannot be read or applied (ImportError, lib/interop/import.ts).
export type ImportErrorCode =
  | 'unknown-format' // neither a Claimline export nor annotations
  | 'invalid-export' // a Claimline export that does not read or is incomplete
  | 'not-empty' // an archive restores into an empty database only

// A JSON API request that cannot be read as sent.
export type RequestErrorCode =
  | 'bad-json'
  | 'bad-request' // a body of the wrong shape
  | 'bad-form' // not multipart/form-data
  | 'no-files'
  | 'bad-cursor'
  | 'invalid' // a value the schema allows but the record cannot take
  | 'unsupported-media-type'

// What a client may act on beyond the message: the version to reload, the record that exists.
export type DomainErrorDetails = { currentVersion?: number | null; existingId?: string }

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
    // What a client of the JSON API hears where it is not what an editor is told (an edit of
    // something deleted meanwhile: the editor is told to reload, a client what is gone).
    readonly apiMessage: string = message,
  ) {
    super(message)
    this.name = new.target.name
  }
}

// A server action's side: the message of a refusal, for its form to show; anything else is
// rethrown, for Next.js to log and answer with its error page.
export function refusalMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message
  throw error
}
