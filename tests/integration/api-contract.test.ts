// Contract tests generated from the OpenAPI document the app serves at /api/openapi.json: the
// document is valid OpenAPI 3.1 and every $ref in it resolves; every route handler is in it; and
// every operation in it is called (its handler found from its path) and answers with a status it
// documents and a body its JSON Schema accepts. The error answers are generated too: 401 without
// credentials, 400 for a body of the wrong type, 404 for ids that name nothing.
//
// What a valid request is depends on the database (an id that exists, the version it is at), so
// each operation has a scenario below; an operation without one fails the test, as a route
// without a role fails auth-guard.test.ts.
import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { glob } from 'tinyglobby'
import { beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { GET as getOpenApi } from '@/app/api/openapi.json/route'
import { tagClaim } from '@/lib/claims/tag'
import { getDb } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { linkClaims, setClaimVerdict } from '@/lib/claims/edit'
import { createEntityRecord } from '@/lib/queries/entities'
import { createStory } from '@/lib/queries/stories'
import { createTestAccount } from './helpers/accounts'
import { createArticle, selection, send, type ApiRequest, type Handler } from './helpers/api'

const root = path.resolve(import.meta.dirname, '../..')
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

// Routes of other work in progress that are not in the document yet; each should leave this list
// when its operations are documented in lib/api/openapi.ts.
const NOT_YET_DOCUMENTED = new Set<string>([])

// The parts of the document these tests read, checked as they are read.
const media = z.record(z.string(), z.object({ schema: z.unknown() }))
const operationShape = z.object({
  operationId: z.string(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  parameters: z.array(z.object({ in: z.enum(['path', 'query', 'header', 'cookie']), name: z.string() })).default([]),
  requestBody: z.object({ content: media }).optional(),
  responses: z.record(z.string(), z.object({ description: z.string(), content: media.optional() })),
})
const documentShape = z.object({
  openapi: z.string(),
  security: z.array(z.record(z.string(), z.array(z.string()))).default([]),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
})

type Operation = z.infer<typeof operationShape> & { path: string; method: (typeof METHODS)[number]; pointer: string; route: string }

const served = await send(getOpenApi, { path: '/api/openapi.json' })
const document = z.record(z.string(), z.unknown()).parse(served.body)
const parsed = documentShape.parse(document)

const pointerPart = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1')

const operations: Operation[] = Object.entries(parsed.paths).flatMap(([apiPath, item]) =>
  METHODS.filter((method) => item[method] !== undefined).map((method) => ({
    ...operationShape.parse(item[method]),
    path: apiPath,
    method,
    pointer: `#/paths/${pointerPart(apiPath)}/${method}`,
    // /api/stories/{id}/articles/{articleId} → app/api/stories/[id]/articles/[articleId]/route.ts
    route: `app${apiPath.replace(/\{(\w+)\}/g, '[$1]')}/route.ts#${method.toUpperCase()}`,
  })),
)

// JSON Schema 2020-12 (OpenAPI 3.1's dialect); not strict, because OpenAPI adds keywords of its own.
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
// zod writes z.base64() (the archive's raw pages) as format "base64", which ajv-formats lacks.
ajv.addFormat('base64', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/)
ajv.addSchema(document, 'openapi.json')
const validators = new Map<string, ValidateFunction>()
function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer)
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json${pointer}` })
    validators.set(pointer, validate)
  }
  return validate
}

function resolvePointer(pointer: string): unknown {
  let node: unknown = document
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    node = typeof node === 'object' && node !== null && key in node ? (node as Record<string, unknown>)[key] : undefined
  }
  return node
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn)
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)))
}

async function handlerFor(operation: Operation): Promise<Handler> {
  const [file, method] = operation.route.split('#')
  const exported: Record<string, unknown> = await import(path.join(root, file ?? ''))
  const handler = exported[method ?? '']
  if (typeof handler !== 'function') throw new Error(`${operation.route} is documented but not exported`)
  return handler as Handler
}

type Answer = Awaited<ReturnType<typeof send>>

// The answer's status must be one the operation documents, and its body must match that
// response's schema for the answer's media type (or be empty when none is documented).
function expectDocumented(operation: Operation, answer: Answer) {
  const documented = operation.responses[String(answer.status)]
  expect(documented, `${operation.operationId} answered ${answer.status}, which it does not document: ${JSON.stringify(answer.body)}`).toBeDefined()
  if (!documented?.content) {
    expect(answer.body, `${operation.operationId} ${answer.status} has a body`).toBe('')
    return
  }
  const type = (answer.contentType ?? '').split(';')[0]?.trim() ?? ''
  expect(Object.keys(documented.content), `${operation.operationId} ${answer.status} answered ${type}`).toContain(type)
  const validate = validatorAt(`${operation.pointer}/responses/${answer.status}/content/${pointerPart(type)}/schema`)
  expect(validate(answer.body) ? [] : validate.errors, `${operation.operationId} ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`).toEqual([])
}

describe('the document', () => {
  test('is valid OpenAPI 3.1', async () => {
    expect(served.status).toBe(200)
    const result = await new Validator().validate(structuredClone(document))
    expect(result.errors ?? []).toEqual([])
    expect([result.valid, parsed.openapi]).toEqual([true, '3.1.0'])
  })

  test('every $ref resolves, and every operation has an id and documents its answers', () => {
    const refs = refsIn(document)
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of refs) expect(resolvePointer(ref), ref).toBeDefined()
    const ids = operations.map((o) => o.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const operation of operations) expect(Object.keys(operation.responses).length, operation.operationId).toBeGreaterThan(0)
  })

  test('every route handler under app/api is an operation, and every operation has a handler', async () => {
    const handlers: string[] = []
    for (const file of (await glob('app/api/**/route.ts', { cwd: root })).sort()) {
      const exported: Record<string, unknown> = await import(path.join(root, file))
      for (const method of METHODS) if (typeof exported[method.toUpperCase()] === 'function') handlers.push(`${file}#${method.toUpperCase()}`)
    }
    const documented = operations.map((o) => o.route)
    expect(handlers.filter((h) => !NOT_YET_DOCUMENTED.has(h) || documented.includes(h)).sort()).toEqual([...documented].sort())
  })
})

// ---------- the scenarios: one or more valid requests per operation

type Fixtures = {
  token: string
  articleId: string
  articleToDelete: string
  bodyText: string
  claimId: string
  claimToDelete: string
  linkFrom: string
  linkTo: string
  linkId: string
  linkToDelete: string
  entityId: string
  storyId: string
  storyToDelete: string
}

const fx = {} as Fixtures
const tag = `ctr${randomBytes(4).toString('hex')}`

beforeAll(async () => {
  const editor = await createTestAccount('editor')
  fx.token = editor.apiToken
  const actor = editor.user.id
  const article = await createArticle({ tag, title: `${tag} contract`, published: '2024-05-06T10:00:00+01:00', actorId: actor })
  fx.articleId = article.id
  fx.bodyText = article.bodyText
  fx.articleToDelete = (await createArticle({ tag, title: `${tag} to delete`, actorId: actor })).id
  fx.entityId = (await createEntityRecord({ kind: 'company', name: `Northwind ${tag}` }, actor)).id
  const claim = async (words: string) =>
    (
      await tagClaim(
        selection(article.id, article.bodyText, words),
        { kind: 'statement', speakerId: fx.entityId, subjectId: fx.entityId, channel: null, claimDate: null, note: null },
        actor,
      )
    ).id
  fx.claimId = await claim('had never sold customer data to advertisers')
  fx.claimToDelete = await claim('responding to a report in the Daily Ledger')
  fx.linkFrom = await claim('We have never sold and will never sell')
  fx.linkTo = await claim('shared location histories with three data brokers')
  fx.linkId = (await linkClaims(fx.linkFrom, fx.linkTo, 'confirms', actor)).id
  fx.linkToDelete = (await linkClaims(fx.claimId, fx.linkTo, 'denies', actor)).id
  // A verdict, so that the JSON-LD export holds a ClaimReview as well as bare Claims.
  await setClaimVerdict(fx.linkTo, 1, { verdict: 'Accurate', verdictNote: 'Per the filing.' }, actor)
  fx.storyId = (await createStory({ name: `${tag} story`, description: null }, actor)).id
  fx.storyToDelete = (await createStory({ name: `${tag} doomed`, description: null }, actor)).id
})

// The version a record is at; 1 once it is gone (the error tests reuse the delete scenarios
// with ids that name nothing).
const articleVersion = async (id: string) => (await getDb().article.findUnique({ where: { id }, select: { version: true } }))?.version ?? 1
const claimVersion = async (id: string) => (await getDb().claim.findUnique({ where: { id }, select: { version: true } }))?.version ?? 1

type ScenarioRequest = Omit<ApiRequest, 'path'>
type Scenario = () => Promise<ScenarioRequest[]>

const SCENARIOS: Record<string, Scenario> = {
  listArticles: async () => [{ query: { q: tag, limit: '1' } }, { query: { undated: 'true' } }],
  ingestArticles: async () => [
    {
      body: {
        html: `<html><head><title>${tag} ingested</title></head><body><article><h1>${tag} ingested</h1><p>${`Dock workers returned to work on Monday after a strike over pay (${randomUUID()}). `.repeat(3)}</p></article></body></html>`,
      },
    },
  ],
  getArticle: async () => [{ params: { id: fx.articleId } }],
  updateArticle: async () => [
    {
      params: { id: fx.articleId },
      body: {
        version: await articleVersion(fx.articleId),
        title: `${tag} contract, corrected`,
        publishedAt: '2024-05-06',
        bylines: ['Ann Lee'],
        publisher: `Ledger ${tag}`,
      },
    },
  ],
  deleteArticle: async () => [{ params: { id: fx.articleToDelete }, query: { version: String(await articleVersion(fx.articleToDelete)) } }],
  listClaims: async () => [{ query: { article: fx.articleId, kind: ['statement', 'denial'], limit: '2' } }, { query: { q: 'never', exclude: fx.claimId } }],
  createClaim: async () => [
    {
      body: {
        ...selection(fx.articleId, fx.bodyText, 'Regulators in two states'),
        kind: 'report',
        speakerId: null,
        subjectId: fx.entityId,
        claimDate: '2024-05-07',
        channel: 'filing',
        note: '',
      },
    },
  ],
  getClaim: async () => [{ params: { id: fx.claimId } }],
  updateClaim: async () => [
    { params: { id: fx.claimId }, body: { version: await claimVersion(fx.claimId), kind: 'denial', note: 'Checked.' } },
    // Sent after the first, so at the version the first leaves.
    { params: { id: fx.claimId }, body: { version: (await claimVersion(fx.claimId)) + 1, verdict: 'Misleading', verdictNote: null } },
  ],
  deleteClaim: async () => [{ params: { id: fx.claimToDelete }, query: { version: String(await claimVersion(fx.claimToDelete)) } }],
  createLink: async () => [{ body: { fromId: fx.linkTo, toId: fx.linkFrom, relation: 'responds_to' } }],
  getLink: async () => [{ params: { id: fx.linkId } }],
  deleteLink: async () => [{ params: { id: fx.linkToDelete } }],
  listEntities: async () => [{ query: { limit: '1' } }, { query: { q: tag, kind: 'company' } }],
  createEntity: async () => [{ body: { kind: 'person', name: `Jane Roe ${tag}`, aliases: ['J. Roe'], affiliationId: fx.entityId } }],
  getEntity: async () => [{ params: { id: fx.entityId } }],
  updateEntity: async () => [{ params: { id: fx.entityId }, body: { aliases: ['Northwind Traders'] } }],
  listStories: async () => [{ query: { limit: '1' } }],
  createStory: async () => [{ body: { name: `${tag} new story`, description: 'From the contract test.' } }],
  getStory: async () => [{ params: { id: fx.storyId } }],
  updateStory: async () => [{ params: { id: fx.storyId }, body: { description: 'Updated.' } }],
  deleteStory: async () => [{ params: { id: fx.storyToDelete } }],
  addStoryArticle: async () => [{ params: { id: fx.storyId, articleId: fx.articleId } }],
  removeStoryArticle: async () => [{ params: { id: fx.storyId, articleId: fx.articleId } }],
  addStoryClaim: async () => [{ params: { id: fx.storyId, claimId: fx.claimId } }],
  removeStoryClaim: async () => [{ params: { id: fx.storyId, claimId: fx.claimId } }],
  getTimeline: async () => [{ query: { entity: [fx.entityId] } }, { query: { entity: [fx.entityId], format: 'csv' } }],
  searchCoverage: async () => [
    { query: { q: `${tag} "never sold"`, limit: '1' } },
    { query: { q: 'customer data -brokers', type: 'claim' } },
    { query: { q: 'the of' } },
  ],
  exportClaims: async () => [
    { query: { format: 'jsonld', article: fx.articleId } },
    { query: { format: 'annotations', claim: fx.linkTo } },
    { query: { format: 'csv', story: fx.storyId } },
    { query: { entity: [fx.entityId], kind: ['statement'] } },
    { query: { format: 'claimline' } },
  ],
  importDocument: async () => [
    // An annotation of the contract article's page here, on words not yet a claim: one created.
    {
      body: {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        id: `urn:${tag}:1`,
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'report' }],
        target: {
          source: `${(getEnv().CLAIMLINE_PUBLIC_URL ?? 'http://localhost').replace(/\/+$/, '')}/articles/${fx.articleId}`,
          selector: [{ type: 'TextQuoteSelector', exact: 'citing internal emails seen by the newspaper' }],
        },
      },
    },
    // A Hypothesis export of a page that is not stored: reported, nothing created.
    {
      body: {
        annotations: [
          {
            id: `${tag}-h`,
            uri: 'https://elsewhere.example/story',
            target: [{ source: 'https://elsewhere.example/story', selector: [{ type: 'TextQuoteSelector', exact: 'words' }] }],
            tags: ['denial'],
            text: '',
          },
        ],
      },
    },
  ],
  getHealth: async () => [{}],
  getOpenApi: async () => [{}],
}

const pathParams = (operation: Operation) => operation.parameters.filter((p) => p.in === 'path').map((p) => p.name)

function withPath(operation: Operation, request: ScenarioRequest): ApiRequest {
  const concrete = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => request.params?.[name] ?? `{${name}}`)
  return { method: operation.method.toUpperCase(), ...request, path: concrete }
}

function isSecured(operation: Operation): boolean {
  return (operation.security ?? parsed.security).length > 0
}

describe('every operation', () => {
  test('has a scenario, and every scenario an operation', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(operations.map((o) => o.operationId).sort())
  })

  for (const operation of operations) {
    test(`${operation.operationId}: ${operation.method.toUpperCase()} ${operation.path} answers as documented`, async () => {
      const handler = await handlerFor(operation)
      const scenario = SCENARIOS[operation.operationId]
      if (!scenario) throw new Error(`no scenario for ${operation.operationId}`)
      for (const request of await scenario()) {
        expect(Object.keys(request.params ?? {}).sort()).toEqual(pathParams(operation).sort())
        const documentedQuery = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name)
        for (const key of Object.keys(request.query ?? {})) expect(documentedQuery, `${operation.operationId} ?${key}`).toContain(key)
        if (request.body !== undefined) {
          const validate = validatorAt(`${operation.pointer}/requestBody/content/application~1json/schema`)
          expect(validate(request.body) ? [] : validate.errors, `${operation.operationId} request body`).toEqual([])
        }
        const answer = await send(handler, { token: fx.token, ...withPath(operation, request) })
        expect(answer.status, `${operation.operationId}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(300)
        expectDocumented(operation, answer)
      }
    })
  }
})

describe('every operation’s errors', () => {
  for (const operation of operations) {
    const secured = isSecured(operation)
    const jsonBody = operation.requestBody?.content['application/json'] !== undefined
    const hasPath = pathParams(operation).length > 0
    if (!secured && !jsonBody && !hasPath) continue
    test(`${operation.operationId}: 401, 400 and 404 as documented`, async () => {
      const handler = await handlerFor(operation)
      const [request = {}]: ScenarioRequest[] = (await SCENARIOS[operation.operationId]?.()) ?? []
      if (secured) {
        const anonymous = await send(handler, { ...withPath(operation, request), token: null })
        expect(anonymous.status).toBe(401)
        expectDocumented(operation, anonymous)
      }
      // A body the operation's own schema refuses: [] for most; a number where a list is a valid
      // body (annotations to import).
      const validateBody = jsonBody ? validatorAt(`${operation.pointer}/requestBody/content/application~1json/schema`) : null
      const wrongBody = [[], 42].find((candidate) => validateBody && !validateBody(candidate))
      if (wrongBody !== undefined && operation.responses['400']) {
        const wrongType = await send(handler, { token: fx.token, ...withPath(operation, { ...request, body: wrongBody }) })
        expect(wrongType.status).toBe(400)
        expectDocumented(operation, wrongType)
      }
      if (hasPath && operation.responses['404']) {
        const nowhere = Object.fromEntries(pathParams(operation).map((name) => [name, randomUUID()]))
        const missing = await send(handler, { token: fx.token, ...withPath(operation, { ...request, params: nowhere }) })
        expect(missing.status).toBe(404)
        expectDocumented(operation, missing)
      }
    })
  }
})
