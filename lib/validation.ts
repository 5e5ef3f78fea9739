// What a person reads when input fails its zod schema: the first problem found, which for a
// form is the first field to fix. Every schema names its problems in plain sentences
// ('Give the setup code.'), so the message is shown as it is; `fallback` covers an error that
// carries none.
import type { ZodError } from 'zod'

export function firstIssue(error: ZodError, fallback: string): string {
  return error.issues[0]?.message ?? fallback
}

// Where the first problem is in a nested document ("target.selector"); '' at its top.
export function firstIssuePath(error: ZodError): string {
  return error.issues[0]?.path.join('.') ?? ''
}
