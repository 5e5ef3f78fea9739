// Where to go back to after signing in, from a `next` the visitor controls: a path on this
// site, or `/`. Prefix checks on the raw string are not enough, because a browser reads a
// Location header with the URL parser: it drops tabs and newlines (`/\t/evil.example`),
// turns `\` into `/` and resolves dot segments (`/.//evil.example`), so what looked like a
// path becomes `//evil.example`, another host. So the value is read by that same parser
// against a stand-in origin, kept only if the origin is unchanged, and given back in its
// parsed, serialised form (control characters gone, the rest percent-encoded), which a
// browser reads back as the same path.
const STAND_IN = new URL('http://claimline.invalid')

export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return '/'
  let url: URL
  try {
    url = new URL(next, STAND_IN)
  } catch {
    return '/'
  }
  if (url.origin !== STAND_IN.origin || url.username || url.password) return '/'
  const path = `${url.pathname}${url.search}${url.hash}`
  // A path that starts with two slashes (`/.//evil.example` resolves to `//evil.example` on
  // this host) would be read as another host once it is a Location of its own.
  if (path.startsWith('//')) return '/'
  return path
}
