// Proposed links on the real database: the answer matcher runs over an article's claims when
// they change and stores what is new; an editor confirms one (an ordinary, audited link) or
// rejects it (remembered: the pair is never proposed again), once.
import { beforeAll, expect, test } from 'vitest'
import type { ClaimKind } from '@/lib/claims/kinds'
import { confirmProposal, ProposalGoneError, proposeLinksInArticle, rejectProposal } from '@/lib/claims/link-proposals'
import { tagClaim } from '@/lib/claims/tag'
import { getDb } from '@/lib/db'
import { ingestOne } from '@/lib/ingest/store/ingest'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { linkClaims } from '@/lib/claims/edit'
import { insertProposals, listOpenProposalsFor } from '@/lib/queries/link-proposals'
import { createTestAccount } from './helpers/accounts'

const PARAGRAPHS = [
  'The Daily Ledger reported last week that Acme Corp sold the location histories of its customers to three data brokers, citing internal emails.',
  'Acme denied the report on Monday. "We have never sold our customers\u2019 data and we never will," Acme spokeswoman Jane Roe said in an emailed statement.',
  'Regulators in two states said they were looking into the sales.',
]
const HTML = `<html><head><title>Acme denies selling location data</title><meta property="article:published_time" content="2024-03-04T09:30:00-05:00"></head><body><article><h1>Acme denies selling location data</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

let editor = ''
let articleId = ''
let body = ''
let acme = ''
let ledger = ''
let roe = ''

async function tag(words: string, kind: ClaimKind, speakerId: string, subjectId: string) {
  const start = body.indexOf(words)
  if (start < 0) throw new Error(`not in the text: ${words}`)
  return tagClaim(
    { articleId, start, end: start + words.length, exact: words },
    { kind, speakerId, subjectId, channel: null, claimDate: null, note: null },
    editor,
  )
}

beforeAll(async () => {
  editor = (await createTestAccount('editor')).user.id
  const db = getDb()
  acme = (await db.entity.create({ data: { kind: 'company', name: 'Acme', aliases: ['Acme Corp'] } })).id
  ledger = (await db.entity.create({ data: { kind: 'outlet', name: 'The Daily Ledger', aliases: [] } })).id
  roe = (await db.entity.create({ data: { kind: 'person', name: 'Jane Roe', aliases: [], affiliationId: acme } })).id
  const result = await ingestOne({ bytes: new TextEncoder().encode(HTML), name: 'acme.html', url: 'https://ledger.example/acme-sold' }, { actorId: editor })
  if (result.status !== 'created') throw new Error(JSON.stringify(result))
  articleId = result.article.id
  body = (await db.article.findUniqueOrThrow({ where: { id: articleId } })).bodyText
})

test('tagging an answer after its allegation proposes the link, once', async () => {
  const allegation = await tag('Acme Corp sold the location histories of its customers to three data brokers', 'allegation', ledger, acme)
  const denial = await tag('We have never sold our customers\u2019 data and we never will', 'denial', roe, acme)
  const open = await listOpenProposalsFor([denial.id])
  expect(open.map((p) => [p.fromId, p.toId, p.relation, p.origin])).toEqual([[denial.id, allegation.id, 'denies', 'same-article']])
  expect(open[0]?.confidence).toBeGreaterThan(0)
  expect(open[0]?.confidence).toBeLessThanOrEqual(1)
  // Running the matcher again proposes nothing new.
  expect(await proposeLinksInArticle(articleId)).toBe(0)
})

test('confirming makes an ordinary audited link, once; a second click is refused', async () => {
  const [proposal] = await listOpenProposalsFor((await getDb().claim.findMany({ where: { articleId } })).map((c) => c.id))
  if (!proposal) throw new Error('no proposal')
  const { linkId, articleIds } = await confirmProposal(proposal.id, editor)
  expect(articleIds).toEqual([articleId, articleId])
  const link = await getDb().claimLink.findUniqueOrThrow({ where: { id: linkId } })
  expect([link.fromId, link.toId, link.relation]).toEqual([proposal.fromId, proposal.toId, proposal.relation])
  const audit = await listAuditEventsFor('Claim', proposal.fromId)
  expect(audit.at(-1)).toMatchObject({ action: 'claim.link', actorId: editor, after: { linkId, proposalId: proposal.id } })
  await expect(confirmProposal(proposal.id, editor)).rejects.toBeInstanceOf(ProposalGoneError)
  await expect(rejectProposal(proposal.id, editor)).rejects.toBeInstanceOf(ProposalGoneError)
  expect(await listOpenProposalsFor([proposal.fromId])).toEqual([])
})

test('a rejected pair is never proposed again; linked pairs are never proposed', async () => {
  const claims = await getDb().claim.findMany({ where: { articleId }, orderBy: { createdAt: 'asc' } })
  const [allegation, denial] = claims
  if (!allegation || !denial) throw new Error('claims missing')
  const other = await tag('they were looking into the sales', 'report', ledger, acme)
  expect(await insertProposals([{ fromId: denial.id, toId: other.id, relation: 'responds_to', confidence: 0.4, origin: 'same-article' }])).toBe(1)
  const [proposal] = (await listOpenProposalsFor([other.id])).filter((p) => p.fromId === denial.id)
  if (!proposal) throw new Error('no proposal')
  await rejectProposal(proposal.id, editor)
  expect(await listAuditEventsFor('Claim', denial.id)).toContainEqual(
    expect.objectContaining({ action: 'link-proposal.reject', after: expect.objectContaining({ proposalId: proposal.id }) }),
  )
  // Neither the rejected pair (either way round) nor the linked pair comes back.
  expect(
    await insertProposals([
      { fromId: denial.id, toId: other.id, relation: 'denies', confidence: 0.9, origin: 'same-article' },
      { fromId: other.id, toId: denial.id, relation: 'responds_to', confidence: 0.9, origin: 'same-article' },
      { fromId: denial.id, toId: allegation.id, relation: 'responds_to', confidence: 0.9, origin: 'same-article' },
    ]),
  ).toBe(0)
  await linkClaims(other.id, allegation.id, 'confirms', editor)
  expect(await insertProposals([{ fromId: allegation.id, toId: other.id, relation: 'responds_to', confidence: 0.5, origin: 'same-article' }])).toBe(0)
})

test('deleting a claim takes its proposals with it', async () => {
  const claim = await tag('Regulators in two states said', 'other', ledger, acme)
  expect(
    await insertProposals([
      {
        fromId: claim.id,
        toId: (await getDb().claim.findFirstOrThrow({ where: { articleId, kind: 'allegation' } })).id,
        relation: 'confirms',
        confidence: 0.3,
        origin: 'same-article',
      },
    ]),
  ).toBe(1)
  await getDb().claim.delete({ where: { id: claim.id } })
  expect(await getDb().linkProposal.count({ where: { OR: [{ fromId: claim.id }, { toId: claim.id }] } })).toBe(0)
})
