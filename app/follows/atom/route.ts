// GET /follows/atom?token=… — what is new about the companies a user follows, as Atom, for a
// feed reader or a chat bot that cannot sign in: the token is one of the user's API tokens.
import { getEnv } from '@/lib/env'
import { atomForToken } from '@/lib/follow/news'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const bearer = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
  const token = url.searchParams.get('token') ?? bearer ?? ''
  const xml = token ? await atomForToken(token, getEnv().CLAIMLINE_PUBLIC_URL ?? url.origin) : null
  if (!xml)
    return new Response('This feed needs a valid token: create one on the Following page.\n', {
      status: 401,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  return new Response(xml, {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' },
  })
}
