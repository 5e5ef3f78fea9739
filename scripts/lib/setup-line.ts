// How scripts/db-prepare.ts hands the first-run setup code to whoever started it.
import type { Readable } from 'node:stream'
import { createInterface } from 'node:readline'

export const SETUP_CODE_LINE = 'setup-code: '

// The code on a line of db-prepare's output, or null for every other line.
export function setupCodeOf(line: string): string | null {
  return line.startsWith(SETUP_CODE_LINE) ? line.slice(SETUP_CODE_LINE.length).trim() || null : null
}

// Passes db-prepare's output on line by line as it arrives (a first start spends a while
// creating the database and loading the demo) and keeps only the setup code back; resolves
// with it once the output ends.
export function relayPrepareOutput(output: Readable, write: (line: string) => void): Promise<string | null> {
  let code: string | null = null
  const lines = createInterface({ input: output, crlfDelay: Infinity })
  lines.on('line', (line) => {
    const found = setupCodeOf(line)
    if (found) code = found
    else write(line)
  })
  return new Promise((resolve) => lines.once('close', () => resolve(code)))
}
