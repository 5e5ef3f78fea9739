// Full-text search of the coverage: article titles, standfirsts and bodies (Article.textSearch,
// Article.titleSearch) and claim quotes (Claim.quoteSearch), with PostgreSQL's own text search,
// the same on PGlite and PostgreSQL: websearch_to_tsquery for the words as typed, the GIN
// indexes to find matches, ts_rank to order them, ts_headline for the snippets.
//
// Ranking reads each candidate's whole-text vector (kilobytes, stored out of line), so a search
// ranks a bounded set: the most recent RECENT_ARTICLES matching articles, the most recent
// TITLE_ARTICLES whose title matches (so that a story about the words is not lost behind newer
// passing mentions), and the matching claims in them. With fewer matches than that every match
// is ranked; with more, `capped` says that older ones were left out (narrowing the words reaches
// them). The most recent matches are found without reading the others: by walking the date index
// when many articles match, through the GIN index when few do (the planner's choice, from its
// statistics of the words; bench/search.ts measures both). Short statements (the ranked
// candidates, then the page's articles and claims with their snippets) rather than one long
// one: planning a long statement took longer on the embedded database than running these.
import { z } from 'zod'
import { getDb } from '../db'
import { Prisma, type ClaimKind } from '../generated/prisma/client'
import type { DbClient } from './client'

export const RECENT_ARTICLES = 40
export const TITLE_ARTICLES = 20

// ts_rank's weights for {D, C, B, A}: title (A) above standfirst (B) above body (C). ts_rank
// counts a word's first occurrence fully and each repeat less and less, so a title match stays
// above a body that repeats the word; a claim's quote (all D, counted as QUOTE_WEIGHT) ranks
// between an article about the words and one that only mentions them.
const ARTICLE_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}'
const QUOTE_WEIGHT = 0.6

// Snippets are cut from one paragraph: the first that holds the whole query, else the first
// that holds any of its words. Parsing text is what a snippet costs (about a millisecond per
// 1,000 characters on the embedded database), so only the first SNIPPET_SCAN_CHARS of a body
// are searched for that paragraph; a match further into a long read gets the standfirst.
const SNIPPET_SCAN_CHARS = 20_000
// A short passage (a quote, most paragraphs) is shown whole; a longer one is cut to about 40
// words around the best match.
export const SEARCH_TYPES = ['article', 'claim'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

// ts_headline marks the matched words with these two control characters (StartSel/StopSel),
// which never occur in stored text (unmarked() strips them from its input first);
// lib/search/snippet.ts reads them back.
export const MATCH_START = '\u0001'
export const MATCH_STOP = '\u0002'

const WHOLE_UP_TO_CHARS = 400
const HEADLINE_WHOLE = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, HighlightAll=true`
const HEADLINE_EXCERPT = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxWords=40, MinWords=20, ShortWord=3, MaxFragments=1`
// ts_headline prints what its parser takes for an HTML tag ("<b>", "<script>") as a space, so an
// article quoting markup would lose those words from its snippet. Angle brackets are swapped for
// two private-use characters while it works, and back afterwards.
const ANGLES = '<>'
const ANGLE_STAND_INS = '\uE000\uE001'

// The words as typed, as lib/search/query.ts reads them: `anyWords` the same words any of which
// may match (null when none is wanted), `excludes` whether some word must not occur.
export type SearchFilter = { text: string; anyWords: string | null; excludes: boolean; type: SearchType | null }

export type SearchHit = {
  type: SearchType
  id: string
  articleId: string
  title: string
  outlet: string | null
  publishedAt: Date | null
  publishedOffset: string | null
  // ts_headline's excerpt with the matched words between MATCH_START and MATCH_STOP
  // (lib/search/snippet.ts parses it).
  marked: string
  // Whether the excerpt starts / ends inside its paragraph or quote.
  cutBefore: boolean
  cutAfter: boolean
  // For an article: the index of the paragraph the excerpt is from (the page's #p-<n>); null
  // when it is from the standfirst, or the words were not in the part of the text searched.
  paragraph: number | null
  claim: { kind: ClaimKind; claimDate: Date | null; speaker: { id: string; name: string } | null } | null
}

type Candidate = { type: SearchType; id: string; at: Date | null; rank: number; capped: boolean }

const tsquery = (text: string) => Prisma.sql`websearch_to_tsquery('english'::regconfig, ${text})`
// An empty or stop-words-only query matches nothing; said to the planner as a constant, so that
// it never walks a whole index looking for rows an empty query cannot match.
const nonEmpty = (query: Prisma.Sql) => Prisma.sql`numnode(${query}) > 0`

// The candidates of one search, ranked: the most recent matching articles and those whose title
// matches, and the matching claims in them (a claim's quote is words of its article, so its
// article matches too; looking for claims among a bounded set of articles, through the index on
// Claim.articleId, never depends on how many claims in the whole archive hold the words). A title
// that matches is the article's text matching, unless the query excludes a word ("-word") that
// the rest of the text holds: only then is the whole text read as well.
async function rankedCandidates(
  query: Prisma.Sql,
  options: { excludes: boolean; type: SearchType | null; selective: boolean },
  client: DbClient,
): Promise<Candidate[]> {
  const kinds: Prisma.Sql[] = []
  if (options.type !== 'claim')
    kinds.push(Prisma.sql`
      SELECT 'article' AS type, a.id, a."publishedAt" AS at, ts_rank(${ARTICLE_WEIGHTS}::float4[], a."textSearch", ${query}) AS rank
      FROM "Article" a WHERE a.id IN (SELECT id FROM picked)`)
  if (options.type !== 'article')
    kinds.push(Prisma.sql`
      SELECT 'claim' AS type, c.id, c."claimDate"::timestamptz AS at, ${QUOTE_WEIGHT}::float4 * ts_rank('{1, 1, 1, 1}'::float4[], c."quoteSearch", ${query}) AS rank
      FROM "Claim" c WHERE c."articleId" IN (SELECT id FROM picked) AND c."quoteSearch" @@ ${query} AND c.status = 'active'`)
  return client.$queryRaw<Candidate[]>`
    WITH titled AS (
      SELECT t.id FROM "Article" t
      WHERE t."titleSearch" @@ ${query} AND ${nonEmpty(query)} ${options.excludes ? Prisma.sql`AND t."textSearch" @@ ${query}` : Prisma.empty}
      ORDER BY t."publishedAt" DESC, t.id DESC LIMIT ${TITLE_ARTICLES + 1}
    ), recent AS (
      SELECT r.id FROM "Article" r
      WHERE r."textSearch" @@ ${query} AND ${nonEmpty(query)}
      ORDER BY ${options.selective ? Prisma.sql`r."publishedAt" + interval '0 seconds'` : Prisma.sql`r."publishedAt"`} DESC, r.id DESC LIMIT ${RECENT_ARTICLES + 1}
    ), picked AS MATERIALIZED (
      SELECT id FROM titled UNION SELECT id FROM recent
    )
    SELECT k.*, (SELECT count(*) FROM titled) > ${TITLE_ARTICLES} OR (SELECT count(*) FROM recent) > ${RECENT_ARTICLES} AS capped
    FROM (${Prisma.join(kinds, ' UNION ALL ')}) k`
}

// The planner walks the date index, newest first, whenever it expects to reach the LIMIT soon,
// but it does not count that each article walked past costs reading its whole-text vector
// (kilobytes, stored out of line): with a few percent of articles matching, the walk reads
// thousands of vectors where the GIN index would visit the matches alone. So it is asked first
// what share of the articles it expects to match; below WALK_SHARE the query orders by an
// expression no index has, which leaves it the GIN index (bench/search.ts: "either of two
// names", "exclusion").
const WALK_SHARE = 0.04
const planRows = z.object({ 'Plan Rows': z.number() })
const appendPlan = z.tuple([z.object({ Plan: z.object({ Plans: z.tuple([planRows, planRows]) }) })])

async function isSelective(query: Prisma.Sql, client: DbClient): Promise<boolean> {
  const [row] = await client.$queryRaw<{ 'QUERY PLAN': unknown }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Article" WHERE "textSearch" @@ ${query} UNION ALL SELECT 1 FROM "Article"`
  const raw = row?.['QUERY PLAN']
  const parsed = appendPlan.safeParse(typeof raw === 'string' ? JSON.parse(raw) : raw)
  if (!parsed.success) return false
  const [matching, all] = parsed.data[0].Plan.Plans
  return all['Plan Rows'] > 0 && matching['Plan Rows'] / all['Plan Rows'] < WALK_SHARE
}

function byRelevance(a: Candidate, b: Candidate): number {
  if (a.rank !== b.rank) return b.rank - a.rank
  const at = (b.at?.getTime() ?? -Infinity) - (a.at?.getTime() ?? -Infinity)
  if (at !== 0 && !Number.isNaN(at)) return at
  return a.type === b.type ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.type < b.type ? -1 : 1
}

type DetailRow = {
  id: string
  articleId: string
  title: string
  outlet: string | null
  publishedAt: Date | null
  publishedOffset: string | null
  kind: ClaimKind | null
  claimDate: Date | null
  speakerId: string | null
  speakerName: string | null
  paragraph: number | bigint | null
  marked: string
  cutBefore: boolean
  cutAfter: boolean
}

// Marker characters in the text itself would read as highlights: they are taken out first.
const unmarked = (text: Prisma.Sql) => Prisma.sql`translate(${text}, ${MATCH_START + MATCH_STOP}, '')`

// Titles, sources and snippets for one page of results.
async function pageDetails(page: Candidate[], query: Prisma.Sql, anyQuery: Prisma.Sql | null, client: DbClient): Promise<Map<string, DetailRow>> {
  const articleIds = page.filter((c) => c.type === 'article').map((c) => c.id)
  const claimIds = page.filter((c) => c.type === 'claim').map((c) => c.id)
  const scan = unmarked(Prisma.sql`left(a."bodyText", ${SNIPPET_SCAN_CHARS})`)
  const opening = unmarked(Prisma.sql`coalesce(a.standfirst, split_part(a."bodyText", E'\n\n', 1))`)
  const [articles, claims] = await Promise.all([
    articleIds.length === 0
      ? []
      : client.$queryRaw<DetailRow[]>`
      SELECT a.id, a.id AS "articleId", a.title, o.name AS outlet, a."publishedAt", a."publishedOffset", NULL AS kind, NULL::date AS "claimDate", NULL::uuid AS "speakerId", NULL AS "speakerName",
             coalesce(hit.n, near.n) - 1 AS paragraph, s.marked, s."cutBefore", s."cutAfter"
      FROM "Article" a
      LEFT JOIN "Outlet" o ON o.id = a."outletId"
      LEFT JOIN LATERAL (
        SELECT t.n, t.text FROM string_to_table(${scan}, E'\n\n') WITH ORDINALITY AS t(text, n)
        WHERE to_tsvector('english'::regconfig, t.text) @@ ${query} LIMIT 1
      ) hit ON true
      LEFT JOIN LATERAL (
        SELECT t.n, t.text FROM string_to_table(${scan}, E'\n\n') WITH ORDINALITY AS t(text, n)
        WHERE hit.n IS NULL AND ${anyQuery ? Prisma.sql`to_tsvector('english'::regconfig, t.text) @@ ${anyQuery}` : Prisma.sql`false`} LIMIT 1
      ) near ON true
      CROSS JOIN LATERAL (${snippet(Prisma.sql`coalesce(hit.text, near.text, ${opening})`, query)}) s
      WHERE a.id IN (${Prisma.join(articleIds.map((id) => Prisma.sql`${id}::uuid`))})`,
    claimIds.length === 0
      ? []
      : client.$queryRaw<DetailRow[]>`
      SELECT c.id, c."articleId", a.title, o.name AS outlet, a."publishedAt", a."publishedOffset", c.kind, c."claimDate", sp.id AS "speakerId", sp.name AS "speakerName",
             NULL::int AS paragraph, s.marked, s."cutBefore", s."cutAfter"
      FROM "Claim" c
      JOIN "Article" a ON a.id = c."articleId"
      LEFT JOIN "Outlet" o ON o.id = a."outletId"
      LEFT JOIN "Entity" sp ON sp.id = c."speakerId"
      CROSS JOIN LATERAL (${snippet(unmarked(Prisma.sql`c.quote`), query)}) s
      WHERE c.id IN (${Prisma.join(claimIds.map((id) => Prisma.sql`${id}::uuid`))})`,
  ])
  return new Map([...articles, ...claims].map((row) => [row.id, row]))
}

// ts_headline's excerpt of `source`, and whether it starts or ends inside it (for the ellipses).
function snippet(source: Prisma.Sql, query: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT translate(h.marked, ${ANGLE_STAND_INS}, ${ANGLES}) AS marked,
           cut.at > 1 AS "cutBefore", cut.at > 0 AND cut.at - 1 + length(cut.plain) < length(src.text) AS "cutAfter"
    FROM (SELECT translate(${source}, ${ANGLES + ANGLE_STAND_INS}, ${ANGLE_STAND_INS}) AS text) src
    CROSS JOIN LATERAL (
      SELECT ts_headline('english'::regconfig, src.text, ${query}, CASE WHEN length(src.text) <= ${WHOLE_UP_TO_CHARS} THEN ${HEADLINE_WHOLE} ELSE ${HEADLINE_EXCERPT} END) AS marked
    ) h
    CROSS JOIN LATERAL (SELECT p.plain, strpos(src.text, p.plain) AS at FROM (SELECT ${unmarked(Prisma.sql`h.marked`)} AS plain) p) cut`
}

// One page of results, best first, and whether older matches were left unranked; `offset`
// counts into the ranked list, and `take` results at most are returned (the caller asks for
// one more than it shows, to know whether a next page exists).
export async function searchCoverage(
  filter: SearchFilter,
  page: { offset: number; take: number },
  client: DbClient = getDb(),
): Promise<{ hits: SearchHit[]; capped: boolean }> {
  const query = tsquery(filter.text)
  const selective = await isSelective(query, client)
  const ranked = (await rankedCandidates(query, { excludes: filter.excludes, type: filter.type, selective }, client)).sort(byRelevance)
  const shown = ranked.slice(page.offset, page.offset + page.take)
  const details =
    shown.length === 0 ? new Map<string, DetailRow>() : await pageDetails(shown, query, filter.anyWords === null ? null : tsquery(filter.anyWords), client)
  const hits = shown.flatMap((candidate) => {
    const row = details.get(candidate.id)
    return row ? [toHit(candidate.type, row)] : []
  })
  return { hits, capped: ranked.some((c) => c.capped) }
}

function toHit(type: SearchType, row: DetailRow): SearchHit {
  return {
    type,
    id: row.id,
    articleId: row.articleId,
    title: row.title,
    outlet: row.outlet,
    publishedAt: row.publishedAt,
    publishedOffset: row.publishedOffset,
    marked: row.marked,
    cutBefore: row.cutBefore,
    cutAfter: row.cutAfter,
    paragraph: row.paragraph === null ? null : Number(row.paragraph),
    claim:
      type === 'claim' && row.kind
        ? { kind: row.kind, claimDate: row.claimDate, speaker: row.speakerId && row.speakerName ? { id: row.speakerId, name: row.speakerName } : null }
        : null,
  }
}
