// Shared by the suggestion tests: run the engine and check the offsets invariant every time.
import { expect } from 'vitest'
import { suggestClaims, type KnownEntity, type Suggestion } from '@/lib/claims/suggest/suggest'

export function suggest(text: string, entities?: KnownEntity[]): Suggestion[] {
  const suggestions = suggestClaims(text, { entities })
  for (const s of suggestions) expect(text.slice(s.start, s.end)).toBe(s.exact)
  return suggestions
}

export function only(text: string, entities?: KnownEntity[]): Suggestion {
  const suggestions = suggest(text, entities)
  expect(suggestions.map((s) => s.exact)).toHaveLength(1)
  return suggestions[0]!
}
