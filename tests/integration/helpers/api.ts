// Calling the JSON API's route handlers as Next.js does, and the articles the API tests tag.
import { randomBytes } from 'node:crypto'
import { getDb } from '@/lib/db'
import { ingestOne } from '@/lib/ingest/store/ingest'
import { withBearer } from './accounts'

export type Handler<P extends Record<string, string> = Record<string, string>> = (request: Request, context: { params: Promise<P> }) => Promise<Response>

export type ApiRequest<P extends Record<string, string> = Record<string, string>> = {
  method?: string
  path: string
  token?: string | null
  params?: P
  query?: Record<string, string | string[] | undefined>
  body?: unknown
  rawBody?: string
  contentType?: string
}

export function apiRequest({ method = 'GET', path, token, query, body, rawBody, contentType }: Omit<ApiRequest, 'params'>): Request {
  const url = new URL(path, 'http://localhost')
  for (const [key, value] of Object.entries(query ?? {})) for (const v of [value ?? []].flat()) url.searchParams.append(key, v)
  const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body))
  const headers = new Headers()
  if (payload !== undefined) headers.set('content-type', contentType ?? 'application/json')
  const request = new Request(url, { method, headers, body: payload })
  return token ? withBearer(request, token) : request
}

// Routes without dynamic segments get no params, as from Next.js.
export async function send<P extends Record<string, string>>(
  handler: Handler<P>,
  request: ApiRequest<P>,
): Promise<{ status: number; body: unknown; contentType: string | null }> {
  const response = await handler(apiRequest(request), { params: Promise.resolve(request.params ?? ({} as P)) })
  const text = await response.text()
  const contentType = response.headers.get('content-type')
  // JSON and JSON-based types (application/ld+json, the exports') are parsed; others stay text.
  const isJson = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/.test(contentType ?? '')
  return { status: response.status, contentType, body: text && isJson ? JSON.parse(text) : text }
}

// A short article whose every paragraph names `tag`, so tests can find their own rows among others.
export async function createArticle(options: { tag: string; title: string; published?: string; actorId: string }): Promise<{ id: string; bodyText: string }> {
  const paragraphs = [
    `Northwind Traders (${options.tag}) said on Monday it had never sold customer data to advertisers, responding to a report in the Daily Ledger about its practices.`,
    `The Daily Ledger reported last week that Northwind shared location histories with three data brokers, citing internal emails seen by the newspaper.`,
    `"We have never sold and will never sell our customers' data," Northwind spokeswoman Jane Roe said in an emailed statement on ${options.title}.`,
    `Regulators in two states said they were looking into the report, according to people familiar with the matter, who asked not to be named (${randomBytes(6).toString('hex')}).`,
  ]
  const meta = options.published ? `<meta property="article:published_time" content="${options.published}">` : ''
  const html = `<html><head><title>${options.title}</title>${meta}</head><body><article><h1>${options.title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
  const result = await ingestOne({ bytes: new TextEncoder().encode(html), name: `${options.title}.html` }, { actorId: options.actorId })
  if (result.status !== 'created') throw new Error(`not created: ${JSON.stringify(result)}`)
  const article = await getDb().article.findUniqueOrThrow({ where: { id: result.article.id }, select: { id: true, bodyText: true } })
  return article
}

// The offsets and exact words of `words` in a body, as the annotator sends them.
export function selection(articleId: string, bodyText: string, words: string) {
  const start = bodyText.indexOf(words)
  if (start < 0) throw new Error(`"${words}" is not in the article`)
  return { articleId, start, end: start + words.length, exact: words }
}
