// The output `claimline suggest` prints for evaluation (issue 15): per input one JSON line with
// each suggestion's kind, side, speaker, subject, words, offsets, confidence and answer links.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test, expect } from 'vitest'
import { runSuggest } from '@/lib/cli/suggest'

test('claimline suggest prints suggestions with side and answer links by index', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'suggest-cli-'))
  const file = path.join(dir, 'acme.txt')
  writeFileSync(
    file,
    'Regulators accused Acme Corp of hiding defects in its brakes from buyers.\n\nAcme Corp denied hiding defects in its brakes, calling the claims baseless.\n',
  )
  const lines: string[] = []
  expect(runSuggest([file], (l) => lines.push(l))).toBe(0)
  const out = JSON.parse(lines[0]!) as {
    id: string
    suggestions: { kind: string; side: string; exact: string; start: number; end: number; answers: { to: number; relation: string; confidence: number }[] }[]
  }
  expect(out.id).toBe('acme')
  const denial = out.suggestions.find((s) => s.side === 'company' && s.kind === 'denial')
  expect(denial).toMatchObject({ exact: expect.stringContaining('denied hiding defects') })
  expect(denial!.answers).toEqual([{ to: 0, relation: 'denies', confidence: expect.any(Number) }])
  expect(out.suggestions[0]).toMatchObject({ side: 'others', kind: 'allegation', exact: 'hiding defects in its brakes from buyers' })
})
