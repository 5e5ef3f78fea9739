// How scripts/db-prepare.ts hands the first-run setup code to whoever started it.
export const SETUP_CODE_LINE = 'setup-code: '

export function takeSetupCode(output: string): { code: string | null; rest: string } {
  const lines = output.split('\n')
  const line = lines.find((l) => l.startsWith(SETUP_CODE_LINE))
  return { code: line ? line.slice(SETUP_CODE_LINE.length).trim() : null, rest: lines.filter((l) => l !== line).join('\n') }
}
