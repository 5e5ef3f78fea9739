// A refusal the domain explains to whoever asked: a thing that does not exist, an edit made
// on a stale version, a name already taken, a selection or link that cannot be. Its `code`
// says which; the JSON API answers each code with one status (lib/api/errors.ts) and a server
// action shows the message. Anything else thrown is a bug, answered without its details.
export type DomainErrorCode = 'not-found' | 'stale' | 'exists' | 'invalid-selection' | 'invalid-link'

// What a client may act on beyond the message: the version to reload, the record that exists.
export type DomainErrorDetails = { currentVersion?: number | null; existingId?: string }

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message)
    this.name = new.target.name
  }
}
