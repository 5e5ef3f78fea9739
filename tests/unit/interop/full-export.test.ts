// The Claimline export as a pure mapping: a snapshot becomes the document, the document (after
// JSON) becomes the rows to insert, and those rows, read back as the database would return them,
// give the same document. The database leg is tests/integration/interop.test.ts.
import { gzipSync } from 'node:zlib'
import { expect, test } from 'vitest'
import type { ImportRows, Snapshot } from '@/lib/queries/interop'
import { claimlineExport, findBrokenReferences, importCounts, referencedEmails, toFullExport, toImportRows } from '@/lib/interop/full-export'
import { describeRange } from '@/lib/anchoring/selectors'

const T0 = new Date('2024-05-01T10:00:00.123Z')
const T1 = new Date('2024-05-02T11:30:00.456Z')
const BODY = 'Acme denied selling data.\n\nThe Ledger reported that Acme sold location histories.'
const ids = {
  outlet: '01970000-0000-7000-8000-000000000001',
  acme: '01970000-0000-7000-8000-000000000011',
  roe: '01970000-0000-7000-8000-000000000012',
  article: '01970000-0000-7000-8000-000000000021',
  copy: '01970000-0000-7000-8000-000000000022',
  denial: '01970000-0000-7000-8000-000000000031',
  report: '01970000-0000-7000-8000-000000000032',
  suggestion: '01970000-0000-7000-8000-000000000041',
  link: '01970000-0000-7000-8000-000000000051',
  proposal: '01970000-0000-7000-8000-000000000052',
  story: '01970000-0000-7000-8000-000000000061',
  editor: '01970000-0000-7000-8000-000000000071',
  cluster: '01970000-0000-7000-8000-000000000081',
}

function article(id: string, duplicateOfId: string | null, fingerprints: bigint[]): Snapshot['articles'][number] {
  return {
    id,
    sourceUrl: 'https://ledger.example/acme?ref=rss',
    canonicalUrl: id === ids.article ? 'https://ledger.example/acme' : null,
    title: 'Acme denies selling data',
    standfirst: null,
    bylines: ['Jane Roe', 'Sam Ortiz'],
    dateline: 'SPRINGFIELD',
    publishedAt: new Date('2024-03-04T14:30:00.000Z'),
    publishedOffset: '-05:00',
    publishedSource: 'meta',
    publishedConfidence: 0.9,
    language: 'en',
    bodyText: id === ids.article ? BODY : `${BODY} (copy)`,
    bodyHash: `hash-${id}`,
    extractorVersion: 'extract-7',
    extractionWarnings: id === ids.copy ? ['title guessed'] : [],
    duplicateOfId,
    duplicateOverlap: duplicateOfId ? 0.8333333333333334 : null,
    rawSource: new Uint8Array(gzipSync(Buffer.from(`<p>${BODY}</p>`))),
    rawMediaType: 'text/html',
    rawSourceName: 'acme.html',
    outletId: ids.outlet,
    ingestedById: ids.editor,
    ingestedAt: T0,
    updatedAt: T1,
    version: 3,
    suggestedWith: 'suggest-2',
    suggestFailure: null,
    fingerprints: fingerprints.map((hash) => ({ hash })),
  }
}

const denialTarget = describeRange(BODY, 0, 24)
const snapshot: Snapshot = {
  outlets: [{ id: ids.outlet, name: 'The Ledger', domain: 'ledger.example', createdAt: T0 }],
  entities: [
    { id: ids.roe, kind: 'person', name: 'Jane Roe', aliases: ['Roe'], affiliationId: ids.acme, createdAt: T0, updatedAt: T1 },
    { id: ids.acme, kind: 'company', name: 'Acme', aliases: ['Acme Corp'], affiliationId: null, createdAt: T0, updatedAt: T0 },
  ],
  articles: [article(ids.copy, ids.article, [42n]), article(ids.article, null, [-9223372036854775808n, 9223372036854775807n, 42n])],
  claims: [
    {
      id: ids.report,
      articleId: ids.article,
      kind: 'allegation',
      target: describeRange(BODY, 27, 81),
      quote: BODY.slice(27, 81),
      speakerId: null,
      subjectId: ids.acme,
      channel: null,
      claimDate: null,
      note: 'line one\nline "two"',
      verdict: null,
      verdictNote: null,
      verdictAt: null,
      status: 'orphan',
      version: 4,
      createdById: null,
      updatedById: null,
      createdAt: T0,
      updatedAt: T1,
      clusterId: null,
      clusterBy: null,
    },
    {
      id: ids.denial,
      articleId: ids.article,
      kind: 'denial',
      target: denialTarget,
      quote: denialTarget[0].exact,
      speakerId: ids.roe,
      subjectId: ids.acme,
      channel: 'emailed statement',
      claimDate: new Date('2024-03-04T00:00:00Z'),
      note: null,
      verdict: 'False',
      verdictNote: 'Records show the sale.',
      verdictAt: T1,
      status: 'active',
      version: 2,
      createdById: ids.editor,
      updatedById: ids.editor,
      createdAt: T0,
      updatedAt: T1,
      clusterId: ids.cluster,
      clusterBy: 'editor',
    },
  ],
  suggestions: [
    {
      id: ids.suggestion,
      articleId: ids.article,
      kind: 'denial',
      target: denialTarget,
      quote: denialTarget[0].exact,
      speakerName: 'Acme',
      speakerId: ids.acme,
      subjectName: null,
      subjectId: null,
      confidence: 0.71,
      rule: 'denial-verb',
      status: 'rejected',
      claimId: null,
      decidedById: ids.editor,
      decidedAt: T1,
      createdAt: T0,
    },
  ],
  links: [{ id: ids.link, fromId: ids.denial, toId: ids.report, relation: 'denies', createdAt: T1 }],
  // A rejected proposal: exported so that it is not proposed again after a move.
  proposals: [
    {
      id: ids.proposal,
      fromId: ids.denial,
      toId: ids.report,
      relation: 'responds_to',
      confidence: 0.61,
      origin: 'across-articles',
      status: 'rejected',
      decidedById: ids.editor,
      decidedAt: T1,
      createdAt: T0,
    },
  ],
  stories: [
    {
      id: ids.story,
      name: 'Acme and the data brokers',
      slug: 'acme-and-the-data-brokers',
      description: null,
      createdAt: T0,
      updatedAt: T1,
      articles: [{ articleId: ids.copy }, { articleId: ids.article }],
      claims: [{ claimId: ids.denial }],
    },
  ],
  emails: new Map([[ids.editor, 'editor@example.org']]),
}

// What the database would hold after inserting the rows: the self-references set, ids as given.
function asStored(rows: ImportRows, emails: Map<string, string>): Snapshot {
  const must = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('missing')
    return value
  }
  return {
    outlets: rows.outlets.map((o) => ({ id: must(o.id), name: o.name, domain: o.domain ?? null, createdAt: new Date(must(o.createdAt)) })),
    entities: rows.entities.map((e) => {
      const affiliation = rows.affiliations.find((a) => a.id === e.id)
      return {
        id: must(e.id),
        kind: e.kind,
        name: e.name,
        aliases: e.aliases as string[],
        affiliationId: affiliation?.affiliationId ?? null,
        createdAt: new Date(must(e.createdAt)),
        updatedAt: affiliation?.updatedAt ?? new Date(must(e.updatedAt)),
      }
    }),
    articles: rows.articles.map((a) => ({
      ...(a as unknown as Snapshot['articles'][number]),
      duplicateOfId: rows.duplicates.find((d) => d.id === a.id)?.duplicateOfId ?? null,
      fingerprints: rows.fingerprints.filter((f) => f.articleId === a.id).map((f) => ({ hash: BigInt(f.hash) })),
    })),
    claims: rows.claims as unknown as Snapshot['claims'],
    suggestions: rows.suggestions as unknown as Snapshot['suggestions'],
    links: rows.links as unknown as Snapshot['links'],
    proposals: rows.proposals as unknown as Snapshot['proposals'],
    stories: rows.stories.map((s) => ({
      ...(s as unknown as Snapshot['stories'][number]),
      articles: rows.storyArticles.filter((m) => m.storyId === s.id),
      claims: rows.storyClaims.filter((m) => m.storyId === s.id),
    })),
    emails,
  }
}

test('export → JSON → rows → stored → export gives the same document', () => {
  const first = toFullExport(snapshot, new Date('2026-01-01T00:00:00Z'))
  const parsed = claimlineExport.parse(JSON.parse(JSON.stringify(first)))
  const userIds = new Map([['editor@example.org', ids.editor]])
  const again = toFullExport(asStored(toImportRows(parsed, userIds), snapshot.emails), new Date('2026-01-01T00:00:00Z'))
  expect(again).toEqual(first)
})

test('the document is in id order, with bigints as decimal strings, bytes as base64 and people as emails', () => {
  const doc = toFullExport(snapshot, T1)
  expect(doc).toMatchObject({ format: 'claimline-export', version: 1, exportedAt: T1.toISOString() })
  expect(doc.articles.map((a) => a.id)).toEqual([ids.article, ids.copy])
  expect(doc.entities.map((e) => e.id)).toEqual([ids.acme, ids.roe])
  expect(doc.articles[0]?.fingerprints).toEqual(['-9223372036854775808', '42', '9223372036854775807'])
  expect(Buffer.from(doc.articles[0]?.rawSource ?? '', 'base64')).toEqual(Buffer.from(snapshot.articles[1]?.rawSource ?? []))
  expect(doc.claims.find((c) => c.id === ids.denial)).toMatchObject({
    claimDate: '2024-03-04',
    createdBy: 'editor@example.org',
    verdict: 'False',
    verdictAt: T1.toISOString(),
    version: 2,
  })
  expect(doc.stories[0]?.articleIds).toEqual([ids.article, ids.copy])
  expect(doc.proposals).toEqual([
    expect.objectContaining({ id: ids.proposal, status: 'rejected', decidedBy: 'editor@example.org', decidedAt: T1.toISOString() }),
  ])
  expect(referencedEmails(doc)).toEqual(['editor@example.org'])
  expect(importCounts(doc, new Map())).toMatchObject({ articles: 2, claims: 2, proposals: 1, unknownPeople: ['editor@example.org'] })
  expect(JSON.stringify(doc)).not.toContain('passwordHash')
})

test('an account that does not exist on import leaves the person unknown, not a broken reference', () => {
  const rows = toImportRows(toFullExport(snapshot, T1), new Map())
  expect(rows.claims.map((c) => c.createdById)).toEqual([null, null])
  expect(rows.articles.map((a) => a.ingestedById)).toEqual([null, null])
})

test('references to rows the export does not hold are listed in words', () => {
  const doc = toFullExport(snapshot, T1)
  expect(findBrokenReferences(doc)).toEqual([])
  const broken = { ...doc, articles: doc.articles.filter((a) => a.id !== ids.article) }
  expect(findBrokenReferences(broken)).toEqual([
    `article ${ids.copy} (duplicate of) names ${ids.article}, which is not in the export`,
    `claim ${ids.denial} (article) names ${ids.article}, which is not in the export`,
    `claim ${ids.report} (article) names ${ids.article}, which is not in the export`,
    `suggestion ${ids.suggestion} (article) names ${ids.article}, which is not in the export`,
    `story ${ids.story} names ${ids.article}, which is not in the export`,
  ])
})

test('an export made before proposed links were exported reads as having none', () => {
  const { proposals, ...older } = JSON.parse(JSON.stringify(toFullExport(snapshot, T1)))
  expect(proposals).toHaveLength(1)
  expect(claimlineExport.parse(older).proposals).toEqual([])
})

test('another version, a wrong kind or a bad date does not parse', () => {
  const doc = JSON.parse(JSON.stringify(toFullExport(snapshot, T1)))
  expect(claimlineExport.safeParse({ ...doc, version: 2 }).error?.issues[0]?.message).toMatch(/version 1/)
  expect(claimlineExport.safeParse({ ...doc, claims: [{ ...doc.claims[0], kind: 'rumour' }] }).success).toBe(false)
  expect(claimlineExport.safeParse({ ...doc, outlets: [{ ...doc.outlets[0], createdAt: 'yesterday' }] }).success).toBe(false)
})
