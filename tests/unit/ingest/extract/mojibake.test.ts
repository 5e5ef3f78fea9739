import { describe, expect, test } from 'vitest'
import { repairMojibake } from '@/lib/ingest/extract/mojibake'

describe('repairMojibake', () => {
  test('undoes UTF-8 read as Windows-1252 or as Latin-1', () => {
    expect(repairMojibake('Investorâ€™s guide')).toBe('Investor’s guide')
    expect(repairMojibake('Investor\u00e2\u0080\u0099s guide')).toBe('Investor’s guide')
    expect(repairMojibake('CafÃ© au lait')).toBe('Café au lait')
  })

  test('leaves text that is not such a misreading alone', () => {
    expect(repairMojibake('Café au lait')).toBe('Café au lait')
    expect(repairMojibake('Ångström’s “law”')).toBe('Ångström’s “law”')
    // A real curly quote next to a misread one: not wholly a misreading, so not touched.
    expect(repairMojibake('It’s Investorâ€™s')).toBe('It’s Investorâ€™s')
  })
})
