// Full-text search on the real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
// stemming, ranking (title above quote above a passing mention), web-search syntax (phrases,
// exclusions, or), snippets that stay text, the paragraph a result opens at, the type filter,
// paging, and queries that find nothing. Every article here carries made-up words, so the
// searches find only this file's rows.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { GET } from '@/app/api/search/route'
import { tagClaim } from '@/lib/claims/tag'
import { getDb } from '@/lib/db'
import { ingestOne } from '@/lib/ingest/store/ingest'
import { createEntityRecord } from '@/lib/queries/entities'
import { RECENT_ARTICLES } from '@/lib/queries/search'
import { searchTheCoverage, type SearchResult } from '@/lib/search/search'
import { createTestAccount } from './helpers/accounts'
import { selection, send } from './helpers/api'

// Letters only, so that the text parser keeps each one a single word.
const word = () =>
  `${randomBytes(5)
    .toString('hex')
    .replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)] ?? 'q')}`
const W = word() // the word the ranking articles share
const P = word() // the phrase/exclusion articles' word
const Q = word()
const R = word()
const T = word()

let actor = ''
let token = ''
const ids: Record<string, string> = {}
const bodies: Record<string, string> = {}

async function article(key: string, options: { title: string; paragraphs: string[]; description?: string; published?: string }) {
  const meta = [
    options.description ? `<meta name="description" content="${options.description}">` : '',
    options.published ? `<meta property="article:published_time" content="${options.published}">` : '',
  ].join('')
  const html = `<html><head><title>${options.title}</title>${meta}</head><body><article><h1>${options.title}</h1>${options.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`
  const result = await ingestOne({ bytes: new TextEncoder().encode(html), name: `${key}.html` }, { actorId: actor })
  if (result.status !== 'created') throw new Error(`${key} not created: ${JSON.stringify(result)}`)
  const stored = await getDb().article.findUniqueOrThrow({ where: { id: result.article.id }, select: { id: true, bodyText: true } })
  ids[key] = stored.id
  bodies[key] = stored.bodyText
}

async function claim(key: string, articleKey: string, words: string, speakerId: string | null = null) {
  const created = await tagClaim(
    selection(ids[articleKey] ?? '', bodies[articleKey] ?? '', words),
    { kind: 'denial', speakerId, subjectId: null, channel: null, claimDate: null, note: null },
    actor,
  )
  ids[key] = created.id
}

const filler = (n: number) => `Filler sentence number ${n} talks about the weather over the harbour and the price of fish at the market this week.`

beforeAll(async () => {
  const editor = await createTestAccount('editor')
  actor = editor.user.id
  token = (await createTestAccount('viewer')).apiToken
  const speaker = await createEntityRecord({ kind: 'company', name: `Velmora ${W}` }, actor)

  // Ranking: the word in a title; the word said in a claim; the word repeated through a body.
  await article('titled', {
    title: `${W} denies the report about its data centres`,
    paragraphs: [filler(1), filler(2), `Shareholders were told nothing about it, ${W} added later.`],
    published: '2020-01-01',
  })
  await article('quoted', {
    title: 'Regulator opens an inquiry into cloud contracts',
    paragraphs: [filler(3), `"${W} never handed over any data," the company's lawyer said on Monday.`, filler(4)],
    published: '2021-01-01',
  })
  await claim('claim', 'quoted', `${W} never handed over any data`, speaker.id)
  await article('repeated', {
    title: 'Markets close lower on a quiet day',
    paragraphs: [filler(5), ...Array.from({ length: 8 }, (_, i) => `Traders mentioned ${W} again (${i + 1}) while discussing other things entirely.`)],
    published: '2024-01-01',
  })
  await article('standfirst', {
    title: 'A story with a standfirst',
    description: `Why ${W} matters to readers across the region, explained at length.`,
    paragraphs: [filler(6), filler(7), filler(8)],
    published: '2022-01-01',
  })

  // Phrases, exclusions, or, stemming, the paragraph opened and what a snippet may hold.
  await article('phrase', {
    title: `${P} and the servers`,
    paragraphs: [filler(9), `The documents said ${P} gave the agency direct access to its servers.`, filler(10)],
  })
  await article('apart', { title: `${P} and the archive`, paragraphs: [`Access was never direct, ${P} said of the archive and its servers.`, filler(11)] })
  await article('excluded', { title: `${P} and the Skype chats`, paragraphs: [filler(12), `The agency had direct access to Skype chats, ${P} said.`] })
  await article('either', { title: 'Two companies answer', paragraphs: [filler(13), `Both ${Q} and its partner denied wrongdoing on Tuesday.`] })
  await article('other', { title: 'Another answer', paragraphs: [`${R} denies every charge in the complaint.`, filler(14)] })
  await article('older', { title: 'An older piece', paragraphs: [filler(16), `A line about ${T} in passing.`], published: '2018-03-01' })
  await article('newer', { title: 'A newer piece', paragraphs: [filler(17), `A line about ${T} in passing.`], published: '2023-03-01' })
  await article('markup', {
    title: `${Q} publishes its code`,
    paragraphs: [filler(15), `The page showed &lt;script&gt;alert(1)&lt;/script&gt; next to ${Q} in bold &lt;b&gt;letters&lt;/b&gt;.`],
  })
})

const search = (text: string, options: { type?: 'article' | 'claim'; offset?: number; limit?: number } = {}) =>
  searchTheCoverage({ text, type: options.type ?? null, offset: options.offset ?? 0, limit: options.limit ?? 10 })
const keysOf = (results: SearchResult[]) => results.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0] ?? r.id)
const marked = (r: SearchResult) => r.snippet.highlights.map((h) => r.snippet.text.slice(h.start, h.end))

describe('ranking', () => {
  test('a title match ranks above a claim quoting the words, which ranks above a standfirst and a body that only mentions them, however often', async () => {
    const { results } = await search(W)
    expect(keysOf(results)).toEqual(['titled', 'claim', 'standfirst', 'repeated', 'quoted'])
  })

  test('the same rank goes to the more recent first', async () => {
    expect(keysOf((await search(T)).results)).toEqual(['newer', 'older'])
  })
})

describe('web-search syntax', () => {
  test('stemming: "denied" finds "denies" and "denies" finds "denied"', async () => {
    expect(keysOf((await search(`${R} denied`)).results)).toEqual(['other'])
    expect(keysOf((await search(`${Q} denies`)).results)).toEqual(['either'])
  })

  test('"quoted words" must occur in that order, next to each other', async () => {
    expect(keysOf((await search(`${P} "direct access"`)).results).sort()).toEqual(['excluded', 'phrase'])
    expect(keysOf((await search(`${P} direct access`)).results).sort()).toEqual(['apart', 'excluded', 'phrase'])
  })

  test('-word leaves out what holds it, also when the rest is in the title', async () => {
    expect(keysOf((await search(`${P} "direct access" -skype`)).results)).toEqual(['phrase'])
    expect(keysOf((await search(`${P} -archive -servers`)).results)).toEqual(['excluded'])
    // "phrase" has the word in its title and "agency" only in its body.
    expect(keysOf((await search(`${P} -agency`)).results)).toEqual(['apart'])
  })

  test('or takes either', async () => {
    expect(keysOf((await search(`${Q} or ${R}`, { type: 'article' })).results).sort()).toEqual(['either', 'markup', 'other'])
  })
})

describe('snippets', () => {
  test('the matched words are marked in plain text, in any form; a cut excerpt says so', async () => {
    const [first] = (await search(`${R} denied`)).results
    expect(first?.snippet.text).toBe(`${R} denies every charge in the complaint.`)
    expect(first && marked(first)).toEqual([`${R} denies`])
    const [repeated] = (await search(W, { type: 'article', limit: 1, offset: 2 })).results
    expect(repeated?.title).toBe('Markets close lower on a quiet day')
    expect(repeated && marked(repeated).every((m) => m === W)).toBe(true)
  })

  test('a phrase is marked as one run', async () => {
    const results = (await search(`${P} "direct access" -skype`)).results
    expect(results[0] && marked(results[0])).toContain('direct access')
  })

  test('markup in an article stays text, and marker characters in the text are not taken for matches', async () => {
    const [hit] = (await search(`${Q} bold`)).results
    expect(hit?.snippet.text).toContain('<script>alert(1)</script>')
    expect(hit?.snippet.text).toContain('<b>letters</b>')
    expect(hit && marked(hit)).toEqual([Q, 'bold'])
    // ts_headline's markers are two control characters: stored text holding them is read
    // without them.
    await getDb().article.update({ where: { id: ids.markup }, data: { bodyText: bodies.markup?.replace('next to', 'next \u0001to\u0002') } })
    const [again] = (await search(`${Q} bold`)).results
    expect(again && marked(again)).toEqual([Q, 'bold'])
    expect(again?.snippet.text).toContain('next to')
  })

  test('a claim result is its quote, with its article and speaker; an article result opens at the paragraph its snippet is from', async () => {
    const claim = (await search(W, { type: 'claim' })).results[0]
    expect(claim).toMatchObject({
      type: 'claim',
      articleId: ids.quoted,
      title: 'Regulator opens an inquiry into cloud contracts',
      href: `/claims/${ids.claim}`,
    })
    expect(claim?.snippet.text).toBe(`${W} never handed over any data`)
    expect(claim?.claim).toMatchObject({ kind: 'denial', speaker: { name: `Velmora ${W}` } })
    const phrase = (await search(`${P} "direct access" -skype`)).results[0]
    const at = bodies.phrase?.split('\n\n').findIndex((p) => p.includes('direct access'))
    expect(at).toBeGreaterThanOrEqual(0)
    expect(phrase?.paragraph).toBe(at)
    expect(phrase?.href).toBe(`/articles/${ids.phrase}#p-${at}`)
  })

  test('words spread over several paragraphs: the snippet is from the first paragraph holding any of them', async () => {
    // "titled": the word in its title and third paragraph, "weather" in the first two.
    const hit = (await search(`${W} weather`)).results.find((r) => r.id === ids.titled)
    const at = bodies.titled?.split('\n\n').findIndex((p) => p.includes('weather'))
    expect(hit?.paragraph).toBe(at)
    expect(hit && marked(hit)).toEqual(['weather'])
    const whole = (await search(`${W} shareholders`)).results.find((r) => r.id === ids.titled)
    expect(whole?.paragraph).toBe(bodies.titled?.split('\n\n').findIndex((p) => p.includes('Shareholders')))
  })

  test('a match only past the part of a long read searched for snippets gets its standfirst, and opens at the top', async () => {
    const late = word()
    const paragraphs = Array.from({ length: 220 }, (_, i) => filler(1000 + i))
    await article('long', {
      title: 'A very long read',
      description: 'The standfirst of a very long read about many things.',
      paragraphs: [...paragraphs, `At the very end ${late} appears.`],
    })
    const [hit] = (await search(late)).results
    expect(hit?.id).toBe(ids.long)
    expect(hit?.paragraph).toBeNull()
    expect(hit?.href).toBe(`/articles/${ids.long}`)
    expect(hit?.snippet.text).toContain('standfirst of a very long read')
  })
})

describe('filters and pages', () => {
  test('type narrows to articles or to claims', async () => {
    expect((await search(W, { type: 'claim' })).results.map((r) => r.type)).toEqual(['claim'])
    expect(new Set((await search(W, { type: 'article' })).results.map((r) => r.type))).toEqual(new Set(['article']))
  })

  test('pages follow each other without gaps or repeats', async () => {
    const all = keysOf((await search(W)).results)
    const paged: string[] = []
    for (let offset = 0; offset < all.length + 2; offset += 2) {
      const page = await search(W, { offset, limit: 2 })
      paged.push(...keysOf(page.results))
      expect(page.more).toBe(offset + 2 < all.length)
    }
    expect(paged).toEqual(all)
  })

  test('empty words, only stop words, or stray operators find nothing and fail on nothing', async () => {
    for (const text of ['', 'the of and', '"', '-', 'or', '!!! :* & | ( ) <->', '"unbalanced', "'"]) expect((await search(text)).results, text).toEqual([])
  })

  test('more matches than a search ranks: the most recent are ranked and it says so', async () => {
    const many = word()
    for (let i = 0; i <= RECENT_ARTICLES; i++)
      await article(`many${i}`, {
        title: `Round-up ${i}`,
        paragraphs: [`Item ${i}: ${many} was mentioned in the round-up of the day's stories.`, filler(2000 + i), filler(3000 + i)],
        published: `2019-01-${String((i % 28) + 1).padStart(2, '0')}`,
      })
    const page = await search(many, { limit: 50 })
    expect(page.capped).toBe(true)
    expect((await search(W)).capped).toBe(false)
  })
})

describe('GET /api/search', () => {
  test('answers viewers with results, snippets as text with offsets, and a cursor through the pages', async () => {
    expect((await send(GET, { path: '/api/search', query: { q: W } })).status).toBe(401)
    const first = await send(GET, { path: '/api/search', token, query: { q: W, limit: '2' } })
    expect(first.status).toBe(200)
    const body = first.body as {
      results: { type: string; id: string; url: string; snippet: string; highlights: { start: number; end: number }[] }[]
      nextCursor: string | null
      capped: boolean
    }
    expect(body.results.map((r) => r.id)).toEqual([ids.titled, ids.claim])
    expect(body.results[1]).toMatchObject({ type: 'claim', url: `/claims/${ids.claim}`, snippet: `${W} never handed over any data` })
    expect(body.results[1]?.highlights).toEqual([{ start: 0, end: W.length }])
    const ids2: string[] = []
    let cursor = body.nextCursor
    while (cursor) {
      const next = await send(GET, { path: '/api/search', token, query: { q: W, limit: '2', cursor } })
      const page = next.body as typeof body
      ids2.push(...page.results.map((r) => r.id))
      cursor = page.nextCursor
    }
    expect(ids2).toEqual([ids.standfirst, ids.repeated, ids.quoted])
    expect((await send(GET, { path: '/api/search', token, query: { q: W, type: 'claim' } })).body).toMatchObject({
      results: [{ id: ids.claim }],
      nextCursor: null,
      capped: false,
    })
    expect((await send(GET, { path: '/api/search', token, query: { q: 'the of' } })).body).toEqual({ results: [], nextCursor: null, capped: false })
    expect((await send(GET, { path: '/api/search', token, query: { q: W, cursor: 'not-a-cursor' } })).status).toBe(400)
  })
})
