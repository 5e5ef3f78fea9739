import { expect, test } from 'vitest'
import { parseDatelineHeader, parseOpeningDateline } from '@/lib/ingest/extract/dateline'

test('wire datelines with an agency', () => {
  expect(parseOpeningDateline('SEATTLE (Reuters) - Microsoft Corp said on Thursday')).toEqual({ place: 'SEATTLE', agency: 'Reuters' })
  expect(parseOpeningDateline('NEW YORK (AP) — Stocks fell')).toEqual({ place: 'NEW YORK', agency: 'AP' })
  expect(parseOpeningDateline('WASHINGTON, June 6 (Reuters) - The U.S. government')).toEqual({ place: 'WASHINGTON', agency: 'Reuters' })
})

test('datelines without an agency, and with a region', () => {
  expect(parseOpeningDateline('LONDON — The Bank of England')).toEqual({ place: 'LONDON', agency: null })
  expect(parseOpeningDateline('SAN FRANCISCO, Calif. - Twitter said')).toEqual({ place: 'SAN FRANCISCO, Calif.', agency: null })
})

test('ordinary sentences are not datelines', () => {
  expect(parseOpeningDateline('Microsoft has written to the US Attorney General')).toBeNull()
  expect(parseOpeningDateline('The Post reported on Thursday - including Microsoft')).toBeNull()
  expect(parseOpeningDateline('U.S. - China talks resumed')).toBeNull()
  expect(parseOpeningDateline('THIS IS A VERY LONG SHOUTED HEADLINE - with words')).toBeNull()
})

test('header lines that give the place and the time', () => {
  expect(parseDatelineHeader('SEATTLE | Thu Jun 6, 2013 8:43pm EDT')).toEqual({ place: 'SEATTLE', dateText: 'Thu Jun 6, 2013 8:43pm EDT' })
  expect(parseDatelineHeader('Related Topics')).toBeNull()
  expect(parseDatelineHeader('News | Opinion')).toBeNull()
})
