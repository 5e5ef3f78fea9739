// UUIDv7 as Prisma's @default(uuid(7)) makes them: a 48-bit millisecond time, then random bits.
// Made here when rows of several tables are written together in one multi-row insert (bulk
// ingest), which needs each article's id before the database has seen it. Time-ordered ids keep
// primary-key inserts at the right edge of the index.
import { randomBytes } from 'node:crypto'

const cryptoRandom = () => randomBytes(6).readUIntBE(0, 6) / 2 ** 48

export function uuidv7(ms: number = Date.now(), rnd: () => number = cryptoRandom): string {
  const hex = (n: number, digits: number) => Math.floor(n).toString(16).padStart(digits, '0')
  const time = hex(ms, 12)
  const randA = hex(rnd() * 0x1000, 3)
  const variant = hex(0x8000 | (rnd() * 0x4000), 4)
  const randB = hex(rnd() * 0x1000000, 6) + hex(rnd() * 0x1000000, 6)
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randA}-${variant}-${randB}`
}
