import { expect, test } from 'vitest'
import { clientAddress, sameOrigin } from '@/lib/auth/credentials'
import { hashPassword, passwordNeedsRehash, verifyPassword } from '@/lib/auth/password'
import { newPassword } from '@/lib/auth/password-rules'
import { roleAllows } from '@/lib/auth/roles'
import { API_TOKEN_PREFIX, hashSecret, newApiToken, newSecret, newSetupCode, normaliseSetupCode, tokenDisplayPrefix } from '@/lib/auth/tokens'
import { contentSecurityPolicy } from '@/lib/http/security-headers'

test('passwords are hashed with argon2id, salted, and verified; a wrong or malformed one fails', async () => {
  const hash = await hashPassword('correct horse battery staple')
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/)
  expect(await hashPassword('correct horse battery staple')).not.toBe(hash)
  expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true)
  expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false)
  expect(await verifyPassword('not a hash', 'anything')).toBe(false)
  expect(await verifyPassword(hash, 'x'.repeat(10_000))).toBe(false)
  expect(passwordNeedsRehash(hash)).toBe(false)
  expect(passwordNeedsRehash('$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA')).toBe(true)
})

test('new passwords: long enough, not common, not one repeated character', () => {
  const problems = (p: string) => newPassword.safeParse(p).error?.issues.map((i) => i.message) ?? []
  expect(problems('short')).toEqual(['Use at least 12 characters.'])
  expect(problems('Password1234')).toEqual(['That password is too common.'])
  expect(problems('aaaaaaaaaaaaaaaa')).toEqual(['That password repeats too few characters.'])
  expect(problems('four random words here')).toEqual([])
})

test('secrets are random and URL-safe; only their SHA-256 is stored', () => {
  const a = newSecret()
  expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
  expect(newSecret()).not.toBe(a)
  expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/)
  const token = newApiToken()
  expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true)
  expect(tokenDisplayPrefix(token)).toBe(`${token.slice(0, 10)}…`)
})

test('setup codes are short, unambiguous, and forgiving about case and dashes when typed', () => {
  const code = newSetupCode()
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/)
  expect(normaliseSetupCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(code)
})

test('roles are ordered: admin ⊃ editor ⊃ viewer', () => {
  expect([
    roleAllows('admin', 'editor'),
    roleAllows('editor', 'editor'),
    roleAllows('viewer', 'editor'),
    roleAllows('editor', 'admin'),
    roleAllows('viewer', 'viewer'),
  ]).toEqual([true, true, false, false, true])
})

test('the client address is the last X-Forwarded-For hop, the one our proxy saw', () => {
  expect(clientAddress('203.0.113.9, 10.0.0.2')).toBe('10.0.0.2')
  expect(clientAddress('198.51.100.7')).toBe('198.51.100.7')
  expect(clientAddress(null)).toBe('unknown')
})

test('cookie-authenticated writes must come from this origin', () => {
  expect(sameOrigin('http://localhost:3000', 'localhost:3000')).toBe(true)
  expect(sameOrigin(null, 'localhost:3000')).toBe(true)
  expect(sameOrigin('https://evil.example', 'localhost:3000')).toBe(false)
  expect(sameOrigin('null', 'localhost:3000')).toBe(false)
})

test('the Content-Security-Policy allows scripts only with the nonce, never inline or eval in production', () => {
  const policy = contentSecurityPolicy('abc123', false)
  const scripts = policy.split('; ').find((d) => d.startsWith('script-src')) ?? ''
  expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'")
  expect(policy).toContain("object-src 'none'")
  expect(policy).toContain("frame-ancestors 'none'")
  expect(contentSecurityPolicy('abc123', true)).toContain("'unsafe-eval'")
})
