// One cookie's value from a raw Cookie header, for route handlers, which authenticate from
// the Request itself. Like Next's own reader (behind cookies() in pages and actions), a value
// that is not valid percent-encoding (`claimline_session=%`) counts as no cookie at all: it
// names no session, so the caller is anonymous rather than a 500.
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const at = part.indexOf('=')
    if (at < 0 || part.slice(0, at).trim() !== name) continue
    try {
      return decodeURIComponent(part.slice(at + 1).trim())
    } catch {
      return null
    }
  }
  return null
}
