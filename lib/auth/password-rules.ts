// What a new password must be. Shared by the forms in the browser and the server, so it must
// not import the hashing library.
import { z } from 'zod'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256

// Length is what makes a password strong (NIST SP 800-63B): no composition rules, but a floor,
// a ceiling against hashing megabytes, and a short list of what people type first.
const COMMON = new Set(['password1234', '123456789012', 'qwertyuiopas', 'claimline123', 'changeme1234', 'letmein12345', 'administrator'])

export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`)
  .refine((p) => !COMMON.has(p.toLowerCase()), 'That password is too common.')
  .refine((p) => new Set(p).size >= 4, 'That password repeats too few characters.')
