// Opaque cursors for keyset pagination: base64url of the last row's sort key as JSON. Clients
// must not build them; a cursor that does not decode to the expected key is a 400, never a
// silently restarted list.
import { z } from 'zod'
import { DomainError } from '../errors'

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    raw = undefined
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new DomainError('bad-cursor', 'The cursor is not one this list handed out; start again without it.')
  return parsed.data
}

// One page from `limit + 1` rows: the extra row only says that there is a next page.
export function pageOf<Row, Key>(rows: Row[], limit: number, keyOf: (row: Row) => Key): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null }
}
