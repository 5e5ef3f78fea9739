// The JSON API against the real database, called as Next.js calls the handlers: create, read,
// update and delete for each resource, cursor pagination, the error shapes and status codes, and
// the audit rows each write leaves (the same as the UI's). Who may call what is proven in
// auth-guard.test.ts; every request here is an editor's unless it says otherwise.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import type { z } from 'zod'
import * as articlesRoute from '@/app/api/articles/route'
import * as articleRoute from '@/app/api/articles/[id]/route'
import * as claimsRoute from '@/app/api/claims/route'
import * as claimRoute from '@/app/api/claims/[id]/route'
import * as entitiesRoute from '@/app/api/entities/route'
import * as entityRoute from '@/app/api/entities/[id]/route'
import * as linksRoute from '@/app/api/links/route'
import * as linkRoute from '@/app/api/links/[id]/route'
import * as storiesRoute from '@/app/api/stories/route'
import * as storyRoute from '@/app/api/stories/[id]/route'
import * as storyArticleRoute from '@/app/api/stories/[id]/articles/[articleId]/route'
import * as storyClaimRoute from '@/app/api/stories/[id]/claims/[claimId]/route'
import {
  articleListResponse,
  articlePatchResponse,
  articleResponse,
  claimDetailResponse,
  claimListResponse,
  entityDetailResponse,
  entityListResponse,
  entityResponse,
  errorResponse,
  linkResponse,
  storyDetailResponse,
  storyListResponse,
} from '@/lib/api/schemas'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { createTestAccount } from './helpers/accounts'
import { createArticle, selection, send, type ApiRequest, type Handler } from './helpers/api'

let editor = { id: '', token: '' }
let viewerToken = ''

beforeAll(async () => {
  const account = await createTestAccount('editor')
  editor = { id: account.user.id, token: account.apiToken }
  viewerToken = (await createTestAccount('viewer')).apiToken
})

type Sent = Awaited<ReturnType<typeof send>>

function call<P extends Record<string, string>>(handler: Handler<P>, request: ApiRequest<P>): Promise<Sent> {
  return send(handler, { token: editor.token, ...request })
}

// The status, then the body parsed by the schema the OpenAPI document publishes for it.
async function expectOk<S extends z.ZodType>(status: number, schema: S, pending: Promise<Sent>): Promise<z.output<S>> {
  const response = await pending
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  return schema.parse(response.body)
}

async function expectError(status: number, code: string, pending: Promise<Sent>) {
  const response = await pending
  expect([response.status, response.body]).toMatchObject([status, { error: { code } }])
  return errorResponse.parse(response.body).error
}

// Follows nextCursor to the end, and fails on a loop.
async function walk<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const all: T[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 100; pages++) {
    const { items, nextCursor } = await page(cursor)
    all.push(...items)
    if (!nextCursor) return all
    cursor = nextCursor
  }
  throw new Error('the cursor never ended')
}

// Rows written in one transaction share their time (`at`); the id gives their order.
async function auditEvents(objectType: string, objectId: string) {
  return (await listAuditEventsFor(objectType, objectId)).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1))
}

// What people did: the engine's own proposals (link-proposal.create, no actor) are left out.
async function auditActions(objectType: string, objectId: string): Promise<string[]> {
  return (await auditEvents(objectType, objectId)).filter((e) => e.action !== 'link-proposal.create').map((e) => e.action)
}

describe('articles', () => {
  const tag = `art${randomUUID().slice(0, 8)}`
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    // Two share a publication instant, one is undated: the ties and the nulls of the sort.
    const specs = [
      ['a', '2021-05-01T10:00:00Z'],
      ['b', '2022-01-01T09:00:00Z'],
      ['c', '2022-01-01T09:00:00Z'],
      ['d', undefined],
      ['e', '2019-12-31T23:00:00-05:00'],
    ] as const
    for (const [key, published] of specs) ids[key] = (await createArticle({ tag, title: `${tag} article ${key}`, published, actorId: editor.id })).id
  })

  const list = (query: Record<string, string>) =>
    expectOk(200, articleListResponse, call(articlesRoute.GET, { path: '/api/articles', query: { q: tag, ...query } }))

  test('the list filters like the article page, and a cursor walks every row once, in order', async () => {
    const all = await list({ limit: '100' })
    // b and c share a date: the later ingested (c) comes first.
    expect(all.articles.map((a) => a.title.slice(-1))).toEqual(['c', 'b', 'a', 'e', 'd'])
    expect(all.articles.map((a) => a.publishedAt?.slice(0, 10) ?? null)).toEqual(['2022-01-01', '2022-01-01', '2021-05-01', '2020-01-01', null])
    expect(all.nextCursor).toBeNull()
    const walked = await walk(async (cursor) => {
      const page = await list({ limit: '2', ...(cursor ? { cursor } : {}) })
      expect(page.articles.length).toBeLessThanOrEqual(2)
      return { items: page.articles, nextCursor: page.nextCursor }
    })
    expect(walked.map((a) => a.id)).toEqual(all.articles.map((a) => a.id))

    expect((await list({ undated: 'true' })).articles.map((a) => a.id)).toEqual([ids.d])
    expect((await list({ from: '2021-01-01', to: '2021-12-31' })).articles.map((a) => a.id)).toEqual([ids.a])
    expect((await list({ q: `${tag} article e` })).articles.map((a) => a.id)).toEqual([ids.e])
  })

  test('get, correct the details (versioned, audited), then delete', async () => {
    const id = ids.a ?? ''
    const article = await expectOk(200, articleResponse, call(articleRoute.GET, { path: `/api/articles/${id}`, params: { id } }))
    expect(article).toMatchObject({ id, title: `${tag} article a`, claimCount: 0, version: 1 })
    expect(article.bodyText).toContain(tag)

    const saved = await expectOk(
      200,
      articlePatchResponse,
      call(articleRoute.PATCH, {
        method: 'PATCH',
        path: `/api/articles/${id}`,
        params: { id },
        body: {
          version: 1,
          title: 'Northwind denies selling data',
          publishedAt: '2021-05-02T08:00:00+02:00',
          bylines: ['Ann Lee', 'Bo Chen'],
          publisher: `Ledger ${tag}`,
        },
      }),
    )
    expect(saved).toMatchObject({
      id,
      title: 'Northwind denies selling data',
      bylines: ['Ann Lee', 'Bo Chen'],
      publishedAt: '2021-05-02T06:00:00.000Z',
      publishedOffset: '+02:00',
      publishedSource: 'editor',
      version: 2,
    })
    const after = await expectOk(200, articleResponse, call(articleRoute.GET, { path: `/api/articles/${id}`, params: { id } }))
    expect(after.outlet?.name).toBe(`Ledger ${tag}`)

    // Only what is sent changes.
    const partial = await expectOk(
      200,
      articlePatchResponse,
      call(articleRoute.PATCH, { method: 'PATCH', path: `/api/articles/${id}`, params: { id }, body: { version: 2, publisher: null } }),
    )
    expect(partial).toMatchObject({ title: 'Northwind denies selling data', outletId: null, publishedSource: 'editor', version: 3 })

    const stale = await expectError(
      409,
      'stale',
      call(articleRoute.PATCH, { method: 'PATCH', path: `/api/articles/${id}`, params: { id }, body: { version: 1, title: 'Lost edit' } }),
    )
    expect(stale.currentVersion).toBe(3)
    await expectError(
      400,
      'invalid',
      call(articleRoute.PATCH, { method: 'PATCH', path: `/api/articles/${id}`, params: { id }, body: { version: 3, title: '  ' } }),
    )

    await expectError(400, 'invalid', call(articleRoute.DELETE, { method: 'DELETE', path: `/api/articles/${id}`, params: { id } }))
    expect(
      (await expectError(409, 'stale', call(articleRoute.DELETE, { method: 'DELETE', path: `/api/articles/${id}`, params: { id }, query: { version: '2' } })))
        .currentVersion,
    ).toBe(3)
    expect((await call(articleRoute.DELETE, { method: 'DELETE', path: `/api/articles/${id}`, params: { id }, query: { version: '3' } })).status).toBe(204)
    await expectError(404, 'not-found', call(articleRoute.GET, { path: `/api/articles/${id}`, params: { id } }))
    await expectError(404, 'not-found', call(articleRoute.DELETE, { method: 'DELETE', path: `/api/articles/${id}`, params: { id }, query: { version: '3' } }))
    expect((await auditActions('Article', id)).slice(-3)).toEqual(['article.update-details', 'article.update-details', 'article.delete'])
  })
})

describe('claims, links and entities', () => {
  const tag = `clm${randomUUID().slice(0, 8)}`
  let article = { id: '', bodyText: '' }
  let northwind = ''
  let janeRoe = ''

  beforeAll(async () => {
    article = await createArticle({ tag, title: `${tag} Northwind denies`, published: '2024-03-04T09:30:00-05:00', actorId: editor.id })
  })

  const createClaim = (words: string, fields: Record<string, unknown>) =>
    expectOk(
      201,
      claimDetailResponse,
      call(claimsRoute.POST, { method: 'POST', path: '/api/claims', body: { ...selection(article.id, article.bodyText, words), ...fields } }),
    )

  test('entities: create, refuse a duplicate, search (prefix first) and page through, rename', async () => {
    const company = await expectOk(
      201,
      entityResponse,
      call(entitiesRoute.POST, {
        method: 'POST',
        path: '/api/entities',
        body: { kind: 'company', name: `Northwind ${tag}`, aliases: ['Northwind', 'Northwind', `Northwind ${tag}`] },
      }),
    )
    northwind = company.id
    expect(company.aliases).toEqual(['Northwind'])
    const person = await expectOk(
      201,
      entityResponse,
      call(entitiesRoute.POST, { method: 'POST', path: '/api/entities', body: { kind: 'person', name: `Jane Roe ${tag}`, affiliationId: northwind } }),
    )
    janeRoe = person.id
    expect(person.affiliation).toEqual({ id: northwind, name: `Northwind ${tag}` })
    const duplicate = await expectError(
      409,
      'exists',
      call(entitiesRoute.POST, { method: 'POST', path: '/api/entities', body: { kind: 'company', name: `Northwind ${tag}` } }),
    )
    expect(duplicate.existingId).toBe(northwind)
    await expectError(
      422,
      'invalid-reference',
      call(entitiesRoute.POST, { method: 'POST', path: '/api/entities', body: { kind: 'person', name: `Orphan ${tag}`, affiliationId: randomUUID() } }),
    )

    // A third whose name contains the words without starting with them: listed after the prefix match.
    await expectOk(201, entityResponse, call(entitiesRoute.POST, { method: 'POST', path: '/api/entities', body: { kind: 'agency', name: `Board on ${tag}` } }))
    const holdings = await expectOk(
      201,
      entityResponse,
      call(entitiesRoute.POST, { method: 'POST', path: '/api/entities', body: { kind: 'company', name: `${tag} Holdings` } }),
    )
    const searched = await expectOk(200, entityListResponse, call(entitiesRoute.GET, { path: '/api/entities', query: { q: tag } }))
    expect(searched.entities.map((e) => e.name)).toEqual([`${tag} Holdings`, `Board on ${tag}`, `Jane Roe ${tag}`, `Northwind ${tag}`])
    for (const q of [tag, '']) {
      const first = await expectOk(200, entityListResponse, call(entitiesRoute.GET, { path: '/api/entities', query: { q, limit: '100' } }))
      const walked = await walk(async (cursor) => {
        const page = await expectOk(200, entityListResponse, call(entitiesRoute.GET, { path: '/api/entities', query: { q, limit: '1', cursor } }))
        return { items: page.entities, nextCursor: page.nextCursor }
      })
      expect(walked.map((e) => e.id)).toEqual(first.entities.map((e) => e.id))
    }
    expect(
      (await expectOk(200, entityListResponse, call(entitiesRoute.GET, { path: '/api/entities', query: { q: tag, kind: 'person' } }))).entities.map(
        (e) => e.id,
      ),
    ).toEqual([janeRoe])

    const renamed = await expectOk(
      200,
      entityDetailResponse,
      call(entityRoute.PATCH, {
        method: 'PATCH',
        path: `/api/entities/${northwind}`,
        params: { id: northwind },
        body: { name: 'Northwind', aliases: ['Northwind', 'NW Traders'] },
      }),
    )
    expect(renamed).toMatchObject({ name: 'Northwind', aliases: ['NW Traders'], counts: { spokenClaims: 0, aboutClaims: 0, affiliates: 1 } })
    await expectError(
      409,
      'conflict',
      call(entityRoute.PATCH, { method: 'PATCH', path: `/api/entities/${holdings.id}`, params: { id: holdings.id }, body: { name: 'Northwind' } }),
    )
    await expectOk(
      200,
      entityDetailResponse,
      call(entityRoute.PATCH, { method: 'PATCH', path: `/api/entities/${northwind}`, params: { id: northwind }, body: { affiliationId: null } }),
    )
    await expectError(
      400,
      'invalid',
      call(entityRoute.PATCH, { method: 'PATCH', path: `/api/entities/${northwind}`, params: { id: northwind }, body: { affiliationId: northwind } }),
    )
    await expectError(404, 'not-found', call(entityRoute.GET, { path: `/api/entities/${randomUUID()}`, params: { id: randomUUID() } }))
    expect(await auditActions('Entity', northwind)).toEqual(['entity.create', 'entity.update', 'entity.update'])
  })

  test('claims: tag, list with filters, page, edit with a version (stale → 409), delete', async () => {
    const denial = await createClaim('had never sold customer data to advertisers', {
      kind: 'denial',
      speakerId: northwind,
      subjectId: northwind,
      channel: 'statement',
    })
    expect(denial).toMatchObject({
      kind: 'denial',
      quote: 'had never sold customer data to advertisers',
      claimDate: '2024-03-04',
      version: 1,
      speaker: { id: northwind, name: 'Northwind' },
      verdict: null,
      verdictNote: null,
      verdictAt: null,
      linksFrom: [],
      linksTo: [],
    })
    expect(denial.target).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'had never sold customer data to advertisers' }),
      expect.objectContaining({ type: 'TextPositionSelector' }),
    ])
    const allegation = await createClaim('Northwind shared location histories with three data brokers', {
      kind: 'allegation',
      subjectId: northwind,
      claimDate: '2024-02-26',
      speakerId: null,
      note: '',
    })
    const quote = await createClaim('We have never sold and will never sell', {
      kind: 'statement',
      speakerId: janeRoe,
      subjectId: northwind,
      claimDate: '2024-03-04',
    })
    const report = await createClaim('Regulators in two states said they were looking into the report', { kind: 'report', claimDate: '' })
    expect(report.claimDate).toBe('2024-03-04')
    expect(allegation.note).toBeNull()

    const list = (query: Record<string, string | string[]>) =>
      expectOk(200, claimListResponse, call(claimsRoute.GET, { path: '/api/claims', query: { article: article.id, ...query } }))
    const all = await list({ limit: '100' })
    expect(all.claims.map((c) => c.id)).toEqual([report.id, quote.id, denial.id, allegation.id])
    const walked = await walk(async (cursor) => {
      const page = await list({ limit: '1', ...(cursor ? { cursor } : {}) })
      return { items: page.claims, nextCursor: page.nextCursor }
    })
    expect(walked.map((c) => c.id)).toEqual(all.claims.map((c) => c.id))
    expect((await list({ kind: ['denial', 'allegation'] })).claims.map((c) => c.id)).toEqual([denial.id, allegation.id])
    expect((await list({ speaker: janeRoe })).claims.map((c) => c.id)).toEqual([quote.id])
    expect((await list({ subject: northwind })).claims.map((c) => c.id)).toEqual([quote.id, denial.id, allegation.id])
    expect((await list({ from: '2024-02-01', to: '2024-02-28' })).claims.map((c) => c.id)).toEqual([allegation.id])
    expect((await list({ q: 'brokers' })).claims.map((c) => c.id)).toEqual([allegation.id])

    // The link picker's request and the fields it reads.
    const picker = await expectOk(
      200,
      claimListResponse,
      call(claimsRoute.GET, { path: '/api/claims', query: { q: tag, exclude: denial.id }, token: viewerToken }),
    )
    expect(picker.claims.map((c) => c.id)).toEqual([report.id, quote.id, allegation.id])
    expect(picker.claims[0]).toMatchObject({
      id: report.id,
      kind: 'report',
      claimDate: '2024-03-04',
      speaker: null,
      article: { id: article.id, title: `${tag} Northwind denies`, outlet: null },
    })

    const edited = await expectOk(
      200,
      claimDetailResponse,
      call(claimRoute.PATCH, {
        method: 'PATCH',
        path: `/api/claims/${allegation.id}`,
        params: { id: allegation.id },
        body: { version: 1, kind: 'report', note: 'Per the Ledger.' },
      }),
    )
    expect(edited).toMatchObject({ kind: 'report', note: 'Per the Ledger.', claimDate: '2024-02-26', subject: { id: northwind }, version: 2 })
    const stale = await expectError(
      409,
      'stale',
      call(claimRoute.PATCH, {
        method: 'PATCH',
        path: `/api/claims/${allegation.id}`,
        params: { id: allegation.id },
        body: { version: 1, kind: 'allegation' },
      }),
    )
    expect(stale.currentVersion).toBe(2)
    const missingVersion = await expectError(
      400,
      'invalid',
      call(claimRoute.PATCH, { method: 'PATCH', path: `/api/claims/${allegation.id}`, params: { id: allegation.id }, body: { kind: 'allegation' } }),
    )
    expect(missingVersion.issues?.[0]?.path).toEqual(['version'])
    const cleared = await expectOk(
      200,
      claimDetailResponse,
      call(claimRoute.PATCH, {
        method: 'PATCH',
        path: `/api/claims/${allegation.id}`,
        params: { id: allegation.id },
        body: { version: 2, subjectId: null, claimDate: null },
      }),
    )
    expect(cleared).toMatchObject({ subject: null, claimDate: null, kind: 'report', version: 3 })
    await expectError(
      422,
      'invalid-reference',
      call(claimRoute.PATCH, {
        method: 'PATCH',
        path: `/api/claims/${allegation.id}`,
        params: { id: allegation.id },
        body: { version: 3, speakerId: randomUUID() },
      }),
    )

    expect(
      (
        await expectError(
          409,
          'stale',
          call(claimRoute.DELETE, { method: 'DELETE', path: `/api/claims/${allegation.id}`, params: { id: allegation.id }, query: { version: '2' } }),
        )
      ).currentVersion,
    ).toBe(3)
    expect(
      (await call(claimRoute.DELETE, { method: 'DELETE', path: `/api/claims/${allegation.id}`, params: { id: allegation.id }, query: { version: '3' } }))
        .status,
    ).toBe(204)
    await expectError(404, 'not-found', call(claimRoute.GET, { path: `/api/claims/${allegation.id}`, params: { id: allegation.id } }))
    await expectError(
      404,
      'not-found',
      call(claimRoute.PATCH, { method: 'PATCH', path: `/api/claims/${allegation.id}`, params: { id: allegation.id }, body: { version: 3, note: 'x' } }),
    )
    expect(await auditActions('Claim', allegation.id)).toEqual(['claim.create', 'claim.update', 'claim.update', 'claim.delete'])
  })

  test('claims: a verdict set, reworded, set with other fields in one version, refused when stale, cleared', async () => {
    const claim = await createClaim('citing internal emails seen by the newspaper', { kind: 'allegation', subjectId: northwind })
    const patch = (body: Record<string, unknown>) =>
      call(claimRoute.PATCH, { method: 'PATCH', path: `/api/claims/${claim.id}`, params: { id: claim.id }, body })
    const read = () => expectOk(200, claimDetailResponse, call(claimRoute.GET, { path: `/api/claims/${claim.id}`, params: { id: claim.id } }))
    expect(claim).toMatchObject({ verdict: null, verdictNote: null, verdictAt: null })

    const set = await expectOk(200, claimDetailResponse, patch({ version: 1, verdict: '  Misleading ', verdictNote: 'The emails were drafts.' }))
    expect(set).toMatchObject({ kind: 'allegation', verdict: 'Misleading', verdictNote: 'The emails were drafts.', version: 2 })
    expect(set.verdictAt).not.toBeNull()
    expect(await read()).toEqual(set)

    // The note alone: the rating stays, and so does its date.
    const reworded = await expectOk(200, claimDetailResponse, patch({ version: 2, verdictNote: 'Drafts, the company says.' }))
    expect(reworded).toMatchObject({ verdict: 'Misleading', verdictNote: 'Drafts, the company says.', verdictAt: set.verdictAt, version: 3 })

    // Details and a new rating in one body: one version, both audited.
    const both = await expectOk(200, claimDetailResponse, patch({ version: 3, kind: 'report', note: 'Checked with the Ledger.', verdict: 'False' }))
    expect(both).toMatchObject({ kind: 'report', note: 'Checked with the Ledger.', verdict: 'False', verdictNote: 'Drafts, the company says.', version: 4 })
    expect(Date.parse(both.verdictAt ?? '')).toBeGreaterThan(Date.parse(set.verdictAt ?? ''))
    const listed = await expectOk(
      200,
      claimListResponse,
      call(claimsRoute.GET, { path: '/api/claims', query: { article: article.id, q: 'internal emails' }, token: viewerToken }),
    )
    expect(listed.claims.find((c) => c.id === claim.id)).toMatchObject({
      verdict: 'False',
      verdictNote: 'Drafts, the company says.',
      verdictAt: both.verdictAt,
    })

    // A stale or invalid body saves neither half.
    const stale = await expectError(409, 'stale', patch({ version: 3, note: 'Lost edit', verdict: 'Accurate' }))
    expect(stale.currentVersion).toBe(4)
    const invalid = await expectError(400, 'invalid', patch({ version: 4, note: 'Lost edit', verdict: 'x'.repeat(101) }))
    expect(invalid.issues?.map((i) => i.path)).toEqual([['verdict']])
    expect(await read()).toMatchObject({ note: 'Checked with the Ledger.', verdict: 'False', version: 4 })

    // null (or "") clears the rating, and its note with it.
    const cleared = await expectOk(200, claimDetailResponse, patch({ version: 4, verdict: null }))
    expect(cleared).toMatchObject({ kind: 'report', verdict: null, verdictNote: null, verdictAt: null, version: 5 })
    expect(await expectOk(200, claimDetailResponse, patch({ version: 5, verdict: '', verdictNote: 'No rating, no note.' }))).toMatchObject({
      verdict: null,
      verdictNote: null,
      version: 6,
    })

    const audit = await auditEvents('Claim', claim.id)
    expect(audit.map((e) => e.action)).toEqual([
      'claim.create',
      'claim.verdict',
      'claim.verdict',
      'claim.update',
      'claim.verdict',
      'claim.verdict',
      'claim.verdict',
    ])
    expect(audit.slice(3, 5).map((e) => [e.actorId, e.after])).toEqual([
      [editor.id, expect.objectContaining({ kind: 'report', note: 'Checked with the Ledger.', version: 4 })],
      [editor.id, expect.objectContaining({ verdict: 'False', verdictNote: 'Drafts, the company says.', version: 4 })],
    ])
  })

  test('claims: a selection that no longer matches the text, and bad bodies', async () => {
    await expectError(
      422,
      'invalid-selection',
      call(claimsRoute.POST, {
        method: 'POST',
        path: '/api/claims',
        body: { ...selection(article.id, article.bodyText, 'Daily Ledger'), exact: 'Daily Planet', kind: 'report' },
      }),
    )
    await expectError(
      422,
      'invalid-selection',
      call(claimsRoute.POST, { method: 'POST', path: '/api/claims', body: { articleId: randomUUID(), start: 0, end: 5, exact: 'North', kind: 'report' } }),
    )
    const invalid = await expectError(
      400,
      'invalid',
      call(claimsRoute.POST, { method: 'POST', path: '/api/claims', body: { articleId: article.id, start: 10, end: 5, exact: 'x', kind: 'rumour' } }),
    )
    expect(invalid.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['kind']))
    await expectError(400, 'bad-json', call(claimsRoute.POST, { method: 'POST', path: '/api/claims', rawBody: '{"kind": ' }))
    await expectError(
      415,
      'unsupported-media-type',
      call(claimsRoute.POST, { method: 'POST', path: '/api/claims', rawBody: 'kind=denial', contentType: 'application/x-www-form-urlencoded' }),
    )
    await expectError(400, 'bad-cursor', call(claimsRoute.GET, { path: '/api/claims', query: { cursor: 'not-a-cursor' } }))
    await expectError(400, 'invalid', call(claimsRoute.GET, { path: '/api/claims', query: { limit: '500' } }))
    await expectError(404, 'not-found', call(claimRoute.GET, { path: '/api/claims/42', params: { id: '42' } }))
    await expectError(403, 'forbidden', send(claimsRoute.POST, { method: 'POST', path: '/api/claims', token: viewerToken, body: {} }))
  })

  test('links: create (idempotent), seen from both claims, removed', async () => {
    const denial = await createClaim('never sold customer data', { kind: 'denial', speakerId: northwind })
    const allegation = await createClaim('shared location histories', { kind: 'allegation', subjectId: northwind })
    const body = { fromId: denial.id, toId: allegation.id, relation: 'denies' }
    const link = await expectOk(201, linkResponse, call(linksRoute.POST, { method: 'POST', path: '/api/links', body }))
    expect(link).toMatchObject(body)
    expect((await expectOk(201, linkResponse, call(linksRoute.POST, { method: 'POST', path: '/api/links', body }))).id).toBe(link.id)
    expect(await expectOk(200, linkResponse, call(linkRoute.GET, { path: `/api/links/${link.id}`, params: { id: link.id } }))).toEqual(link)
    expect(
      (await expectOk(200, claimDetailResponse, call(claimRoute.GET, { path: `/api/claims/${allegation.id}`, params: { id: allegation.id } }))).linksTo,
    ).toEqual([link])
    await expectError(422, 'invalid-link', call(linksRoute.POST, { method: 'POST', path: '/api/links', body: { ...body, toId: denial.id } }))
    await expectError(422, 'invalid-link', call(linksRoute.POST, { method: 'POST', path: '/api/links', body: { ...body, toId: randomUUID() } }))
    await expectError(400, 'invalid', call(linksRoute.POST, { method: 'POST', path: '/api/links', body: { ...body, relation: 'contradicts' } }))

    expect((await call(linkRoute.DELETE, { method: 'DELETE', path: `/api/links/${link.id}`, params: { id: link.id } })).status).toBe(204)
    await expectError(404, 'not-found', call(linkRoute.DELETE, { method: 'DELETE', path: `/api/links/${link.id}`, params: { id: link.id } }))
    expect((await expectOk(200, claimDetailResponse, call(claimRoute.GET, { path: `/api/claims/${denial.id}`, params: { id: denial.id } }))).linksFrom).toEqual(
      [],
    )
    expect(await auditActions('Claim', denial.id)).toEqual(['claim.create', 'claim.link', 'claim.unlink'])
  })
})

describe('stories', () => {
  const tag = `sty${randomUUID().slice(0, 8)}`

  test('create, list by name through a cursor, add and remove articles and claims, rename, delete', async () => {
    const article = await createArticle({ tag, title: `${tag} story article`, published: '2023-01-02T00:00:00Z', actorId: editor.id })
    const claim = await expectOk(
      201,
      claimDetailResponse,
      call(claimsRoute.POST, {
        method: 'POST',
        path: '/api/claims',
        body: { ...selection(article.id, article.bodyText, 'Daily Ledger reported last week'), kind: 'report' },
      }),
    )

    const created = []
    for (const name of ['Zeta', 'Alpha', 'Mu', 'Alpha']) {
      created.push(
        await expectOk(
          201,
          storyDetailResponse,
          call(storiesRoute.POST, {
            method: 'POST',
            path: '/api/stories',
            body: { name: `${tag} ${name}`, description: name === 'Mu' ? 'The mu affair' : null },
          }),
        ),
      )
    }
    expect(created.map((s) => s.slug)).toEqual([`${tag}-zeta`, `${tag}-alpha`, `${tag}-mu`, `${tag}-alpha-2`])
    const all = await expectOk(200, storyListResponse, call(storiesRoute.GET, { path: '/api/stories', query: { limit: '100' } }))
    const walked = await walk(async (cursor) => {
      const page = await expectOk(200, storyListResponse, call(storiesRoute.GET, { path: '/api/stories', query: { limit: '2', cursor } }))
      return { items: page.stories, nextCursor: page.nextCursor }
    })
    expect(walked.map((s) => s.id)).toEqual(all.stories.map((s) => s.id))
    const mine = walked.filter((s) => s.name.startsWith(tag))
    expect(mine.map((s) => s.name)).toEqual([`${tag} Alpha`, `${tag} Alpha`, `${tag} Mu`, `${tag} Zeta`])

    const story = created[2]?.id ?? ''
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await call(storyArticleRoute.PUT, {
            method: 'PUT',
            path: `/api/stories/${story}/articles/${article.id}`,
            params: { id: story, articleId: article.id },
          })
        ).status,
      ).toBe(204)
      expect(
        (await call(storyClaimRoute.PUT, { method: 'PUT', path: `/api/stories/${story}/claims/${claim.id}`, params: { id: story, claimId: claim.id } })).status,
      ).toBe(204)
    }
    const full = await expectOk(200, storyDetailResponse, call(storyRoute.GET, { path: `/api/stories/${story}`, params: { id: story } }))
    expect(full).toMatchObject({ articleCount: 1, claimCount: 1, articles: [{ id: article.id }], claims: [{ id: claim.id, kind: 'report' }] })
    expect((await expectOk(200, claimListResponse, call(claimsRoute.GET, { path: '/api/claims', query: { story } }))).claims.map((c) => c.id)).toEqual([
      claim.id,
    ])
    await expectError(
      404,
      'not-found',
      call(storyClaimRoute.PUT, { method: 'PUT', path: `/api/stories/${story}/claims/${randomUUID()}`, params: { id: story, claimId: randomUUID() } }),
    )
    await expectError(
      404,
      'not-found',
      call(storyArticleRoute.PUT, {
        method: 'PUT',
        path: `/api/stories/${randomUUID()}/articles/${article.id}`,
        params: { id: randomUUID(), articleId: article.id },
      }),
    )

    expect(
      (await call(storyClaimRoute.DELETE, { method: 'DELETE', path: `/api/stories/${story}/claims/${claim.id}`, params: { id: story, claimId: claim.id } }))
        .status,
    ).toBe(204)
    const renamed = await expectOk(
      200,
      storyDetailResponse,
      call(storyRoute.PATCH, { method: 'PATCH', path: `/api/stories/${story}`, params: { id: story }, body: { name: `${tag} Mu, 2023`, description: null } }),
    )
    expect(renamed).toMatchObject({ name: `${tag} Mu, 2023`, slug: `${tag}-mu`, description: null, claimCount: 0, articleCount: 1 })

    expect((await call(storyRoute.DELETE, { method: 'DELETE', path: `/api/stories/${story}`, params: { id: story } })).status).toBe(204)
    await expectError(404, 'not-found', call(storyRoute.GET, { path: `/api/stories/${story}`, params: { id: story } }))
    expect((await expectOk(200, articleResponse, call(articleRoute.GET, { path: `/api/articles/${article.id}`, params: { id: article.id } }))).claimCount).toBe(
      1,
    )
    expect(await auditActions('Story', story)).toEqual(['story.create', 'story.add', 'story.add', 'story.remove', 'story.update', 'story.delete'])
  })
})
