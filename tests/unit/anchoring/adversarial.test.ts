// The case table of adversarial-cases.ts: Hypothesis' anchoring test situations on our own texts,
// and the cases that put claims on wrong words (issue 14). A claim lands on its own words or
// nowhere; a refusal that Claimline's rules make on purpose is allowed, any other answer fails.
import { expect, test } from 'vitest'
import { anchorTarget } from '@/lib/anchoring/anchor'
import { ANCHORING_CASES, ORDERINGS } from './adversarial-cases'

test.each(ANCHORING_CASES.map((c) => [c.name, c] as const))('%s', (_, { text, target, expected, refusal }) => {
  const anchor = anchorTarget(text, target)
  const found = anchor ? [anchor.start, anchor.end] : null
  if (found === null && refusal) return
  expect(found).toEqual(expected)
})

test.each(ORDERINGS.map((o) => [o.name, o] as const))('%s', (_, { text, targets }) => {
  const scores = targets.map((target) => anchorTarget(text, target)?.score ?? 0)
  expect(scores[0]).toBeGreaterThan(0)
  for (let i = 1; i < scores.length; i++) {
    const [previous = 0, score = 0] = [scores[i - 1], scores[i]]
    // Strictly lower while found; orphans (0) may follow one another.
    if (previous > 0) expect(score).toBeLessThan(previous)
    else expect(score).toBe(0)
  }
})
