// What every audited, versioned edit shares.
import { DomainError } from '../errors'
import type { Prisma } from '../generated/prisma/client'

// An edit named the version it read, and someone else saved a newer one first: refused, so
// that no edit is silently lost. Carries the version now stored, for the editor to reload; none
// when the record was deleted meanwhile, which makes it a 'not-found' (there is nothing to reload).
export class StaleEditError extends DomainError {
  constructor(
    readonly what: 'article' | 'claim',
    readonly currentVersion: number | null,
  ) {
    super(
      currentVersion === null ? 'not-found' : 'stale',
      `Someone else changed this ${what} since you opened it${currentVersion ? ` (it is now at version ${currentVersion})` : ''}. Reload to see their change, then edit again.`,
      currentVersion === null ? {} : { currentVersion },
      currentVersion === null ? `No such ${what}.` : undefined,
    )
  }
}

// Dates become ISO strings, as JSON stores them: the before/after of an audit row.
export function asJson(value: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue
}
