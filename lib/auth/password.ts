// Password hashing with argon2id (the `argon2` package: libargon2's reference code, prebuilt).
// Parameters are the library's defaults (64 MiB, 3 passes, 4 lanes: about 0.2 s here), above
// OWASP's minimum; they are stored in each hash, so raising them later only affects new hashes,
// and needsRehash tells sign-in to upgrade old ones.
import argon2 from 'argon2'
import { MAX_PASSWORD_LENGTH } from './password-rules'

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id })
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false // a malformed stored hash never signs anyone in
  }
}

export function passwordNeedsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash)
  } catch {
    return true
  }
}

// Verifying against this when the account does not exist keeps sign-in as slow for unknown
// addresses as for known ones, so response times do not reveal who has an account.
let dummyHash: Promise<string> | null = null
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not a real password, only for timing')
  await verifyPassword(await dummyHash, password)
  return false
}
