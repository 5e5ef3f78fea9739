// Suggested claims on the real database: made when an editor first opens an article (not at
// ingest, which must stay fast), once even when two open it together, turned into claims
// when accepted (as proposed or edited), remembered when rejected — also after re-extraction.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { acceptSuggestion, ensureSuggestions, MAX_OPEN_SUGGESTIONS, refreshSuggestions, rejectSuggestion, SuggestionGoneError } from '@/lib/claims/suggestions'
import { getDb } from '@/lib/db'
import { ingestOne } from '@/lib/ingest/store/ingest'
import { reextractArticle } from '@/lib/ingest/store/reextract'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { listOpenSuggestions } from '@/lib/queries/suggestions'
import { createTestAccount } from './helpers/accounts'

const PARAGRAPHS = [
  'Acme Corp denied on Tuesday that it had sold customer location data to advertisers, after the Daily Ledger reported that the company shared the data with three brokers.',
  '"We have never sold our customers\u2019 data and we never will," Acme spokeswoman Jane Roe said in an emailed statement.',
  'According to internal emails seen by the newspaper, managers discussed the sales as early as 2019.',
  'Regulators in two states said they were looking into the report.',
]
// Each test ingests an article of its own, its text made unique by a closing line, so that a
// retried test starts from a new article rather than finding the first attempt's (a duplicate).
let articles = 0
const unique = () => `<p>Filed as note ${randomUUID()}.</p>`
const acmeHtml = (title: string, body: string) =>
  `<html><head><title>${title}</title><meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body><article><h1>${title}</h1>${body}${unique()}</article></body></html>`

async function ingestArticle(title: string, body: string): Promise<string> {
  const n = ++articles
  const result = await ingestOne(
    { bytes: new TextEncoder().encode(acmeHtml(title, body)), name: `acme-${n}.html`, url: `https://ledger.example/acme-${randomUUID()}` },
    { actorId: editor },
  )
  if (result.status !== 'created') throw new Error(JSON.stringify(result))
  return result.article.id
}

const ingestAcme = () => ingestArticle('Acme denies selling location data', PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''))

// An article with its suggestions made, as the first open leaves it.
async function suggestedAcme(): Promise<string> {
  const id = await ingestAcme()
  await ensureSuggestions({ id, suggestedWith: null, suggestFailure: null })
  return id
}

let editor = ''

beforeAll(async () => {
  editor = (await createTestAccount('editor')).user.id
  await getDb().entity.create({ data: { kind: 'company', name: 'Acme', aliases: ['Acme Corp'] } })
})

const suggestedWith = async (articleId: string) =>
  (await getDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { suggestedWith: true } })).suggestedWith

test('ingest suggests nothing; the first open suggests once, even when two editors open the article together', async () => {
  const articleId = await ingestAcme()
  expect(await listOpenSuggestions(articleId)).toEqual([])
  expect(await suggestedWith(articleId)).toBeNull()
  const stale = { id: articleId, suggestedWith: null, suggestFailure: null }
  await Promise.all([ensureSuggestions(stale), ensureSuggestions(stale)])
  const open = await listOpenSuggestions(articleId)
  expect(open.length).toBeGreaterThan(0)
  expect(new Set(open.map((s) => s.quote)).size).toBe(open.length)
  expect(await suggestedWith(articleId)).not.toBeNull()
})

test('two refreshes at once leave one set of open suggestions, not both', async () => {
  const articleId = await suggestedAcme()
  const count = (await listOpenSuggestions(articleId)).length
  const [first, second] = await Promise.all([refreshSuggestions(articleId), refreshSuggestions(articleId)])
  expect([first, second]).toEqual([count, count])
  expect((await listOpenSuggestions(articleId)).length).toBe(count)
})

test('suggestions have selectors that point at their own words', async () => {
  const articleId = await suggestedAcme()
  const open = await listOpenSuggestions(articleId)
  expect(open.length).toBeGreaterThan(0)
  const body = (await getDb().article.findUniqueOrThrow({ where: { id: articleId } })).bodyText
  for (const s of open) {
    const position = (s.target as { type: string; start?: number; end?: number }[]).find((t) => t.type === 'TextPositionSelector')
    expect(body.slice(position?.start, position?.end)).toBe(s.quote)
  }
  expect(open.some((s) => s.quote.includes('We have never sold our customers'))).toBe(true)
})

test('accepting makes a claim once; a second accept of the same suggestion is refused', async () => {
  const articleId = await suggestedAcme()
  const [first] = await listOpenSuggestions(articleId)
  if (!first) throw new Error('no suggestion')
  const claim = await acceptSuggestion(first.id, editor)
  expect([claim.kind, claim.quote, claim.articleId]).toEqual([first.kind, first.quote, articleId])
  await expect(acceptSuggestion(first.id, editor)).rejects.toBeInstanceOf(SuggestionGoneError)
  // The matcher may also join the claim to the same words in another test's article (claim.cluster).
  const actions = (await listAuditEventsFor('Claim', claim.id)).map((e) => e.action).filter((action) => action !== 'claim.cluster')
  expect(actions).toEqual(['claim.create', 'suggestion.accept'])
  // An accepted suggestion is not proposed again: its words are now a claim.
  await refreshSuggestions(articleId)
  expect((await listOpenSuggestions(articleId)).some((s) => s.quote === first.quote)).toBe(false)
})

test('one click keeps the speaker: a company the newsroom does not know yet, and a name it learnt after the suggestion', async () => {
  // A name no earlier run (or retry) has made an entity of.
  const company = `Zen${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)}`
  const articleId = await ingestArticle(
    `${company} denies the report`,
    [
      `<p>${company} denied on Tuesday that it had sold customer data, after the Daily Ledger reported that the firm shared the data with brokers.</p>`,
      `<p>"We have never sold our customers\u2019 data," ${company} spokeswoman Dana Quill said in a statement.</p>`,
    ].join(''),
  )
  await ensureSuggestions({ id: articleId, suggestedWith: null, suggestFailure: null })
  const open = await listOpenSuggestions(articleId)
  const denial = open.find((s) => s.speakerName === company)
  const quote = open.find((s) => s.speakerName === 'Dana Quill')
  if (!denial || !quote) throw new Error(`engine output changed: ${JSON.stringify(open.map((s) => [s.speakerName, s.quote]))}`)
  expect(denial.speakerId).toBeNull()
  const claim = await acceptSuggestion(denial.id, editor)
  expect(claim.subjectId).not.toBeNull()
  expect(claim.speakerId).toBe(claim.subjectId)
  // The newsroom adds the spokeswoman under her full name, with the article's as an alias.
  await getDb().entity.create({ data: { kind: 'person', name: `Dana E. Quill ${randomUUID().slice(0, 8)}`, aliases: ['Dana Quill'] } })
  const speakerId = (await acceptSuggestion(quote.id, editor)).speakerId
  const speaker = await getDb().entity.findUniqueOrThrow({ where: { id: speakerId ?? '' } })
  expect(speaker.name).toMatch(/^Dana E\. Quill /)
})

test('an edited acceptance uses the editor’s fields', async () => {
  const articleId = await suggestedAcme()
  const [next] = await listOpenSuggestions(articleId)
  if (!next) return // the engine found only one claim here
  const claim = await acceptSuggestion(next.id, editor, {
    kind: 'other',
    speakerId: null,
    subjectId: null,
    channel: 'edited',
    claimDate: null,
    note: 'checked',
  })
  expect([claim.kind, claim.channel, claim.note]).toEqual(['other', 'edited', 'checked'])
})

test('a rejected suggestion is not proposed again, not even after re-extraction', async () => {
  const articleId = await suggestedAcme()
  const [unwanted] = await listOpenSuggestions(articleId)
  if (!unwanted) throw new Error('no suggestion to reject')
  await rejectSuggestion(unwanted.id, editor)
  await refreshSuggestions(articleId)
  expect((await listOpenSuggestions(articleId)).map((s) => s.quote)).not.toContain(unwanted.quote)

  await getDb().article.update({
    where: { id: articleId },
    data: { bodyText: `Photo caption.\n\n${(await getDb().article.findUniqueOrThrow({ where: { id: articleId } })).bodyText}`, extractorVersion: '0.9' },
  })
  expect((await reextractArticle(articleId, editor)).status).toBe('updated')
  // New text: suggested again on the next open.
  expect(await suggestedWith(articleId)).toBeNull()
  await ensureSuggestions({ id: articleId, suggestedWith: null, suggestFailure: null })
  expect((await listOpenSuggestions(articleId)).length).toBeGreaterThan(0)
  expect((await listOpenSuggestions(articleId)).map((s) => s.quote)).not.toContain(unwanted.quote)
  expect(await getDb().claimSuggestion.count({ where: { articleId, status: 'rejected' } })).toBe(1)
})

test('an article whose text runs the engine past its deadline is marked, not analysed again on every open', async () => {
  // Long enough that no machine suggests for it within the 1 ms deadline below.
  const long = PARAGRAPHS.map((p, i) => `<p>${p.replace('Tuesday', `day ${i}`)}</p>`)
    .join('')
    .repeat(60)
  const id = await ingestArticle('Acme, at length', long)
  // A deadline no analysis can meet stands in for a text that takes too long.
  expect(await refreshSuggestions(id, { onlyIfStale: true, limits: { deadlineMs: 1 } })).toBe(0)
  const row = await getDb().article.findUniqueOrThrow({ where: { id }, select: { suggestedWith: true, suggestFailure: true } })
  expect(row.suggestFailure).toBe('No suggestions for this article: its text took longer than 1 ms to analyse, so the analysis was stopped.')
  expect(row.suggestedWith).not.toBeNull()
  // The next open finds the outcome recorded and does not run the engine again.
  expect(await ensureSuggestions({ id, ...row })).toBe(row.suggestFailure)
  expect(await listOpenSuggestions(id)).toEqual([])
  // Asked for explicitly, the engine runs again (here in time), and the mark goes.
  expect(await refreshSuggestions(id)).toBeGreaterThan(0)
  expect((await getDb().article.findUniqueOrThrow({ where: { id }, select: { suggestFailure: true } })).suggestFailure).toBeNull()
})

test('a text of hundreds of attributions gets only the most confident suggestions, up to the cap', async () => {
  const long = Array.from({ length: 80 }, (_, n) =>
    PARAGRAPHS.map((p) => `<p>${p.replace('Tuesday', `day ${n}`).replace('two states', `${n + 2} states`)}</p>`).join(''),
  ).join('')
  const id = await ingestArticle('Acme, at great length', long)
  expect(await refreshSuggestions(id)).toBe(MAX_OPEN_SUGGESTIONS)
  const open = await listOpenSuggestions(id)
  expect(open).toHaveLength(MAX_OPEN_SUGGESTIONS)
})
