import { getDb } from '../db'
import { Prisma, type ClaimKind } from '../generated/prisma/client'
import type { DbClient } from './client'

// What the matcher needs to know of a claim: its words, kind, company (with the names it goes
// by) and where its cluster stands.
export async function getClaimToMatch(id: string, client: DbClient = getDb()) {
  return client.claim.findUnique({
    where: { id },
    select: {
      id: true,
      articleId: true,
      kind: true,
      quote: true,
      claimDate: true,
      subjectId: true,
      clusterId: true,
      clusterBy: true,
      subject: { select: { name: true, aliases: true } },
    },
  })
}

export type ClaimToMatch = NonNullable<Awaited<ReturnType<typeof getClaimToMatch>>>

export type MatchCandidate = {
  id: string
  articleId: string
  kind: ClaimKind
  quote: string
  claimDate: Date | null
  clusterId: string | null
  // The candidate's cluster already holds a claim of the new claim's article.
  clusterHasArticle: boolean
}

// Claims about the same company, of the given kinds, that share at least one word with the
// claim (its own search vector, any lexeme), best-ranked first: the few the matcher then
// compares closely. Other articles' only, unless `sameArticle` (a lede and the paragraph that
// details it state one allegation). Through the GIN index on Claim.quoteSearch, not a scan of
// the company's claims.
export async function findMatchCandidates(
  claim: { id: string; articleId: string; subjectId: string },
  kinds: ClaimKind[],
  options: { limit: number; notAfter?: Date | null; notBefore?: Date | null; sameArticle?: boolean },
  client: DbClient = getDb(),
): Promise<MatchCandidate[]> {
  const dateCondition = Prisma.join(
    [
      options.notAfter ? Prisma.sql`AND (c."claimDate" IS NULL OR c."claimDate" <= ${options.notAfter})` : Prisma.empty,
      options.notBefore ? Prisma.sql`AND (c."claimDate" IS NULL OR c."claimDate" >= ${options.notBefore})` : Prisma.empty,
    ],
    ' ',
  )
  return client.$queryRaw<MatchCandidate[]>`
    WITH me AS (
      -- Lexemes with a quote or a backslash are left out rather than escaped for tsquery's syntax.
      SELECT array_to_string(ARRAY(SELECT '''' || l || '''' FROM unnest(tsvector_to_array("quoteSearch")) l WHERE l !~ '[''\\\\]'), ' | ') AS words
      FROM "Claim" WHERE id = ${claim.id}::uuid
    ), q AS (SELECT words::tsquery AS query FROM me WHERE words <> '')
    SELECT c.id, c."articleId", c.kind, c.quote, c."claimDate", c."clusterId",
      (c."clusterId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Claim" x WHERE x."clusterId" = c."clusterId" AND x."articleId" = ${claim.articleId}::uuid)) AS "clusterHasArticle"
    FROM "Claim" c, q
    WHERE c."subjectId" = ${claim.subjectId}::uuid
      AND c.id <> ${claim.id}::uuid
      ${options.sameArticle ? Prisma.empty : Prisma.sql`AND c."articleId" <> ${claim.articleId}::uuid`}
      AND c.kind::text IN (${Prisma.join(kinds)})
      AND c."quoteSearch" @@ q.query
      ${dateCondition}
    ORDER BY ts_rank(c."quoteSearch", q.query) DESC, c.id
    LIMIT ${options.limit}`
}

export async function createCluster(client: DbClient = getDb()): Promise<string> {
  return (await client.claimCluster.create({ data: {}, select: { id: true } })).id
}

export async function setClaimCluster(claimIds: string[], clusterId: string, by: 'matcher' | 'editor', client: DbClient = getDb()): Promise<void> {
  await client.claim.updateMany({ where: { id: { in: claimIds } }, data: { clusterId, clusterBy: by } })
}

// Clusters nobody is in any more are removed.
export async function deleteEmptyClusters(clusterIds: string[], client: DbClient = getDb()): Promise<void> {
  if (clusterIds.length === 0) return
  await client.claimCluster.deleteMany({ where: { id: { in: clusterIds }, claims: { none: {} } } })
}

export async function listClusterMembers(clusterId: string, client: DbClient = getDb()) {
  return client.claim.findMany({ where: { clusterId }, select: { id: true, articleId: true, clusterBy: true } })
}

// The other claims of a claim's cluster, as its card lists them.
export async function listClusterCopies(claimIds: string[], client: DbClient = getDb()) {
  if (claimIds.length === 0) return []
  const rows = await client.claim.findMany({ where: { id: { in: claimIds }, clusterId: { not: null } }, select: { id: true, clusterId: true } })
  const clusterIds = [...new Set(rows.flatMap((r) => (r.clusterId ? [r.clusterId] : [])))]
  if (clusterIds.length === 0) return []
  const members = await client.claim.findMany({
    where: { clusterId: { in: clusterIds } },
    orderBy: [{ claimDate: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    select: {
      id: true,
      clusterId: true,
      quote: true,
      claimDate: true,
      clusterBy: true,
      article: { select: { id: true, title: true, outlet: { select: { name: true } } } },
    },
  })
  return rows.map((r) => ({ claimId: r.id, copies: members.filter((m) => m.clusterId === r.clusterId && m.id !== r.id) }))
}
