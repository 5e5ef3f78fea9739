// CSV as RFC 4180 wants it (quotes doubled, fields with commas, quotes or line breaks quoted,
// CRLF between records), and safe to open in a spreadsheet: a cell that starts with = + - @
// or a tab/CR would be run as a formula there, so it is prefixed with an apostrophe (OWASP's
// advice for CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
