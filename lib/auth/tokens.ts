// Secrets handed to people and browsers: session cookies, API tokens, the first-run setup code.
// Each is 32 random bytes; the database keeps only its SHA-256, which is enough for a
// high-entropy secret (no salt or slow hash needed, unlike passwords) and lets a lookup use an index.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const API_TOKEN_PREFIX = 'clk_'

export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${newSecret()}`
}

// A short, human-typeable code (for the setup page): 10 characters from an alphabet without
// look-alikes, about 50 bits — enough for a code that works once and expires within hours.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export function newSetupCode(): string {
  const bytes = randomBytes(10)
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length])
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}

export function normaliseSetupCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^(.{5})(.+)$/, '$1-$2')
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

// What a list shows of a token: enough to tell two apart, not enough to use one.
export function tokenDisplayPrefix(token: string): string {
  return `${token.slice(0, API_TOKEN_PREFIX.length + 6)}…`
}
