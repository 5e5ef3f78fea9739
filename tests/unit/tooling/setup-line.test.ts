import { PassThrough } from 'node:stream'
import { setImmediate as tick } from 'node:timers/promises'
import { expect, test } from 'vitest'
import { relayPrepareOutput, setupCodeOf, SETUP_CODE_LINE } from '@/scripts/lib/setup-line'

test('npm start shows db-prepare’s lines as they arrive, not when it exits, and keeps the setup code back', async () => {
  const output = new PassThrough()
  const shown: string[] = []
  const relayed = relayPrepareOutput(output, (line) => shown.push(line))
  output.write('Creating the embedded database in data/claimline (first start only)…\n')
  await tick()
  expect(shown).toEqual(['Creating the embedded database in data/claimline (first start only)…'])
  output.write('  applying 2026_init\nLoading 2 demo')
  await tick()
  expect(shown).toHaveLength(2)
  output.write(' articles…\n')
  output.write(`${SETUP_CODE_LINE}ABCDE-12345\n`)
  output.end('Loaded 2 demo articles.')
  expect(await relayed).toBe('ABCDE-12345')
  expect(shown).toEqual([
    'Creating the embedded database in data/claimline (first start only)…',
    '  applying 2026_init',
    'Loading 2 demo articles…',
    'Loaded 2 demo articles.',
  ])
})

test('no setup code when nobody needs one', async () => {
  const output = new PassThrough()
  const relayed = relayPrepareOutput(output, () => {})
  output.end('Database: embedded PGlite at data/claimline, up to date.\n')
  expect(await relayed).toBeNull()
  expect(setupCodeOf('setup-code: ')).toBeNull()
  expect(setupCodeOf('Database: up to date')).toBeNull()
})
