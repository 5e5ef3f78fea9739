// What every audited, versioned edit shares.
import type { Prisma } from '../generated/prisma/client'

// An edit named the version it read, and someone else saved a newer one first: refused, so
// that no edit is silently lost. Carries the version now stored, for the editor to reload.
export class StaleEditError extends Error {
  constructor(
    readonly what: 'article' | 'claim',
    readonly currentVersion: number | null,
  ) {
    super(`Someone else changed this ${what} since you opened it${currentVersion ? ` (it is now at version ${currentVersion})` : ''}. Reload to see their change, then edit again.`)
    this.name = 'StaleEditError'
  }
}

// Dates become ISO strings, as JSON stores them: the before/after of an audit row.
export function asJson(value: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue
}
