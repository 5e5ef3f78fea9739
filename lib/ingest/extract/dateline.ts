// Datelines: the place (and wire agency) that opens a news story — "SEATTLE (Reuters) -",
// "LONDON, June 6 (AP) —", "WASHINGTON —" — and the header line some sites print above it,
// "SEATTLE | Thu Jun 6, 2013 8:43pm EDT".

export type Dateline = { place: string; agency: string | null }

// An upper-case place (words, commas, dots, hyphens), optionally a date, optionally an agency in
// parentheses, then a dash. Upper case is what separates a dateline from a sentence that merely
// starts with a capitalised word and a dash.
const PLACE = String.raw`([A-Z][A-Z.'’\- ]{1,40}[A-Z.](?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?)`
const OPENING = new RegExp(String.raw`^${PLACE}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(([A-Za-z][A-Za-z .&'’-]{1,40})\))?\s*[-–—]{1,2}\s+\S`)

export function parseOpeningDateline(paragraph: string): Dateline | null {
  const match = OPENING.exec(paragraph)
  if (!match?.[1]) return null
  const place = match[1].trim().replace(/,$/, '')
  // A sentence in capitals ("BREAKING NEWS - …") is not a place: a dateline place has few words.
  if (place.split(/\s+/).length > 5) return null
  // "U.S. - China talks…" is a sentence about two countries, not a dateline.
  if (place.replace(/[^A-Za-z]/g, '').length < 3) return null
  return { place, agency: match[2]?.trim() ?? null }
}

const HEADER = /^([A-Z][A-Za-z.'’\- ]{1,40}?)\s*[|·•]\s*(.+)$/

// "SEATTLE | Thu Jun 6, 2013 8:43pm EDT" → the place and the date text (to be parsed by dates.ts).
export function parseDatelineHeader(line: string): { place: string; dateText: string } | null {
  const match = HEADER.exec(line.trim())
  if (!match?.[1] || !match[2]) return null
  if (!/\d/.test(match[2])) return null
  return { place: match[1].trim(), dateText: match[2].trim() }
}
