// The JSON API's request and response shapes. Requests reuse the validators the app's forms use
// (lib/claims/input.ts, lib/articles/details.ts, lib/entities/input.ts, lib/stories/input.ts),
// loosened only where JSON differs from a form (null or an absent key instead of ''). The
// OpenAPI document (lib/api/openapi.ts) is generated from exactly these schemas, and each
// handler's response is typed by them, so the document cannot drift from what is sent.
import { z } from 'zod'
import { CLAIM_KIND_VALUES, LINK_RELATION_VALUES } from '../claims/kinds'
import { claimFields, claimLinkInput, claimSelection, claimVerdictFields, claimVersion } from '../claims/input'
import { VERDICT_SUGGESTIONS } from '../claims/verdicts'
import { claimTarget } from '../anchoring/selectors'
import { CLAIM_CSV_HEADER } from '../interop/claims-csv'
import { claimlineExport } from '../interop/full-export'
import type { ImportReport } from '../interop/import'
import { EXPORT_FORMATS } from '../interop/request'
import { SCHEMA_ORG_CONTEXT } from '../interop/schema-org'
import { ANNOTATION_CONTEXT } from '../interop/web-annotation'
import { articlePublishedAt, articleTitle, outletName } from '../articles/details'
import { ENTITY_KIND_VALUES, entityAffiliationId, entityAlias, entityKind, entityName } from '../entities/input'
import { storyDescription, storyName } from '../stories/input'
import { timelineParams } from '../timeline/params'
import { SEARCH_TYPES } from '../queries/search'
import { MAX_URL_LENGTH } from '../urls'

// ---------- shared pieces

const id = z.uuid()
const dateTime = z.iso.datetime()
const day = z.iso.date()
// JSON clients send null, or leave the key out, where a form sends ''.
const orNull = <S extends z.ZodType>(schema: S) => z.union([z.null(), schema])

export const version = claimVersion.shape.version.meta({ description: 'The version you read; the change is refused with 409 if someone saved a newer one.' })

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          'Stable, machine-readable: invalid, bad-json, bad-cursor, bad-request, unsupported-media-type, too-large, unauthenticated, forbidden, cross-origin, not-found, stale, exists, conflict, invalid-reference, invalid-selection, invalid-link, unknown-format, invalid-export, not-empty, internal.',
      }),
      message: z.string().meta({ description: 'For people; may change.' }),
      issues: z
        .array(z.object({ path: z.array(z.union([z.string(), z.number()])), code: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'With code "invalid": what failed validation, where.' }),
      currentVersion: z.number().int().nullable().optional().meta({ description: 'With code "stale": the version now stored.' }),
      existingId: z.uuid().optional().meta({ description: 'With code "exists": the record that already exists.' }),
    }),
  })
  .meta({ id: 'Error' })

const cursor = z.string().max(1000).optional().meta({ description: 'The nextCursor of the previous page; omit for the first page.' })
const limit = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(fallback)
    .meta({ description: `Items per page (1–100, default ${fallback}).` })
const nextCursor = z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null on the last page.' })

export const idParams = z.object({ id })

// ---------- entities

const entityRef = z.object({ id, name: z.string() })

export const entityResponse = z
  .object({ id, kind: z.enum(ENTITY_KIND_VALUES), name: z.string(), aliases: z.array(z.string()), affiliation: entityRef.nullable() })
  .meta({ id: 'Entity' })

export const entityDetailResponse = entityResponse
  .extend({
    createdAt: dateTime,
    updatedAt: dateTime,
    counts: z.object({ spokenClaims: z.number().int(), aboutClaims: z.number().int(), affiliates: z.number().int() }),
  })
  .meta({ id: 'EntityDetail' })

export const entityListQuery = z.object({
  q: z.string().max(200).default('').meta({ description: 'Words of the name or an alias; names that start with them come first.' }),
  kind: entityKind.optional(),
  cursor,
  limit: limit(10),
})

export const entityListResponse = z.object({ entities: z.array(entityResponse), nextCursor }).meta({ id: 'EntityList' })

export const entityCreateBody = z
  .object({
    kind: entityKind,
    name: entityName,
    aliases: z.array(entityAlias).max(100).default([]),
    affiliationId: orNull(entityAffiliationId).optional().meta({ description: 'The entity this one belongs to (Brad Smith → Microsoft).' }),
  })
  .meta({ id: 'EntityCreate' })

export const entityPatchBody = z
  .object({ name: entityName.optional(), aliases: z.array(entityAlias).max(100).optional(), affiliationId: orNull(entityAffiliationId).optional() })
  .meta({ id: 'EntityPatch' })

// ---------- articles

const publishedSource = z.enum(['jsonld', 'meta', 'time', 'dateline', 'url', 'editor'])

export const articleSummaryResponse = z
  .object({
    id,
    title: z.string(),
    bylines: z.array(z.string()),
    publishedAt: dateTime.nullable(),
    publishedOffset: z.string().nullable().meta({ description: 'The UTC offset the date was stated in ("-04:00"); null for a day alone.' }),
    publishedSource: publishedSource.nullable(),
    outlet: entityRef.nullable(),
    claimCount: z.number().int(),
    ingestedAt: dateTime,
    version: z.number().int(),
  })
  .meta({ id: 'ArticleSummary' })

export const articleResponse = articleSummaryResponse
  .extend({
    standfirst: z.string().nullable(),
    dateline: z.string().nullable(),
    language: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    bodyText: z.string().meta({ description: 'The stored, normalised text; claim offsets (start, end) count UTF-16 code units into it.' }),
    extractorVersion: z.string(),
    extractionWarnings: z.array(z.string()),
    duplicateOfId: id.nullable(),
    updatedAt: dateTime,
  })
  .meta({ id: 'Article' })

export const articleListQuery = z.object({
  q: z.string().trim().max(200).optional().meta({ description: 'Words of the title.' }),
  outlet: z.uuid().optional().meta({ description: 'An outlet id.' }),
  from: day.optional().meta({ description: 'Published on or after this day (UTC).' }),
  to: day.optional().meta({ description: 'Published on or before this day (UTC).' }),
  undated: z.enum(['true', 'false']).optional().meta({ description: 'true: only articles whose date an editor must still supply.' }),
  cursor,
  limit: limit(20),
})

export const articleListResponse = z.object({ articles: z.array(articleSummaryResponse), nextCursor }).meta({ id: 'ArticleList' })

export const articlePatchBody = z
  .object({
    version,
    title: articleTitle.optional(),
    publishedAt: orNull(articlePublishedAt)
      .optional()
      .meta({ description: 'YYYY-MM-DD or a date-time with its offset; null or "" clears it. Recorded as the editor’s.' }),
    bylines: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    publisher: orNull(outletName).optional().meta({ description: 'The outlet’s name (created if new); null or "" clears it.' }),
  })
  .meta({ id: 'ArticlePatch' })

export const articlePatchResponse = z
  .object({
    id,
    title: z.string(),
    bylines: z.array(z.string()),
    publishedAt: dateTime.nullable(),
    publishedOffset: z.string().nullable(),
    publishedSource: publishedSource.nullable(),
    outletId: id.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ArticleDetails' })

export const versionQuery = z.object({ version })

// POST /api/articles: ingestion, as the Add-articles page and `claimline ingest --server` send it.
const editorFixes = z
  .object({
    title: z.string().trim().min(1).max(500).optional(),
    publishedAt: z.iso
      .date()
      .or(z.iso.datetime({ offset: true }))
      .optional(),
    bylines: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    publisher: z.string().trim().min(1).max(200).optional(),
  })
  .optional()

const httpUrl = z.url({ protocol: /^https?$/ }).max(MAX_URL_LENGTH)

export const articleIngestBody = z
  .union([
    z.object({ text: z.string().min(1), fixes: editorFixes }).strict(),
    z.object({ html: z.string().min(1), url: httpUrl.optional(), fixes: editorFixes }).strict(),
    z.object({ url: httpUrl, fixes: editorFixes }).strict(),
  ])
  .meta({ id: 'ArticleIngest' })

export type ArticleIngestFixes = z.infer<typeof editorFixes>

const related = z.object({ id, title: z.string() })

export const ingestResponse = z
  .object({
    results: z.array(
      z.union([
        z.object({
          name: z.string(),
          status: z.literal('created'),
          article: related,
          nearDuplicateOf: related.extend({ overlap: z.number() }).nullable(),
          warnings: z.array(z.string()),
        }),
        z.object({ name: z.string(), status: z.literal('updated'), article: related, warnings: z.array(z.string()) }),
        z.object({ name: z.string(), status: z.literal('duplicate'), article: related, reason: z.enum(['same-url', 'same-text']) }),
        z.object({ name: z.string(), status: z.literal('failed'), error: z.object({ code: z.string(), message: z.string() }) }),
      ]),
    ),
    notices: z.array(z.string()).meta({
      description: 'What to know besides the results, e.g. "news.rss: first 500 of 10,000 items taken (the limit per feed is 500; CLAIMLINE_FEED_MAX_ITEMS)."',
    }),
  })
  .meta({ id: 'IngestResults' })

// ---------- claims

const claimEntity = z.object({ id, name: z.string(), kind: z.enum(ENTITY_KIND_VALUES) })

export const claimResponse = z
  .object({
    id,
    articleId: id,
    kind: z.enum(CLAIM_KIND_VALUES),
    quote: z.string(),
    target: claimTarget.meta({ description: 'W3C Web Annotation selectors over the article’s bodyText.' }),
    status: z.enum(['active', 'orphan']).meta({ description: 'orphan: the words could not be found again after the article was re-extracted.' }),
    speaker: claimEntity.nullable(),
    subject: claimEntity.nullable(),
    channel: z.string().nullable(),
    claimDate: day.nullable(),
    note: z.string().nullable(),
    verdict: z.string().nullable().meta({ description: 'An editor’s fact-check rating ("False", "Misleading", …); null when the claim has none.' }),
    verdictNote: z.string().nullable().meta({ description: 'Why the verdict was given; null without one.' }),
    verdictAt: dateTime
      .nullable()
      .meta({ description: 'When the rating was last set (published as the ClaimReview’s date); rewording the note does not move it.' }),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
    article: z.object({ id, title: z.string(), outlet: z.object({ name: z.string() }).nullable() }),
  })
  .meta({ id: 'Claim' })

export const linkResponse = z
  .object({
    id,
    fromId: id,
    toId: id,
    relation: z.enum(LINK_RELATION_VALUES).meta({ description: '"from" denies / responds to / confirms / repeats "to".' }),
    createdAt: dateTime,
  })
  .meta({ id: 'Link' })

export const claimDetailResponse = claimResponse
  .extend({
    linksFrom: z.array(linkResponse).meta({ description: 'Links where this claim answers another.' }),
    linksTo: z.array(linkResponse).meta({ description: 'Links where another claim answers this one.' }),
  })
  .meta({ id: 'ClaimDetail' })

export const claimListQuery = z.object({
  q: z.string().max(200).default('').meta({ description: 'Words of the quote, the speaker, the subject or the article title.' }),
  article: z.uuid().optional(),
  kind: z.array(z.enum(CLAIM_KIND_VALUES)).optional().meta({ description: 'Repeat for several: ?kind=denial&kind=allegation.' }),
  speaker: z.uuid().optional(),
  subject: z.uuid().optional(),
  story: z.uuid().optional(),
  from: day.optional().meta({ description: 'Claim date on or after this day.' }),
  to: day.optional().meta({ description: 'Claim date on or before this day.' }),
  // Lenient, as the link picker always sends it (possibly empty).
  exclude: z.uuid().optional().catch(undefined).meta({ description: 'Leave this claim out (the one being linked).' }),
  cursor,
  limit: limit(20),
})

export const claimListResponse = z.object({ claims: z.array(claimResponse), nextCursor }).meta({ id: 'ClaimList' })

const { kind, speakerId, subjectId, channel, claimDate, note } = claimFields.shape

export const claimCreateBody = claimSelection
  .safeExtend({
    kind,
    speakerId: orNull(speakerId).optional(),
    subjectId: orNull(subjectId).optional(),
    channel: orNull(channel).optional(),
    claimDate: orNull(claimDate).optional().meta({ description: 'YYYY-MM-DD; defaults to the article’s day in its own time zone.' }),
    note: orNull(note).optional(),
  })
  .meta({ id: 'ClaimCreate', description: 'start/end are offsets into the article’s bodyText and exact the words between them, as the client saw them.' })

export const claimPatchBody = z
  .object({
    version,
    kind: kind.optional(),
    speakerId: orNull(speakerId).optional(),
    subjectId: orNull(subjectId).optional(),
    channel: orNull(channel).optional(),
    claimDate: orNull(claimDate).optional(),
    note: orNull(note).optional(),
    verdict: orNull(claimVerdictFields.shape.verdict)
      .optional()
      .meta({
        description: `The fact-check rating, a short text (the article page suggests ${VERDICT_SUGGESTIONS.map((v) => `"${v}"`).join(', ')}); null or "" clears the verdict and its note.`,
      }),
    verdictNote: orNull(claimVerdictFields.shape.verdictNote)
      .optional()
      .meta({ description: 'Why; null or "" clears it. Left out, the stored note stays; a claim without a verdict keeps no note.' }),
  })
  .meta({ id: 'ClaimPatch', description: 'Keys left out are not changed. Details and verdict sent together are saved together, under the one version check.' })

// ---------- links

export const linkCreateBody = claimLinkInput.meta({ id: 'LinkCreate' })

// ---------- stories

export const storyResponse = z
  .object({
    id,
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    articleCount: z.number().int(),
    claimCount: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'Story' })

export const storyDetailResponse = storyResponse
  .extend({
    articles: z.array(z.object({ id, title: z.string() })),
    claims: z.array(z.object({ id, articleId: id, kind: z.enum(CLAIM_KIND_VALUES), quote: z.string() })),
  })
  .meta({ id: 'StoryDetail' })

export const storyListQuery = z.object({ cursor, limit: limit(20) })
export const storyListResponse = z.object({ stories: z.array(storyResponse), nextCursor }).meta({ id: 'StoryList' })

export const storyCreateBody = z.object({ name: storyName, description: orNull(storyDescription).optional() }).meta({ id: 'StoryCreate' })
export const storyPatchBody = z.object({ name: storyName.optional(), description: orNull(storyDescription).optional() }).meta({ id: 'StoryPatch' })

export const storyArticleParams = z.object({ id, articleId: id })
export const storyClaimParams = z.object({ id, claimId: id })

// ---------- timeline

// timelineParams parses leniently (lists from repeated keys, bad values dropped), which JSON
// Schema cannot express; these overrides describe what a client should send.
export const timelineQuery = timelineParams.extend({
  entity: timelineParams.shape.entity.meta({
    description: 'Company ids (up to 4), repeated: ?entity=…&entity=…',
    override: { type: 'array', items: { type: 'string', format: 'uuid' } },
  }),
  kind: timelineParams.shape.kind.meta({
    description: 'Claim kinds, repeated.',
    override: { type: 'array', items: { type: 'string', enum: CLAIM_KIND_VALUES } },
  }),
  format: z.enum(['json', 'csv']).optional().meta({ description: 'csv: one row per claim, as a download.' }),
  unanswered: z.enum(['1']).optional().meta({ description: '1: only allegations with no answer linked to any copy of them.' }),
})

const timelineLane = z.object({ reported: z.array(id), said: z.array(id) })

export const timelineResponse = z
  .object({
    query: z.string(),
    bucket: z.enum(['day', 'week', 'month']).nullable(),
    truncated: z.boolean().meta({ description: 'More claims matched than one view holds (300); narrow the dates.' }),
    companies: z.array(
      z.object({ id, name: z.string(), rows: z.array(timelineLane.extend({ period: z.string(), label: z.string() })), undated: timelineLane }),
    ),
    claims: z.array(
      z.object({
        id,
        kind: z.enum(CLAIM_KIND_VALUES),
        quote: z.string(),
        date: day.nullable(),
        speaker: z.string().nullable(),
        speakerId: id.nullable(),
        subject: z.string().nullable(),
        outlet: z.string().nullable(),
        bylines: z.array(z.string()),
        channel: z.string().nullable(),
        articleId: id,
        articleTitle: z.string(),
        cluster: id.nullable().meta({
          description:
            'Shared by the claims that state the same claim in different articles (one card on the timeline); null for a claim tagged before clusters existed.',
        }),
        answered: z.boolean().meta({ description: 'A statement or denial is linked (confirmed) to this claim or another claim of its cluster.' }),
      }),
    ),
    links: z.array(
      z.object({
        id: id.meta({ description: 'The link’s id, or for a proposed link the proposal’s.' }),
        fromId: id,
        toId: id,
        relation: z.enum(LINK_RELATION_VALUES),
        status: z.enum(['confirmed', 'proposed']).meta({ description: 'proposed: the engine’s guess, not yet confirmed or rejected by an editor.' }),
        confidence: z.number().min(0).max(1).nullable().meta({ description: 'How sure the engine is of a proposed link; null for a confirmed one.' }),
      }),
    ),
  })
  .meta({ id: 'Timeline' })

// ---------- search

export const searchQuery = z.object({
  q: z.string().max(1000).default('').meta({
    description:
      'Words in web-search syntax: all must occur (in any form: "denied" finds "denies"), "quoted words" in that order, -word must not occur, `or` between alternatives. Cut at 200 characters. Empty, or only words too common to index ("the of"), finds nothing.',
  }),
  type: z.enum(SEARCH_TYPES).optional().meta({ description: 'Only articles or only claims; both when left out.' }),
  cursor,
  limit: z.coerce.number().int().min(1).max(50).default(10).meta({ description: 'Results per page (1–50, default 10).' }),
})

const searchHighlight = z.object({ start: z.number().int(), end: z.number().int() })

export const searchResultResponse = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: id.meta({ description: 'The article’s or the claim’s id.' }),
    articleId: id.meta({ description: 'The article itself, or the article the claim is in.' }),
    title: z.string().meta({ description: 'The article’s title.' }),
    snippet: z.string().meta({ description: 'Plain text around the match: a claim’s quote, or a passage of the article (… where it is cut).' }),
    highlights: z.array(searchHighlight).meta({ description: 'The matched words in snippet: UTF-16 offsets, end exclusive, in order.' }),
    url: z.string().meta({
      description:
        'Where the result opens on this site: a claim at its words, an article at the paragraph of the snippet (#p-<n>, counted from 0) when there is one.',
    }),
    paragraph: z.number().int().nullable().meta({
      description: 'For an article: the paragraph of bodyText (split at blank lines, from 0) the snippet is from; null when it is from the standfirst.',
    }),
    outlet: z.string().nullable(),
    publishedAt: dateTime.nullable().meta({ description: 'The article’s publication.' }),
    kind: z.enum(CLAIM_KIND_VALUES).nullable().meta({ description: 'A claim’s kind; null for an article.' }),
    claimDate: day.nullable().meta({ description: 'A claim’s date; null for an article.' }),
    speaker: z.object({ id, name: z.string() }).nullable().meta({ description: 'A claim’s speaker; null for an article or an unattributed claim.' }),
  })
  .meta({ id: 'SearchResult' })

export const searchResponse = z
  .object({
    results: z.array(searchResultResponse).meta({ description: 'Best first: title matches above quotes above passing mentions, then the most recent.' }),
    nextCursor,
    capped: z.boolean().meta({
      description:
        'More matched than one search ranks: only the most recent matches of each kind were ranked, older ones were left out; more words reach them.',
    }),
  })
  .meta({ id: 'SearchResults' })

// ---------- health

export const healthResponse = z
  .object({
    status: z.enum(['ok', 'degraded', 'error']),
    database: z.object({ reachable: z.boolean(), role: z.string().optional(), error: z.string().optional() }),
    migrations: z.object({ applied: z.number().int(), pending: z.array(z.string()), failed: z.array(z.string()) }).optional(),
  })
  .meta({ id: 'Health' })

// ---------- exports and imports

// GET /api/export reads its parameters with parseExportRequest (lib/interop/request.ts), which,
// unlike the timeline, refuses a value it cannot read; this describes them for the document.
export const exportQuery = timelineQuery.omit({ format: true }).extend({
  format: z.enum(EXPORT_FORMATS).optional().meta({
    description:
      'jsonld (application/ld+json): schema.org Claim, and ClaimReview for a claim with a verdict — the default for a scope. annotations (application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"): a W3C AnnotationCollection. csv (text/csv): one row per claim. claimline (application/json): the whole archive, for POST /api/import — the default without a scope; it takes no scope and needs the editor role.',
  }),
  claim: z.uuid().optional().meta({ description: 'Scope: this claim.' }),
  article: z.uuid().optional().meta({ description: 'Scope: this article’s claims.' }),
  story: z.uuid().optional().meta({ description: 'Scope: this story’s claims; with the timeline’s parameters, one of its filters.' }),
})

const jsonLdAgent = z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string() })

const schemaOrgClaim = z
  .object({
    '@type': z.literal('Claim'),
    '@id': z.string().meta({ description: 'The claim’s permanent page here.' }),
    url: z.string(),
    text: z.string(),
    author: jsonLdAgent.optional(),
    datePublished: day.optional(),
    appearance: z.object({
      '@type': z.literal('NewsArticle'),
      '@id': z.string(),
      url: z.string(),
      headline: z.string(),
      datePublished: z.string().optional(),
      author: z.array(z.object({ '@type': z.literal('Person'), name: z.string() })).optional(),
      publisher: z.object({ '@type': z.literal('NewsMediaOrganization'), name: z.string(), url: z.string().optional() }).optional(),
      inLanguage: z.string().optional(),
    }),
    about: z.object({ '@type': z.enum(['Person', 'Organization', 'Thing']), name: z.string() }).optional(),
    keywords: z.enum(CLAIM_KIND_VALUES),
  })
  .meta({ id: 'SchemaOrgClaim' })

const schemaOrgClaimReview = z
  .object({
    '@type': z.literal('ClaimReview'),
    '@id': z.string(),
    url: z.string(),
    claimReviewed: z.string(),
    author: z.object({ '@type': z.literal('Organization'), name: z.string(), url: z.string() }),
    datePublished: dateTime.optional(),
    reviewRating: z.object({ '@type': z.literal('Rating'), alternateName: z.string(), ratingExplanation: z.string().optional() }),
    itemReviewed: schemaOrgClaim,
  })
  .meta({ id: 'SchemaOrgClaimReview' })

export const schemaOrgExport = z
  .object({ '@context': z.literal(SCHEMA_ORG_CONTEXT), '@graph': z.array(z.union([schemaOrgClaimReview, schemaOrgClaim])) })
  .meta({
    id: 'SchemaOrgExport',
    description: 'format=jsonld (lib/interop/schema-org.ts): a claim with a verdict appears as the ClaimReview of it, the others as bare Claims.',
  })

const annotationBody = z.object({
  type: z.literal('TextualBody'),
  purpose: z
    .enum(['tagging', 'commenting', 'assessing'])
    .meta({ description: 'tagging: the kind, "speaker:Name", "subject:Name"; commenting: the note; assessing: the verdict.' }),
  value: z.string(),
  format: z.literal('text/plain').optional(),
})

export const annotationExport = z
  .object({
    '@context': z.literal(ANNOTATION_CONTEXT),
    id: z.string(),
    type: z.literal('AnnotationCollection'),
    label: z.string(),
    total: z.number().int(),
    first: z.object({
      id: z.string(),
      type: z.literal('AnnotationPage'),
      partOf: z.string(),
      startIndex: z.number().int(),
      items: z.array(
        z.object({
          id: z.string(),
          type: z.literal('Annotation'),
          motivation: z.literal('classifying'),
          created: dateTime,
          modified: dateTime,
          body: z.array(annotationBody),
          target: z.object({ source: z.string(), selector: claimTarget }),
        }),
      ),
    }),
  })
  .meta({
    id: 'AnnotationExport',
    description:
      'format=annotations (lib/interop/web-annotation.ts), sent as application/ld+json; profile="http://www.w3.org/ns/anno.jsonld". Positions count characters of the stored article text.',
  })

export const claimlineExportDocument = claimlineExport.meta({
  id: 'ClaimlineExport',
  description:
    'The whole archive (lib/interop/full-export.ts): every outlet, entity, article (with its raw source), claim (with its verdict), suggestion, link and story, with ids and versions; people by email. Accounts, tokens and the audit trail are not in it.',
})

export const exportCsv = z.string().meta({ description: `format=csv: a header row (${CLAIM_CSV_HEADER.join(', ')}), then one row per claim.` })

// What the import reads of annotations (lib/interop/annotation-import.ts) is lenient: each one is
// read on its own, and one that does not fit is reported in the results, not refused.
const annotationIn = z.looseObject({}).meta({
  description:
    'A W3C Annotation whose target has a source (the page) and a TextQuoteSelector, with tags as TextualBody purpose "tagging" (the kind, "speaker:Name", "subject:Name") and a comment as the note; or a Hypothesis row (uri, target, tags, text).',
})
const annotationPageIn = z.looseObject({ type: z.literal('AnnotationPage'), items: z.array(annotationIn) })

export const annotationDocument = z
  .union([
    z.looseObject({
      type: z.literal('AnnotationCollection'),
      first: annotationPageIn.meta({ description: 'Embedded, with its next pages; a page given only by its address is refused.' }),
    }),
    annotationPageIn,
    z.looseObject({ type: z.literal('Annotation') }),
    z.array(annotationIn),
    z.looseObject({ rows: z.array(annotationIn) }).meta({ description: 'A Hypothesis API search result.' }),
    z.looseObject({ annotations: z.array(annotationIn) }).meta({ description: 'The Hypothesis client’s export file.' }),
  ])
  .meta({ id: 'AnnotationDocument' })

export const importBody = z
  .union([claimlineExportDocument, annotationDocument])
  .meta({ description: 'A Claimline export (format "claimline-export"), or annotations.' })

const count = z.number().int()

const annotationOutcome = z
  .discriminatedUnion('status', [
    z.object({
      ref: z.string(),
      status: z.literal('created'),
      articleId: id,
      claimId: id.nullable(),
      kind: z.enum(CLAIM_KIND_VALUES),
      quote: z.string(),
      unknownEntities: z.array(z.string()).meta({ description: '"speaker:Name" or "subject:Name" tags naming no entity; the claim was made without them.' }),
    }),
    z.object({
      ref: z.string(),
      status: z.literal('duplicate'),
      articleId: id,
      duplicateOf: z.string().meta({ description: 'The claim with the same words and kind.' }),
    }),
    z.object({
      ref: z.string(),
      status: z.literal('orphan'),
      articleId: id,
      quote: z.string().meta({ description: 'Words not found in the article’s stored text.' }),
    }),
    z.object({
      ref: z.string(),
      status: z.literal('no-article'),
      source: z.string().nullable().meta({ description: 'The page the annotation targets, which matches no stored article.' }),
    }),
    z.object({
      ref: z.string(),
      status: z.literal('skipped'),
      reason: z.enum(['reply', 'page note']).meta({ description: 'A reply or a page note annotates no words: not imported, and not a failure.' }),
    }),
    z.object({ ref: z.string(), status: z.literal('invalid'), reason: z.string() }),
  ])
  .meta({ id: 'AnnotationOutcome', description: 'One annotation, by its id (or "#n", its place in the document).' })

export const importResponse = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('claimline'),
      imported: z.object({
        outlets: count,
        entities: count,
        articles: count,
        claims: count,
        suggestions: count,
        links: count,
        proposals: count.meta({ description: 'Proposed links between claims, open or decided.' }),
        stories: count,
        unknownPeople: z.array(z.string()).meta({ description: 'Emails the archive names that match no account here; their rows are left without a person.' }),
      }),
    }),
    z.object({
      kind: z.literal('annotations'),
      summary: z.object({ created: count, duplicate: count, orphan: count, 'no-article': count, skipped: count, invalid: count }),
      results: z.array(annotationOutcome),
    }),
  ])
  .meta({ id: 'ImportReport' })

// The report is built in lib/interop/import.ts as TypeScript types; this fails to compile when
// they and the documented schema differ either way.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
export type ImportReportIsDocumented = Assert<Same<z.infer<typeof importResponse>, ImportReport>>
