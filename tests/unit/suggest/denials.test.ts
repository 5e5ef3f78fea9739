import { test, expect } from 'vitest'
import { isDenial } from '@/lib/claims/suggest/denials'
import { only } from './helpers'

test('"denied …" is a denial that keeps its verb', () => {
  const s = only('Acme Corp made no comment on the report, and denied it was part of any price-fixing scheme.')
  expect(s).toMatchObject({ kind: 'denial', speaker: 'Acme', exact: 'denied it was part of any price-fixing scheme', rule: 'denial-verb' })
})

test('"rejected a claim" is a denial', () => {
  expect(only('Acme Corp rejected on Monday a claim by regulators that it hid defects from buyers.').kind).toBe('denial')
})

test('the speaker\'s own negated verb is a denial; a negation deeper in the clause is not', () => {
  expect(isDenial('Microsoft does not provide any government with direct access', ['Microsoft'])).toBe(true)
  expect(isDenial('it does not allow any government direct access', [])).toBe(true)
  expect(isDenial('we have never sold customer data', [])).toBe(true)
  expect(isDenial('We provide customer data only under an order, and never on a voluntary basis', [])).toBe(false)
  expect(isDenial('government lawyers had not responded to the motion', ['Microsoft'])).toBe(false)
})

test('denial words: inaccuracies, untrue, no direct access', () => {
  expect(isDenial('there were "significant inaccuracies" in the reports', [])).toBe(true)
  expect(isDenial('the claims are untrue', [])).toBe(true)
  expect(isDenial('the agency has no direct access to our servers', [])).toBe(true)
  expect(isDenial('sales rose in every region', [])).toBe(false)
})
