import { expect, test } from 'vitest'
import { guessEntityKind } from '@/lib/claims/suggestions'

test('a new speaker’s kind is guessed from the shape of its name, or left to the editor', () => {
  expect(
    ['Jane Roe', 'Velora Inc', 'The Washington Post', 'Federal Trade Commission', 'leaked documents', 'people familiar with the matter', 'a spokesman'].map(
      guessEntityKind,
    ),
  ).toEqual(['person', 'company', 'outlet', 'agency', null, null, null])
})
