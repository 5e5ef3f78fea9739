// The timeline's raw query (lib/queries/timeline.ts) reads each subject, speaker and kind from its
// own index and builds the claims as JSON; here it must give exactly what Prisma's plain query
// gives, for every filter and page size, on a made-up archive: two companies, a spokesperson, an
// outlet and an agency; claims on shared dates (ties), undated ones, several kinds, answers
// linked and proposed (open and rejected), a story by article and by claim.
import { beforeAll, expect, test } from 'vitest'
import { getDb } from '@/lib/db'
import type { ClaimKind, Prisma } from '@/lib/generated/prisma/client'
import { findClaimsForTimeline, timelineClaimSelect, type TimelineFilter } from '@/lib/queries/timeline'

const ids = { acme: '', globex: '', spokesperson: '', rival: '', outlet: '', outletEntity: '', agency: '', story: '' }

const KINDS: ClaimKind[] = ['allegation', 'statement', 'denial', 'report', 'other']

beforeAll(async () => {
  const db = getDb()
  const entity = async (kind: 'company' | 'person' | 'outlet' | 'agency', name: string, affiliationId?: string) =>
    (await db.entity.create({ data: { kind, name, aliases: [], affiliationId } })).id
  ids.acme = await entity('company', 'Acme Widgets')
  ids.globex = await entity('company', 'Globex Tools')
  ids.spokesperson = await entity('person', 'Jane Roe', ids.acme)
  ids.rival = await entity('person', 'John Doe', ids.globex)
  ids.outletEntity = await entity('outlet', 'The Example Courier')
  ids.agency = await entity('agency', 'Example Safety Board')
  ids.outlet = (await db.outlet.create({ data: { name: 'The Example Courier', domain: 'courier.example' } })).id
  ids.story = (await db.story.create({ data: { name: 'Widget recall', slug: 'widget-recall' } })).id

  // Twelve articles over three dates, two of them on no outlet; eight claims each, cycling
  // through subjects, speakers, kinds and dates so that every combination occurs.
  const subjects = [ids.acme, ids.globex, ids.acme, null]
  const speakers = [ids.outletEntity, ids.spokesperson, ids.acme, ids.agency, ids.rival, null, ids.globex]
  const dates = ['2013-06-06', '2013-06-07', '2013-06-07', null, '2013-07-01']
  const claims: { id: string; kind: ClaimKind; subjectId: string | null }[] = []
  for (let a = 0; a < 12; a++) {
    const article = await db.article.create({
      data: {
        title: a % 3 === 0 ? `Widget recall, part ${a}` : `Tools news ${a}`,
        bylines: [],
        bodyText: `Body of article ${a}.`,
        bodyHash: `timeline-query-${a}`,
        extractorVersion: 'test',
        extractionWarnings: [],
        publishedAt: new Date(Date.UTC(2013, 5, 6 + a)),
        outletId: a % 5 === 4 ? null : ids.outlet,
      },
    })
    if (a % 4 === 0) await db.storyArticle.create({ data: { storyId: ids.story, articleId: article.id } })
    for (let k = 0; k < 8; k++) {
      const n = a * 8 + k
      const kind = KINDS[n % KINDS.length] as ClaimKind
      const subjectId = subjects[n % subjects.length] ?? null
      const date = dates[n % dates.length] ?? null
      const claim = await db.claim.create({
        data: {
          articleId: article.id,
          kind,
          quote: n % 6 === 0 ? `The widget recall came late (${n})` : `Claim number ${n}`,
          target: [],
          subjectId,
          speakerId: speakers[n % speakers.length] ?? null,
          claimDate: date ? new Date(date) : null,
          // Several claims tagged in the same millisecond: the id breaks the tie.
          createdAt: new Date(Date.UTC(2013, 7, 1, 0, 0, Math.floor(n / 3))),
        },
      })
      claims.push({ id: claim.id, kind, subjectId })
      if (n % 7 === 0) await db.storyClaim.create({ data: { storyId: ids.story, claimId: claim.id } })
    }
  }
  // Copies of one allegation in one cluster; answers linked to some allegations (which answers
  // their whole cluster) and proposed for others, open and rejected.
  const allegations = claims.filter((c) => c.kind === 'allegation')
  const answers = claims.filter((c) => c.kind === 'denial' || c.kind === 'statement')
  const [first, second, third] = allegations
  if (!first || !second || !third) throw new Error('too few allegations')
  await db.claim.updateMany({ where: { id: { in: [second.id, third.id] } }, data: { clusterId: first.id, clusterBy: 'editor' } })
  for (const [i, answer] of answers.entries()) {
    const target = allegations[(i * 3) % allegations.length]
    if (!target) continue
    if (i % 4 === 0) await db.claimLink.create({ data: { fromId: answer.id, toId: target.id, relation: i % 8 === 0 ? 'denies' : 'responds_to' } })
    if (i % 4 === 1)
      await db.linkProposal.create({ data: { fromId: answer.id, toId: target.id, relation: 'denies', confidence: 0.5 + i / 100, origin: 'test' } })
    if (i % 4 === 2)
      await db.linkProposal.create({ data: { fromId: answer.id, toId: target.id, relation: 'denies', confidence: 0.4, origin: 'test', status: 'rejected' } })
  }
  await db.claimLink.create({ data: { fromId: (answers[1] ?? answers[0])?.id ?? '', toId: first.id, relation: 'denies' } })
})

// What the view asks for, with Prisma's own query: about the companies, or said by them or their people.
async function reference(filter: TimelineFilter) {
  const db = getDb()
  const people = (await db.entity.findMany({ where: { affiliationId: { in: filter.companyIds } }, select: { id: true } })).map((e) => e.id)
  const and: Prisma.ClaimWhereInput[] = []
  if (filter.companyIds.length > 0) and.push({ OR: [{ subjectId: { in: filter.companyIds } }, { speakerId: { in: [...filter.companyIds, ...people] } }] })
  if (filter.storyId) and.push({ OR: [{ stories: { some: { storyId: filter.storyId } } }, { article: { stories: { some: { storyId: filter.storyId } } } }] })
  if (filter.kinds && filter.kinds.length > 0) and.push({ kind: { in: filter.kinds } })
  if (filter.outletId) and.push({ article: { outletId: filter.outletId } })
  if (filter.speakerId) and.push({ speakerId: filter.speakerId })
  if (filter.unanswered) and.push({ kind: 'allegation', OR: [{ clusterId: null }, { cluster: { answered: false } }] })
  if (filter.q) and.push({ OR: [{ quote: { contains: filter.q, mode: 'insensitive' } }, { article: { title: { contains: filter.q, mode: 'insensitive' } } }] })
  if (filter.from || filter.to) {
    const range = { ...(filter.from ? { gte: new Date(filter.from) } : {}), ...(filter.to ? { lte: new Date(filter.to) } : {}) }
    and.push({ OR: [{ claimDate: null }, { claimDate: range }] })
  }
  const rows = await db.claim.findMany({
    where: { AND: and },
    orderBy: [{ claimDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
    take: filter.limit + 1,
    select: {
      ...timelineClaimSelect,
      linksFrom: { select: timelineClaimSelect.linksFrom.select, orderBy: { id: 'asc' } },
      proposalsFrom: { ...timelineClaimSelect.proposalsFrom, orderBy: { id: 'asc' } },
      cluster: { select: { answered: true } },
    },
  })
  const claims = rows.map(({ cluster, ...claim }) => ({ ...claim, answered: cluster?.answered ?? false }))
  return { claims: claims.slice(0, filter.limit), truncated: claims.length > filter.limit }
}

const filters = (): [string, Omit<TimelineFilter, 'limit'>][] => [
  ['one company', { companyIds: [ids.acme] }],
  ['two companies', { companyIds: [ids.acme, ids.globex] }],
  ['a date range', { companyIds: [ids.acme], from: '2013-06-07', to: '2013-06-30' }],
  ['from a date', { companyIds: [ids.globex], from: '2013-06-07' }],
  ['up to a date', { companyIds: [ids.acme], to: '2013-06-06' }],
  ['one kind', { companyIds: [ids.acme], kinds: ['denial'] }],
  ['two kinds in a range', { companyIds: [ids.acme, ids.globex], kinds: ['statement', 'allegation'], from: '2013-06-07', to: '2013-07-01' }],
  ['unanswered', { companyIds: [ids.acme], unanswered: true }],
  ['unanswered, two companies, a range', { companyIds: [ids.acme, ids.globex], unanswered: true, from: '2013-06-06', to: '2013-06-07' }],
  ['unanswered among allegations and denials', { companyIds: [ids.acme], unanswered: true, kinds: ['denial', 'allegation'] }],
  ['unanswered among denials: none', { companyIds: [ids.acme], unanswered: true, kinds: ['denial'] }],
  ['a speaker', { companyIds: [ids.acme], speakerId: ids.spokesperson }],
  ['an outlet', { companyIds: [ids.acme], outletId: ids.outlet }],
  ['a story', { companyIds: [ids.acme], storyId: ids.story }],
  ['words', { companyIds: [ids.acme, ids.globex], q: 'RECALL' }],
  ['no company, a range', { companyIds: [], from: '2013-06-07', to: '2013-06-07' }],
  ['no company, kinds, unanswered', { companyIds: [], kinds: ['allegation', 'report'], unanswered: true }],
]

test('the timeline query gives what the plain query gives, for every filter and page size', async () => {
  let compared = 0
  for (const [name, filter] of filters())
    for (const limit of [1, 4, 7, 20, 1000]) {
      const expected = await reference({ ...filter, limit })
      expect({ name, limit, ...(await findClaimsForTimeline({ ...filter, limit })) }).toEqual({ name, limit, ...expected })
      compared += expected.claims.length
    }
  // The archive exercised what it was built for: answered and unanswered, links and proposals.
  const all = await reference({ companyIds: [ids.acme, ids.globex], limit: 1000 })
  expect(all.claims.some((c) => c.answered)).toBe(true)
  expect(all.claims.some((c) => c.kind === 'allegation' && !c.answered)).toBe(true)
  expect(all.claims.some((c) => c.linksFrom.length > 0)).toBe(true)
  expect(all.claims.some((c) => c.proposalsFrom.length > 0)).toBe(true)
  expect(all.claims.some((c) => c.claimDate === null)).toBe(true)
  expect(compared).toBeGreaterThan(500)
})
