// Prisma passes `contains` to LIKE unescaped: a search for "%" or "_" must match those characters.
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
