// The claim map on the real database, with the demo articles (Reuters, 6 June 2013; iTnews,
// 16 July 2013): the Post's PRISM "direct access" allegation as both carry it is one cluster;
// Microsoft's denial is proposed as answering it; the same words about another company, and a
// denial of the allegation, stay apart.
import { beforeAll, expect, test } from 'vitest'
import { updateClaimMap } from '@/lib/claims/claim-map'
import { ClusterEditError, mergeClaims, splitClaim } from '@/lib/claims/clusters/edit'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { linkClaims, unlinkClaims } from '@/lib/claims/edit'
import { tagClaim } from '@/lib/claims/tag'
import { getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import { ingestOne } from '@/lib/ingest/store/ingest'
import { createTestAccount } from './helpers/accounts'

const claimWith = async (words: string) => getDb().claim.findFirstOrThrow({ where: { quote: { contains: words } } })

beforeAll(async () => {
  await loadDemoData()
})

test('the PRISM allegation as Reuters and iTnews carry it is one cluster', async () => {
  const reuters = await claimWith('tapping directly into the central servers')
  const itnews = await claimWith('gave the US government "direct access"')
  expect(reuters.clusterId).not.toBeNull()
  expect(itnews.clusterId).toBe(reuters.clusterId)
  // The other allegation of the iTnews article (Outlook encryption) is another claim.
  expect((await claimWith('circumvent encryption of Outlook emails')).clusterId).not.toBe(reuters.clusterId)
})

test('a denial never joins the cluster of what it denies; every claim has a cluster', async () => {
  const allegation = await claimWith('tapping directly into the central servers')
  const denial = await claimWith('does not provide any government with direct and unfettered access')
  expect(denial.clusterId).not.toBeNull()
  expect(denial.clusterId).not.toBe(allegation.clusterId)
  expect(await getDb().claim.count({ where: { clusterId: null } })).toBe(0)
})

test('Brad Smith’s denial is proposed as answering the PRISM cluster', async () => {
  const denial = await claimWith('does not provide any government with direct and unfettered access')
  const prism = (await claimWith('tapping directly into the central servers')).clusterId
  const proposals = await getDb().linkProposal.findMany({ where: { fromId: denial.id, status: 'open' }, include: { to: { select: { clusterId: true } } } })
  expect(proposals.some((p) => p.to.clusterId === prism)).toBe(true)
})

test('the same words about another company start a cluster of their own', async () => {
  const editor = (await createTestAccount('editor')).user.id
  const google = await getDb().entity.create({ data: { kind: 'company', name: 'Google', aliases: [] } })
  const words =
    'the U.S. National Security Agency and the FBI were tapping directly into the central servers of nine leading U.S. Internet companies through a program known as PRISM'
  const html = `<html><head><title>Google and PRISM</title><meta property="article:published_time" content="2013-06-07T10:00:00Z"></head><body><article><h1>Google and PRISM</h1><p>The Guardian reported that ${words}.</p><p>Google said it had never heard of the programme.</p></article></body></html>`
  const result = await ingestOne({ bytes: new TextEncoder().encode(html), name: 'google.html' }, { actorId: editor })
  if (result.status !== 'created') throw new Error(JSON.stringify(result))
  const body = (await getDb().article.findUniqueOrThrow({ where: { id: result.article.id } })).bodyText
  const start = body.indexOf(words)
  const claim = await tagClaim(
    { articleId: result.article.id, start, end: start + words.length, exact: words },
    { kind: 'allegation', speakerId: null, subjectId: google.id, channel: null, claimDate: null, note: null },
    editor,
  )
  const stored = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })
  expect(stored.clusterId).not.toBeNull()
  expect(stored.clusterId).not.toBe(
    (await claimWith('tapping directly into the central servers of nine leading U.S. Internet companies" - including')).clusterId,
  )
  // Run again, nothing moves.
  await updateClaimMap(result.article.id, [claim.id])
  expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).clusterId).toBe(stored.clusterId)
})

test('an editor splits a claim from its cluster and the matcher leaves it there; merging puts clusters together; both audited', async () => {
  const editor = (await createTestAccount('editor')).user.id
  const reuters = await claimWith('tapping directly into the central servers')
  const itnews = await claimWith('gave the US government "direct access"')
  await splitClaim(itnews.id, editor)
  const split = await getDb().claim.findUniqueOrThrow({ where: { id: itnews.id } })
  expect(split.clusterId).not.toBe(reuters.clusterId)
  expect(split.clusterBy).toBe('editor')
  // The matcher runs again (an edit): the editor's split stands.
  await updateClaimMap(itnews.articleId, [itnews.id])
  expect((await getDb().claim.findUniqueOrThrow({ where: { id: itnews.id } })).clusterId).toBe(split.clusterId)
  // Merged back: both in the Reuters claim's cluster; the emptied cluster is gone.
  await mergeClaims(itnews.id, reuters.id, editor)
  expect((await getDb().claim.findUniqueOrThrow({ where: { id: itnews.id } })).clusterId).toBe(reuters.clusterId)
  expect(await getDb().claimCluster.count({ where: { id: split.clusterId! } })).toBe(0)
  const audit = (await listAuditEventsFor('Claim', itnews.id)).filter((e) => e.actorId === editor).map((e) => e.after)
  expect(audit).toEqual([expect.objectContaining({ split: true, by: 'editor' }), expect.objectContaining({ sameAs: reuters.id, by: 'editor' })])
  await expect(mergeClaims(itnews.id, itnews.id, editor)).rejects.toBeInstanceOf(ClusterEditError)
})

test('the database keeps each cluster’s summary: a claim stored any way gets a cluster; a link answers it; unlinking, re-kinding and deleting undo it', async () => {
  const editor = (await createTestAccount('editor')).user.id
  const microsoft = await getDb().entity.findFirstOrThrow({ where: { name: 'Microsoft' } })
  const reuters = await claimWith('U.S. security agencies had access to its central servers')
  // Stored straight through Prisma, with no cluster named: the database gives it its own.
  const raw = await getDb().claim.create({
    data: {
      articleId: reuters.articleId,
      kind: 'allegation',
      target: reuters.target ?? [],
      quote: reuters.quote,
      subjectId: microsoft.id,
      claimDate: new Date('2013-06-05T00:00:00Z'),
    },
  })
  const summary = () => getDb().claimCluster.findUniqueOrThrow({ where: { id: raw.clusterId! } })
  expect(raw.clusterId).toBe(raw.id)
  expect(await summary()).toMatchObject({
    subjectId: microsoft.id,
    allegations: 1,
    answered: false,
    firstReported: new Date('2013-06-05T00:00:00Z'),
    firstAnswered: null,
  })
  const denial = await claimWith('denied it was part of any voluntary data collection mechanism')
  const link = await linkClaims(denial.id, raw.id, 'denies', editor)
  expect(await summary()).toMatchObject({ answered: true, firstAnswered: denial.claimDate })
  await unlinkClaims(link.id, editor)
  expect(await summary()).toMatchObject({ answered: false, firstAnswered: null })
  await getDb().claim.update({ where: { id: raw.id }, data: { kind: 'report' } })
  expect(await summary()).toMatchObject({ allegations: 0, firstReported: null })
  await getDb().claim.delete({ where: { id: raw.id } })
  expect(await summary()).toMatchObject({ allegations: 0, subjectId: null })
})

// Two outlets punctuate one quote differently, and two inquiries are led by different bodies:
// found through the search index like any claim, the first pair is one cluster, the second two.
test('one quote punctuated two ways joins one cluster; the same inquiry by another body starts its own', async () => {
  const editor = (await createTestAccount('editor')).user.id
  const company = await getDb().entity.create({ data: { kind: 'company', name: 'Veloxa', aliases: ['Veloxa Inc'] } })
  let n = 0
  const tagIn = async (sentence: string, words: string, kind: 'statement' | 'report') => {
    n++
    const title = `Veloxa story ${n}`
    const html = `<html><head><title>${title}</title><meta property="article:published_time" content="2024-03-0${n}T10:00:00Z"></head><body><article><h1>${title}</h1><p>${sentence}</p><p>Shares fell in early trading.</p></article></body></html>`
    const result = await ingestOne({ bytes: new TextEncoder().encode(html), name: `veloxa-${n}.html` }, { actorId: editor })
    if (result.status !== 'created') throw new Error(JSON.stringify(result))
    const body = (await getDb().article.findUniqueOrThrow({ where: { id: result.article.id } })).bodyText
    const start = body.indexOf(words)
    const claim = await tagClaim(
      { articleId: result.article.id, start, end: start + words.length, exact: words },
      { kind, speakerId: null, subjectId: company.id, channel: null, claimDate: null, note: null },
      editor,
    )
    return getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })
  }
  const dashed = 'we have never - and will never - give any government direct access to customer emails'
  const plain = 'we have never and will never give any government direct access to customer emails'
  const first = await tagIn(`"${dashed}," Veloxa said.`, dashed, 'statement')
  const second = await tagIn(`Veloxa said: "${plain}."`, plain, 'statement')
  expect(second.clusterId).toBe(first.clusterId)

  const sec = 'the Securities and Exchange Commission is looking into loans Veloxa made to its founder'
  const ag = 'the New York Attorney General is looking into loans Veloxa made to its founder'
  const bySec = await tagIn(`Sources say ${sec}.`, sec, 'report')
  const byAg = await tagIn(`Sources say ${ag}.`, ag, 'report')
  expect(byAg.clusterId).not.toBe(bySec.clusterId)
})
