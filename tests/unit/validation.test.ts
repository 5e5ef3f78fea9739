// The first problem of a failed parse, as forms, the command line and imports show it.
import { expect, test } from 'vitest'
import { z, ZodError } from 'zod'
import { firstIssue, firstIssuePath } from '@/lib/validation'

const form = z.object({ email: z.email('Give your email.'), password: z.string().min(1, 'Give your password.') })

test('the first field to fix, in its own words, and where it is', () => {
  const parsed = form.safeParse({ email: 'nobody', password: '' })
  expect(parsed.success).toBe(false)
  if (parsed.success) return
  expect(firstIssue(parsed.error, 'Check the form.')).toBe('Give your email.')
  expect(firstIssuePath(parsed.error)).toBe('email')
})

test('a nested problem is named by its path', () => {
  const parsed = z.object({ target: z.object({ selector: z.string() }) }).safeParse({ target: { selector: 1 } })
  expect(parsed.success || firstIssuePath(parsed.error)).toBe('target.selector')
})

test('an error without issues gives the fallback and no path', () => {
  const empty = new ZodError([])
  expect(firstIssue(empty, 'Check the form.')).toBe('Check the form.')
  expect(firstIssuePath(empty)).toBe('')
})
