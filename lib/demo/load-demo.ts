// Demo data for a new install: the two seed articles (Reuters and iTnews on Microsoft and
// the 2013 PRISM reports), ingested as an editor would paste them, with the claims and the
// link an editor labelled in seeds.gold.json.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { describeRange } from '../anchoring/selectors'
import { getDb } from '../db'
import type { EntityKind, PrismaClient } from '../generated/prisma/client'
import { storeDraft } from '../ingest/store/ingest'
import { updateClaimMap } from '../claims/claim-map'
import { normalizeParagraph } from '../text/normalize'
import { countArticles, getArticleBody } from '../queries/articles'
import { recordAuditEvent } from '../queries/audit'
import { createClaimLink, insertClaimRow } from '../queries/claims'
import type { DbClient } from '../queries/client'
import { findOrCreateEntity } from '../queries/entities'
import { articleDay } from '../dates/format'

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
  links: z.array(z.object({ from_exact: z.string(), relation: z.enum(['denies', 'responds_to']), to_exact: z.string() })),
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

function locate(bodyText: string, exact: string): [number, number] {
  const needle = normalizeParagraph(exact)
  const start = bodyText.indexOf(needle)
  if (start < 0) throw new Error(`Demo claim not found in its article: "${needle.slice(0, 60)}…"`)
  return [start, start + needle.length]
}

async function loadArticle(gold: GoldArticle, entityIds: Map<string, string>, tx: DbClient): Promise<string> {
  // The seed goes through ingestion like any pasted article, with what an editor supplied
  // where the copied text lacks it (iTnews's site name and date).
  const result = await storeDraft(
    { bytes: readFileSync(path.join(DEMO_DIR, gold.file)), name: gold.file },
    { actorId: null, fixes: { publisher: gold.metadata.publisher, publishedAt: gold.editor?.published ?? undefined } },
    tx,
  )
  if (result.status !== 'created') throw new Error(`Demo article ${gold.file} was not stored: ${JSON.stringify(result)}`)
  const article = await getArticleBody(result.article.id, tx)
  const day0 = articleDay(article.publishedAt, article.publishedOffset)
  const claimIds = new Map<string, string>()
  for (const claim of gold.claims) {
    const [start, end] = locate(article.bodyText, claim.exact)
    const speaker = SPEAKERS[claim.speaker] ?? { entity: null, channel: null }
    const day = claim.claim_date ?? day0
    const created = await insertClaimRow(
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
  return article.id
}

export type DemoResult = { loaded: boolean; articles: number }

// Loads the demo once per database: never into a database that already has articles, and
// never again after it was loaded once (even if an editor has since deleted the articles).
// `progress` hears a line before the load starts and after each article (seconds on the
// embedded database), and nothing when there is nothing to load.
export async function loadDemoData(prisma: PrismaClient = getDb(), { progress }: { progress?: (line: string) => void } = {}): Promise<DemoResult> {
  const gold = readGold()
  const loaded = await prisma.$transaction(async (tx) => {
    const already = await tx.auditEvent.count({ where: { action: DEMO_ACTION } })
    if (already > 0 || (await countArticles({}, tx)) > 0) return []
    progress?.(`Loading ${gold.articles.length} demo articles…`)
    const entityIds = new Map<string, string>()
    for (const entity of ENTITIES) {
      const affiliationId = entity.affiliation ? (entityIds.get(entity.affiliation) ?? null) : null
      const row = await findOrCreateEntity({ ...entity, affiliationId }, tx)
      entityIds.set(entity.name, row.id)
    }
    const articleIds: string[] = []
    for (const [i, article] of gold.articles.entries()) {
      articleIds.push(await loadArticle(article, entityIds, tx))
      progress?.(`  ${i + 1}/${gold.articles.length} ${article.metadata.title} (${article.claims.length} claims)`)
    }
    // Both seeds are one affair: a story a new user can open as a timeline.
    const story = await tx.story.create({
      data: { name: 'PRISM, 2013', slug: 'prism-2013', description: 'Microsoft and the 2013 reports on the NSA’s PRISM programme' },
    })
    await tx.storyArticle.createMany({ data: articleIds.map((articleId) => ({ storyId: story.id, articleId })) })
    await recordAuditEvent({ actorId: null, action: DEMO_ACTION, objectType: 'database', objectId: 'demo', after: { articles: gold.articles.length } }, tx)
    return articleIds
  })
  // The claim map as an editor's tagging would leave it: clusters across the two articles, and
  // the answers the engine proposes (the labelled links are there already).
  for (const articleId of loaded) {
    const claims = await prisma.claim.findMany({ where: { articleId }, orderBy: { createdAt: 'asc' }, select: { id: true } })
    await updateClaimMap(
      articleId,
      claims.map((c) => c.id),
      prisma,
    )
  }
  return { loaded: loaded.length > 0, articles: loaded.length }
}
