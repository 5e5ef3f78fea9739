// Demo data for a new install: the two seed articles (Reuters and iTnews on Microsoft and
// the 2013 PRISM reports) with the claims and link an editor labelled in seeds.gold.json.
// The article bodies are cut at the labelled first and last sentences, so the demo shows
// exactly what an editor approved; the extractor (lib/ingest) is measured against the same labels.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { z } from 'zod'
import { describeRange } from '../anchoring/selectors'
import { getDb } from '../db'
import type { EntityKind, PrismaClient } from '../generated/prisma/client'
import { joinParagraphs, normalizeForComparison, normalizeParagraph, NORMALIZATION_VERSION } from '../ingest/normalize'
import { createArticle, countArticles } from '../queries/articles'
import { recordAuditEvent } from '../queries/audit'
import { createClaim, createClaimLink } from '../queries/claims'
import type { DbClient } from '../queries/client'
import { findOrCreateEntity } from '../queries/entities'
import { findOrCreateOutlet } from '../queries/outlets'

export const DEMO_DIR = path.join(process.cwd(), 'prisma', 'demo')
const DEMO_ACTION = 'demo.load'

const goldClaim = z.object({
  kind: z.enum(['statement', 'denial', 'allegation', 'report', 'other']),
  speaker: z.string(),
  subject: z.string(),
  exact: z.string(),
  claim_date: z.string().optional(),
})

const goldArticle = z.object({
  file: z.string(),
  metadata: z.object({
    title: z.string(),
    publisher: z.string(),
    byline: z.string().nullable(),
    dateline: z.string().nullable(),
    published: z.string().nullable(),
    standfirst: z.string().nullable(),
  }),
  body: z.object({ first: z.string(), last: z.string() }),
  not_body: z.array(z.string()).default([]),
  claims: z.array(goldClaim),
  links: z.array(z.object({ from_exact: z.string(), relation: z.enum(['denies', 'answers']), to_exact: z.string() })),
  editor: z.object({ published: z.string().nullable().optional() }).optional(),
})

export const goldFile = z.object({ articles: z.array(goldArticle) })
export type GoldArticle = z.infer<typeof goldArticle>

export function readGold(dir: string = DEMO_DIR) {
  return goldFile.parse(JSON.parse(readFileSync(path.join(dir, 'seeds.gold.json'), 'utf8')))
}

// Who the labels' speakers are as entities. "leaked documents" are a channel, not a speaker.
const ENTITIES: { kind: EntityKind; name: string; aliases: string[]; affiliation?: string }[] = [
  { kind: 'company', name: 'Microsoft', aliases: ['Microsoft Corp', 'Microsoft Corporation'] },
  { kind: 'outlet', name: 'The Washington Post', aliases: ['Washington Post', 'the Post'] },
  { kind: 'person', name: 'Brad Smith', aliases: ['Smith'], affiliation: 'Microsoft' },
  { kind: 'person', name: 'Edward Snowden', aliases: ['Snowden'] },
  { kind: 'programme', name: 'PRISM', aliases: ['PEISM'] },
]
const SPEAKERS: Record<string, { entity: string | null; channel: string | null }> = {
  Microsoft: { entity: 'Microsoft', channel: null },
  'The Washington Post': { entity: 'The Washington Post', channel: null },
  'Brad Smith': { entity: 'Brad Smith', channel: null },
  'leaked documents provided by Edward Snowden': { entity: 'Edward Snowden', channel: 'leaked documents' },
  'leaked documents': { entity: null, channel: 'leaked documents' },
}
const OUTLET_DOMAINS: Record<string, string> = { Reuters: 'reuters.com', iTnews: 'itnews.com.au' }

export type DemoArticle = {
  file: string
  title: string
  standfirst: string | null
  bylines: string[]
  dateline: string | null
  publishedAt: Date | null
  publishedOffset: string | null
  publishedSource: 'dateline' | 'editor' | null
  outlet: string
  bodyText: string
  raw: string
}

// The body is the run of paragraphs from the labelled first sentence to the labelled last one.
export function cutBody(raw: string, first: string, last: string): string {
  const paragraphs = raw.split(/\r?\n/).map(normalizeParagraph).filter((p) => p.length > 0)
  const start = paragraphs.findIndex((p) => p.startsWith(normalizeForComparison(first)))
  const end = paragraphs.findIndex((p, i) => i >= start && p.endsWith(normalizeForComparison(last)))
  if (start < 0 || end < 0) throw new Error('The labelled body boundaries are not in the text')
  return joinParagraphs(paragraphs.slice(start, end + 1))
}

function offsetOf(iso: string): string | null {
  return /([+-]\d\d:\d\d|Z)$/.exec(iso)?.[1] ?? null
}

export function demoArticle(gold: GoldArticle, dir: string = DEMO_DIR): DemoArticle {
  const raw = readFileSync(path.join(dir, gold.file), 'utf8')
  const labelled = gold.metadata.published
  const supplied = gold.editor?.published ?? null
  const published = labelled ?? supplied
  return {
    file: gold.file,
    title: gold.metadata.title,
    standfirst: gold.metadata.standfirst,
    bylines: gold.metadata.byline ? [gold.metadata.byline] : [],
    dateline: gold.metadata.dateline,
    publishedAt: published ? new Date(published) : null,
    // A date without a time (as an editor supplied for iTnews) has no offset: shown as a date only.
    publishedOffset: labelled ? offsetOf(labelled) : null,
    publishedSource: labelled ? 'dateline' : supplied ? 'editor' : null,
    outlet: gold.metadata.publisher,
    bodyText: cutBody(raw, gold.body.first, gold.body.last),
    raw,
  }
}

// The calendar day of the article in its own time zone, which is when its claims were made
// unless the labels say otherwise.
function localDay(date: Date, offset: string | null): string {
  const match = offset ? /^([+-])(\d\d):(\d\d)$/.exec(offset) : null
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
  return new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 10)
}

function locate(bodyText: string, exact: string): [number, number] {
  const needle = normalizeParagraph(exact)
  const start = bodyText.indexOf(needle)
  if (start < 0) throw new Error(`Demo claim not found in its article: "${needle.slice(0, 60)}…"`)
  return [start, start + needle.length]
}

async function loadArticle(gold: GoldArticle, entityIds: Map<string, string>, tx: DbClient): Promise<void> {
  const demo = demoArticle(gold)
  const outlet = await findOrCreateOutlet(demo.outlet, OUTLET_DOMAINS[demo.outlet] ?? null, tx)
  const article = await createArticle(
    {
      title: demo.title,
      standfirst: demo.standfirst,
      bylines: demo.bylines,
      dateline: demo.dateline,
      publishedAt: demo.publishedAt,
      publishedOffset: demo.publishedOffset,
      publishedSource: demo.publishedSource,
      publishedConfidence: demo.publishedAt ? 1 : null,
      language: 'en',
      bodyText: demo.bodyText,
      bodyHash: createHash('sha256').update(demo.bodyText).digest('hex'),
      extractorVersion: `labelled/${NORMALIZATION_VERSION}`,
      rawSource: gzipSync(demo.raw),
      rawMediaType: 'text/plain; charset=utf-8',
      rawSourceName: demo.file,
      outletId: outlet.id,
    },
    tx,
  )
  const articleDay = demo.publishedAt ? localDay(demo.publishedAt, demo.publishedOffset) : null
  const claimIds = new Map<string, string>()
  for (const claim of gold.claims) {
    const [start, end] = locate(article.bodyText, claim.exact)
    const speaker = SPEAKERS[claim.speaker] ?? { entity: null, channel: null }
    const day = claim.claim_date ?? articleDay
    const created = await createClaim(
      {
        articleId: article.id,
        kind: claim.kind,
        target: describeRange(article.bodyText, start, end),
        quote: article.bodyText.slice(start, end),
        speakerId: speaker.entity ? (entityIds.get(speaker.entity) ?? null) : null,
        subjectId: entityIds.get(claim.subject) ?? null,
        channel: speaker.channel,
        claimDate: day ? new Date(`${day}T00:00:00Z`) : null,
      },
      tx,
    )
    claimIds.set(normalizeParagraph(claim.exact), created.id)
  }
  for (const link of gold.links) {
    const fromId = claimIds.get(normalizeParagraph(link.from_exact))
    const toId = claimIds.get(normalizeParagraph(link.to_exact))
    if (!fromId || !toId) throw new Error('A demo link names a claim that is not labelled')
    await createClaimLink({ fromId, toId, relation: link.relation }, tx)
  }
}

export type DemoResult = { loaded: boolean; articles: number }

// Loads the demo once per database: never into a database that already has articles, and
// never again after it was loaded once (even if an editor has since deleted the articles).
export async function loadDemoData(prisma: PrismaClient = getDb()): Promise<DemoResult> {
  const gold = readGold()
  return prisma.$transaction(async (tx) => {
    const already = await tx.auditEvent.count({ where: { action: DEMO_ACTION } })
    if (already > 0 || (await countArticles(tx)) > 0) return { loaded: false, articles: 0 }
    const entityIds = new Map<string, string>()
    for (const entity of ENTITIES) {
      const affiliationId = entity.affiliation ? (entityIds.get(entity.affiliation) ?? null) : null
      const row = await findOrCreateEntity({ ...entity, affiliationId }, tx)
      entityIds.set(entity.name, row.id)
    }
    for (const article of gold.articles) await loadArticle(article, entityIds, tx)
    await recordAuditEvent(
      { actorId: null, action: DEMO_ACTION, objectType: 'database', objectId: 'demo', after: { articles: gold.articles.length } },
      tx,
    )
    return { loaded: true, articles: gold.articles.length }
  })
}
