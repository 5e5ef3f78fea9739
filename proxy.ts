// Runs before every page: gives the response a fresh CSP nonce (Next.js reads it from the
// request's Content-Security-Policy header and puts it on its own scripts) and the security
// headers. Authentication is not decided here but in lib/auth/guard.ts, next to the data.
import { NextResponse, type NextRequest } from 'next/server'
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from './lib/http/security-headers'

export function proxy(request: NextRequest) {
  const nonce = newNonce()
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development')
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('Content-Security-Policy', policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', policy)
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value)
  return response
}

export const config = {
  // Static assets need no nonce. Nor does the JSON API (its headers are set in next.config.js),
  // and it must not pass through here: the proxy buffers a copy of every request body and cuts
  // it at proxyClientMaxBodySize, before the route can answer 401 or refuse it with a 413 that
  // names its own limit (JSON 256 KB, articles 20 MB, uploads 80 MB, imports 100 MB).
  matcher: [{ source: '/((?!_next/static|_next/image|icon.svg|favicon.ico|api/).*)' }],
}
