// A refusal the domain explains to whoever asked: a thing that does not exist, an edit made
// on a stale version, a name already taken, a selection or link that cannot be. Its `code`
// says which; the JSON API answers each code with one status (lib/api/errors.ts) and a server
// action shows the message. Anything else thrown is a bug, answered without its details.
// 'refused': the request breaks a rule the domain keeps (the last admin, a setup already done or
// a wrong setup code, a suggestion or proposal someone already decided, a cluster edit that
// cannot be).
export type DomainErrorCode = 'not-found' | 'stale' | 'exists' | 'refused' | 'invalid-selection' | 'invalid-link'

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

// A server action's side: the message of a refusal, for its form to show; anything else is
// rethrown, for Next.js to log and answer with its error page.
export function refusalMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message
  throw error
}
