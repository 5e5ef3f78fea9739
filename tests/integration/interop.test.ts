// Exports and imports on the real database: verdicts (versioned, audited), a Hypothesis export
// imported onto the demo articles, the whole archive exported, imported into a second fresh
// database and exported again with nothing changed, and the routes' answers to bad input.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { rejectProposal } from '@/lib/claims/link-proposals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { GET as exportRoute } from '@/app/api/export/route'
import { POST as importRoute } from '@/app/api/import/route'
import { parseDatabaseUrl } from '@/lib/database/config'
import { openDatabase, type Database } from '@/lib/database/connect'
import { createPrismaClient, getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import { refreshSuggestions, rejectSuggestion } from '@/lib/claims/suggestions'
import { ingestOne } from '@/lib/ingest/store/ingest'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { checkFactCheckMarkup } from '@/lib/interop/fact-check-rules'
import { buildExport } from '@/lib/interop/export'
import { claimlineExport, type ClaimlineExport } from '@/lib/interop/full-export'
import { runImport } from '@/lib/cli/import'
import { ImportError, importDocument } from '@/lib/interop/import'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { setClaimVerdict } from '@/lib/claims/edit'
import { StaleEditError } from '@/lib/queries/edits'
import { callRoute, createTestAccount, withBearer, type TestAccount } from './helpers/accounts'
import { copyPGliteTemplate, createPostgresDatabase, type TestDatabase } from './helpers/test-databases'

const REUTERS_URL = 'https://www.reuters.com/article/2013/06/07/us-usa-security-microsoft-idUSBRE95604E20130607'
const ITNEWS_URL = 'https://www.itnews.com.au/news/microsoft-asks-us-to-let-it-disclose-security-requests-350217'
const HYPOTHESIS = readFileSync(path.resolve(import.meta.dirname, '../fixtures/interop/hypothesis-search.json'), 'utf8')
const HYPOTHESIS_EXPORT = path.resolve(import.meta.dirname, '../fixtures/interop/hypothesis-export.json')
const ORIGIN = 'http://localhost'
const PARAGRAPHS = [
  'Acme Corp said on Monday it had never sold customer data to advertisers, responding to a report in the Daily Ledger.',
  'The Daily Ledger reported last week that Acme shared location histories with three brokers, citing internal emails.',
  '"We have never sold and will never sell our customers\u2019 data," Acme spokeswoman Jane Roe said in an emailed statement.',
  'Regulators in two states said they were looking into the report, according to people familiar with the matter.',
]
const page = (paragraphs: string[]) =>
  `<html><head><title>Acme denies selling customer data</title><meta property="article:published_time" content="2024-03-04T09:30:00-05:00"></head><body><article><h1>Acme denies selling customer data</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

let editor: TestAccount
let viewer: TestAccount
let reutersId = ''
let itnewsId = ''

async function claimWith(words: string) {
  return getDb().claim.findFirstOrThrow({ where: { quote: { contains: words } } })
}

function get(query: string, account: TestAccount = viewer) {
  return callRoute(exportRoute, withBearer(new Request(`${ORIGIN}/api/export?${query}`), account.apiToken))
}

function post(body: string, headers: Record<string, string> = {}, account: TestAccount = editor) {
  return callRoute(
    importRoute,
    withBearer(new Request(`${ORIGIN}/api/import`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }), account.apiToken),
  )
}

beforeAll(async () => {
  editor = await createTestAccount('editor')
  viewer = await createTestAccount('viewer')
  await loadDemoData()
  // The seeds were pasted as text; give them the addresses the Hypothesis export annotated.
  reutersId = (
    await getDb().article.update({
      where: { bodyHash: (await getDb().article.findFirstOrThrow({ where: { title: { startsWith: 'Microsoft says' } } })).bodyHash },
      data: { canonicalUrl: REUTERS_URL },
    })
  ).id
  itnewsId = (
    await getDb().article.update({
      where: { bodyHash: (await getDb().article.findFirstOrThrow({ where: { title: { startsWith: 'Microsoft asks' } } })).bodyHash },
      data: { sourceUrl: ITNEWS_URL },
    })
  ).id
  // An ingested page and a syndicated copy of it (a near-duplicate linked to it), with the
  // engine's suggestions, one of them rejected: what the archive must carry beyond the demo.
  const acme = await ingestOne(
    { bytes: new TextEncoder().encode(page(PARAGRAPHS)), name: 'acme.html', url: 'https://ledger.example/acme' },
    { actorId: editor.user.id },
  )
  const copy = await ingestOne(
    {
      bytes: new TextEncoder().encode(page([...PARAGRAPHS.slice(0, 3), 'Regulators in two states said on Tuesday they were looking into the report.'])),
      name: 'acme-copy.html',
      url: 'https://wire.example/acme',
    },
    { actorId: editor.user.id },
  )
  if (acme.status !== 'created' || copy.status !== 'created' || !copy.nearDuplicateOf)
    throw new Error(`not stored as expected: ${JSON.stringify([acme, copy])}`)
  await refreshSuggestions(acme.article.id)
  const open = await getDb().claimSuggestion.findFirstOrThrow({ where: { articleId: acme.article.id, status: 'open' } })
  await rejectSuggestion(open.id, editor.user.id)
  // And a proposed answer link the editor rejected (the demo's claims propose some).
  await rejectProposal((await getDb().linkProposal.findFirstOrThrow({ where: { status: 'open' } })).id, editor.user.id)
})

describe('verdicts', () => {
  test('set, reworded and cleared against the version read; verdictAt moves only with the rating; each change audited', async () => {
    const claim = await claimWith('denied it was part of any voluntary data collection mechanism')
    const set = await setClaimVerdict(claim.id, claim.version, { verdict: 'Misleading', verdictNote: 'Microsoft complied with FISA orders.' }, editor.user.id)
    expect(set).toMatchObject({ verdict: 'Misleading', verdictNote: 'Microsoft complied with FISA orders.', version: claim.version + 1 })
    expect(set?.verdictAt).toBeInstanceOf(Date)
    const reworded = await setClaimVerdict(claim.id, claim.version + 1, { verdict: 'Misleading', verdictNote: 'It complied with FISA orders.' }, editor.user.id)
    expect(reworded?.verdictAt).toEqual(set?.verdictAt)
    const changed = await setClaimVerdict(claim.id, claim.version + 2, { verdict: 'False', verdictNote: null }, editor.user.id)
    expect(changed?.verdictAt?.getTime()).toBeGreaterThan(set?.verdictAt?.getTime() ?? Infinity)
    const audit = await listAuditEventsFor('Claim', claim.id)
    expect(audit.filter((e) => e.action === 'claim.verdict').map((e) => [e.actorId, (e.after as { verdict: string }).verdict])).toEqual([
      [editor.user.id, 'Misleading'],
      [editor.user.id, 'Misleading'],
      [editor.user.id, 'False'],
    ])
  })

  test('a verdict made against an older version is refused and changes nothing', async () => {
    const claim = await claimWith('there were "significant inaccuracies"')
    await setClaimVerdict(claim.id, claim.version, { verdict: 'Accurate', verdictNote: null }, editor.user.id)
    await expect(setClaimVerdict(claim.id, claim.version, { verdict: 'False', verdictNote: 'stale' }, editor.user.id)).rejects.toBeInstanceOf(StaleEditError)
    const stored = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })
    expect([stored.verdict, stored.verdictNote, stored.version]).toEqual(['Accurate', null, claim.version + 1])
    const cleared = await setClaimVerdict(claim.id, stored.version, { verdict: null, verdictNote: 'ignored without a verdict' }, editor.user.id)
    expect(cleared).toMatchObject({ verdict: null, verdictNote: null, verdictAt: null })
    await setClaimVerdict(claim.id, stored.version + 1, { verdict: 'Accurate', verdictNote: null }, editor.user.id)
  })
})

describe('a Hypothesis export imported onto the demo articles', () => {
  test('POST /api/import: claims created by the editor, the labelled denial recognised, the orphan and the unknown page reported, the page note skipped', async () => {
    const claimsBefore = await getDb().claim.count()
    const response = await post(HYPOTHESIS)
    expect(response.status).toBe(201)
    const report = await response.json()
    expect(report.kind).toBe('annotations')
    expect(report.summary).toEqual({ created: 4, duplicate: 1, orphan: 1, 'no-article': 1, skipped: 1, invalid: 0 })
    expect(report.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'created',
      'created',
      'created',
      'orphan',
      'no-article',
      'skipped',
      'created',
    ])
    expect(await getDb().claim.count()).toBe(claimsBefore + 4)
    const created = await getDb().claim.findMany({
      where: { id: { in: report.results.filter((r: { status: string }) => r.status === 'created').map((r: { claimId: string }) => r.claimId) } },
      include: { subject: true, speaker: true },
    })
    expect(created.map((c) => [c.articleId, c.kind, c.speaker?.name ?? null, c.subject?.name, c.createdById]).sort()).toEqual(
      [
        [reutersId, 'report', null, 'Microsoft', editor.user.id],
        [reutersId, 'allegation', 'The Washington Post', 'Microsoft', editor.user.id],
        [itnewsId, 'report', null, 'Microsoft', editor.user.id],
        [itnewsId, 'other', null, 'PRISM', editor.user.id],
      ].sort(),
    )
    for (const claim of created) expect((await listAuditEventsFor('Claim', claim.id)).map((e) => e.action)).toEqual(['claim.create'])
  })

  test('imported again: nothing new, every claim it made is a duplicate', async () => {
    const claimsBefore = await getDb().claim.count()
    const report = await (await post(HYPOTHESIS)).json()
    expect(report.summary).toEqual({ created: 0, duplicate: 5, orphan: 1, 'no-article': 1, skipped: 1, invalid: 0 })
    expect(await getDb().claim.count()).toBe(claimsBefore)
  })

  // A real export is mostly replies and page notes; they used to be "invalid", so every real
  // export made the import exit 1 (issue 14).
  test('claimline import of a client export with 9 replies and 3 page notes: counted in one line, exit 0', async () => {
    const lines: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)))
    try {
      expect(await runImport([HYPOTHESIS_EXPORT])).toBe(0)
    } finally {
      log.mockRestore()
    }
    const output = lines.join('\n')
    expect(output).toContain('12 replies and page notes skipped')
    expect(output).toMatch(/created\s+5\n/)
    // The demo data already labels the last one (the same words, the same kind).
    expect(output).toContain('a4NwMg4zEe-7JkC5sD1eUQ: already a claim')
    expect(output).not.toMatch(/invalid:|orphan:|no stored article/)
  })
})

describe('exports', () => {
  test('JSON-LD of the whole archive passes Google’s fact-check rules, with a ClaimReview per verdict', async () => {
    const response = await get('format=jsonld')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="claimline-claims-\d{4}-\d{2}-\d{2}\.jsonld"$/)
    const report = checkFactCheckMarkup(await response.json())
    expect(report.errors).toEqual([])
    expect(report.reviews).toBe(await getDb().claim.count({ where: { verdict: { not: null } } }))
  })

  test('an article’s claims as W3C annotations target its URL; a story’s as CSV; a timeline view as CSV', async () => {
    const annotations = await get(`format=annotations&article=${reutersId}`)
    expect(annotations.headers.get('content-disposition')).toBe(
      'attachment; filename="claimline-article-microsoft-says-not-part-of-broad-government-online-monitorin-annotations.jsonld"',
    )
    const collection = await annotations.json()
    expect(collection.total).toBe(await getDb().claim.count({ where: { articleId: reutersId } }))
    expect(new Set(collection.first.items.map((a: { target: { source: string } }) => a.target.source))).toEqual(new Set([REUTERS_URL]))

    const story = await getDb().story.findFirstOrThrow()
    const csv = await get(`format=csv&story=${story.id}`)
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="claimline-story-prism-2013.csv"')
    const rows: Record<string, string>[] = parse(await csv.text(), { columns: true })
    expect(rows).toHaveLength(await getDb().claim.count())
    expect(rows.every((r) => r.stories === 'PRISM, 2013')).toBe(true)

    const microsoft = await getDb().entity.findFirstOrThrow({ where: { name: 'Microsoft' } })
    const timeline: Record<string, string>[] = parse(await (await get(`format=csv&entity=${microsoft.id}&kind=denial`)).text(), { columns: true })
    expect(timeline.length).toBeGreaterThan(0)
    expect(timeline.every((r) => r.kind === 'denial')).toBe(true)
  })

  test('bad requests: 400 for an unknown format, a scoped Claimline export or a bad id; 404 for a missing article', async () => {
    for (const query of ['format=pdf', `format=claimline&article=${reutersId}`, 'article=42', `claim=${reutersId}&story=${reutersId}`]) {
      const response = await get(query)
      expect([query, response.status, (await response.json()).error.code]).toEqual([query, 400, 'bad-request'])
    }
    const missing = await get('format=csv&article=01970000-0000-7000-8000-000000000000')
    expect([missing.status, (await missing.json()).error.code]).toEqual([404, 'not-found'])
  })
})

describe('the whole archive, into a second database and back', () => {
  let second: TestDatabase
  let database: Database
  let client: PrismaClient
  let exported: ClaimlineExport

  beforeAll(async () => {
    const provided = inject('database')
    second = provided.kind === 'pglite' ? copyPGliteTemplate(provided.template) : await createPostgresDatabase(provided.adminUrl ?? '', provided.template)
    const config = parseDatabaseUrl(second.url)
    database = await openDatabase(config)
    client = createPrismaClient(config, database.adapter)
    // The editor has an account on the new installation too; the viewer, who made nothing, need not.
    await client.user.create({ data: { email: editor.user.email, name: 'Editor elsewhere', role: 'editor', passwordHash: 'not-a-hash' } })
  })

  afterAll(async () => {
    await client?.$disconnect()
    await database?.close()
    await second?.drop()
  })

  test('GET /api/export gives editors the Claimline export: every article, claim, verdict, suggestion, link and story', async () => {
    // It names editors by email: not for viewers.
    expect((await get('')).status).toBe(403)
    const response = await get('', editor)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="claimline-export-\d{4}-\d{2}-\d{2}\.json"$/)
    exported = claimlineExport.parse(await response.json())
    expect(exported.articles).toHaveLength(4)
    expect(exported.articles.filter((a) => a.duplicateOfId)).toHaveLength(1)
    expect(exported.claims).toHaveLength(await getDb().claim.count())
    expect(exported.claims.filter((c) => c.verdict).length).toBe(2)
    expect(exported.suggestions.filter((s) => s.status === 'rejected' && s.decidedBy === editor.user.email)).toHaveLength(1)
    expect(exported.links).toHaveLength(await getDb().claimLink.count())
    expect(exported.proposals.filter((p) => p.status === 'rejected' && p.decidedBy === editor.user.email)).toHaveLength(1)
    expect(exported.stories[0]?.articleIds).toHaveLength(2)
    expect(exported.articles.every((a) => a.rawSource && a.fingerprints.length > 0)).toBe(true)
    expect(exported.claims.some((c) => c.createdBy === editor.user.email)).toBe(true)
    expect(JSON.stringify(exported)).not.toContain(viewer.user.email)
  })

  test('imported into an empty database and exported again: the same document', async () => {
    const report = await importDocument(exported, null, { baseUrl: ORIGIN }, client)
    expect(report).toEqual({
      kind: 'claimline',
      imported: {
        outlets: exported.outlets.length,
        entities: exported.entities.length,
        articles: 4,
        claims: exported.claims.length,
        suggestions: exported.suggestions.length,
        links: exported.links.length,
        proposals: exported.proposals.length,
        stories: 1,
        unknownPeople: [],
      },
    })
    const again = JSON.parse((await buildExport({ format: 'claimline', scope: { kind: 'all' } }, { baseUrl: ORIGIN, organizationName: 'x' }, client)).body)
    expect({ ...again, exportedAt: null }).toEqual({ ...exported, exportedAt: null })
    // And what is published from it is the same too.
    const jsonld = async (c: PrismaClient) =>
      (await buildExport({ format: 'jsonld', scope: { kind: 'all' } }, { baseUrl: ORIGIN, organizationName: 'x' }, c)).body
    expect(await jsonld(client)).toBe(await jsonld(getDb()))
    expect((await client.auditEvent.findMany()).map((e) => e.action)).toEqual(['import.claimline'])
  })

  test('a second import is refused: the database is no longer empty, and nothing was written', async () => {
    const claims = await client.claim.count()
    const error = await importDocument(exported, null, { baseUrl: ORIGIN }, client).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).code).toBe('not-empty')
    expect(await client.claim.count()).toBe(claims)
  })

  test('POST /api/import answers bad input with a 4xx and the reason', async () => {
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['not JSON', '{"format": ', {}, 400, 'bad-json'],
      ['neither format', '{"hello": "world"}', {}, 400, 'unknown-format'],
      ['another version', JSON.stringify({ ...exported, version: 2 }), {}, 422, 'invalid-export'],
      ['a claim of a missing article', JSON.stringify({ ...exported, articles: [] }), {}, 422, 'invalid-export'],
      ['an export into this non-empty database', JSON.stringify(exported), {}, 409, 'not-empty'],
      ['too large', '{}', { 'content-length': String(200 * 1024 * 1024) }, 413, 'too-large'],
    ]
    for (const [what, body, headers, status, code] of cases) {
      const response = await post(body, headers)
      expect([what, response.status, (await response.json()).error.code]).toEqual([what, status, code])
    }
    expect((await post('{}', {}, viewer)).status).toBe(403)
  })
})
