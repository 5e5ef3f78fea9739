// Claims on the real database: tagging from a selection, concurrent edits (one wins, one is
// refused), links, entities (aliases, merge), re-anchoring after re-extraction, and the audit
// rows each change leaves.
import { beforeAll, expect, test } from 'vitest'
import { claimTarget } from '@/lib/anchoring/selectors'
import type { ClaimKind } from '@/lib/claims/kinds'
import { SelectionError, tagClaim } from '@/lib/claims/tag'
import { getDb } from '@/lib/db'
import { ingestOne } from '@/lib/ingest/store/ingest'
import { reextractArticle } from '@/lib/ingest/store/reextract'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { listClaimsForArticle } from '@/lib/queries/claims'
import { deleteClaimRecord, LinkError, linkClaims, unlinkClaims, updateClaimRecord } from '@/lib/claims/edit'
import { StaleEditError } from '@/lib/queries/edits'
import { createEntityRecord, EntityExistsError, findOrCreateEntity, mergeEntities, searchEntities } from '@/lib/queries/entities'
import { createTestAccount } from './helpers/accounts'

const PARAGRAPHS = [
  'Acme Corp said on Monday it had never sold customer data to advertisers, responding to a report in the Daily Ledger.',
  'The Daily Ledger reported last week that Acme shared location histories with three brokers, citing internal emails.',
  '"We have never sold and will never sell our customers\u2019 data," Acme spokeswoman Jane Roe said in an emailed statement.',
  'Regulators in two states said they were looking into the report, according to people familiar with the matter.',
]
const HTML = `<html><head><title>Acme denies selling customer data</title><meta property="article:published_time" content="2024-03-04T09:30:00-05:00"></head><body><article><h1>Acme denies selling customer data</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`

let editor = ''
let articleId = ''
let body = ''

async function tag(words: string, kind: ClaimKind, extra: Partial<{ speakerId: string; subjectId: string; claimDate: string }> = {}) {
  const start = body.indexOf(words)
  return tagClaim(
    { articleId, start, end: start + words.length, exact: words },
    { kind, speakerId: extra.speakerId ?? null, subjectId: extra.subjectId ?? null, channel: null, claimDate: extra.claimDate ?? null, note: null },
    editor,
  )
}

beforeAll(async () => {
  editor = (await createTestAccount('editor')).user.id
  const result = await ingestOne({ bytes: new TextEncoder().encode(HTML), name: 'acme.html', url: 'https://ledger.example/acme' }, { actorId: editor })
  if (result.status !== 'created') throw new Error(`not created: ${JSON.stringify(result)}`)
  articleId = result.article.id
  body = (await getDb().article.findUniqueOrThrow({ where: { id: articleId } })).bodyText
})

test('a selection becomes a claim with selectors built from the stored text; the date defaults to the article’s day', async () => {
  const claim = await tag('it had never sold customer data to advertisers', 'denial')
  const target = claimTarget.parse(claim.target)
  expect(target).toEqual([
    {
      type: 'TextQuoteSelector',
      exact: 'it had never sold customer data to advertisers',
      prefix: 'Acme Corp said on Monday ',
      suffix: ', responding to a report in the ',
    },
    { type: 'TextPositionSelector', start: 25, end: 71 },
  ])
  expect(claim.claimDate?.toISOString().slice(0, 10)).toBe('2024-03-04')
  expect(claim.version).toBe(1)
  expect((await listAuditEventsFor('Claim', claim.id)).map((e) => [e.action, e.actorId])).toEqual([['claim.create', editor]])
})

test('a selection whose words no longer match the stored text is refused', async () => {
  await expect(
    tagClaim(
      { articleId, start: 0, end: 9, exact: 'Something' },
      { kind: 'other', speakerId: null, subjectId: null, channel: null, claimDate: null, note: null },
      editor,
    ),
  ).rejects.toBeInstanceOf(SelectionError)
})

test('two editors update the same claim at once: one wins, the other is refused and nothing is lost', async () => {
  const claim = await tag('Acme shared location histories with three brokers', 'allegation')
  const outcomes = await Promise.allSettled([
    updateClaimRecord(claim.id, 1, { channel: 'internal emails' }, editor),
    updateClaimRecord(claim.id, 1, { channel: 'leaked documents' }, editor),
  ])
  expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected'])
  const refused = outcomes.find((o) => o.status === 'rejected')
  expect(refused?.status === 'rejected' ? refused.reason : null).toBeInstanceOf(StaleEditError)
  expect(refused?.status === 'rejected' ? (refused.reason as StaleEditError).currentVersion : null).toBe(2)
  const stored = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })
  expect(stored.version).toBe(2)
  const audit = await listAuditEventsFor('Claim', claim.id)
  expect(audit.map((e) => e.action)).toEqual(['claim.create', 'claim.update'])
  expect(audit[1]?.after).toMatchObject({ channel: stored.channel, version: 2 })

  await expect(deleteClaimRecord(claim.id, 1, editor)).rejects.toBeInstanceOf(StaleEditError)
  expect(await deleteClaimRecord(claim.id, 2, editor)).toBe(true)
  expect((await listAuditEventsFor('Claim', claim.id)).map((e) => e.action)).toEqual(['claim.create', 'claim.update', 'claim.delete'])
})

test('links are shown on both claims, refused onto the claim itself, and audited', async () => {
  const allegation = await tag('The Daily Ledger reported last week', 'allegation')
  const denial = await tag('We have never sold and will never sell our customers\u2019 data', 'denial')
  await expect(linkClaims(denial.id, denial.id, 'denies', editor)).rejects.toBeInstanceOf(LinkError)
  const link = await linkClaims(denial.id, allegation.id, 'denies', editor)
  expect((await linkClaims(denial.id, allegation.id, 'denies', editor)).id).toBe(link.id) // linking twice is one link
  const claims = await listClaimsForArticle(articleId)
  expect(claims.find((c) => c.id === denial.id)?.linksFrom.map((l) => [l.relation, l.to.id])).toEqual([['denies', allegation.id]])
  expect(claims.find((c) => c.id === allegation.id)?.linksTo.map((l) => [l.relation, l.from.id])).toEqual([['denies', denial.id]])
  expect(await unlinkClaims(link.id, editor)).toBe(true)
  // The editor's own actions (the engine may also have proposed this link: link-proposal.create).
  const byEditor = (await listAuditEventsFor('Claim', denial.id)).filter((e) => e.actorId === editor)
  expect(byEditor.map((e) => e.action)).toEqual(['claim.create', 'claim.link', 'claim.unlink'])
})

test('entities: found by alias, not created twice, and merged without losing their claims', async () => {
  const acme = await createEntityRecord({ kind: 'company', name: 'Acme', aliases: ['Acme Corp'] }, editor)
  await expect(createEntityRecord({ kind: 'company', name: 'Acme' }, editor)).rejects.toBeInstanceOf(EntityExistsError)
  expect((await searchEntities('acme corp')).map((e) => e.name)).toContain('Acme')
  expect(await searchEntities('100%_')).toEqual([]) // LIKE wildcards are literal
  const typo = await findOrCreateEntity({ kind: 'company', name: 'Acme Inc' })
  const spokeswoman = await createEntityRecord({ kind: 'person', name: 'Jane Roe', affiliationId: typo.id }, editor)
  const claim = await tag('Regulators in two states said they were looking into the report', 'statement', { subjectId: typo.id })

  const merged = await mergeEntities(acme.id, typo.id, editor)
  expect(merged?.aliases.sort()).toEqual(['Acme Corp', 'Acme Inc'])
  expect(await getDb().entity.findUnique({ where: { id: typo.id } })).toBeNull()
  expect((await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } })).subjectId).toBe(acme.id)
  expect((await getDb().entity.findUniqueOrThrow({ where: { id: spokeswoman.id } })).affiliationId).toBe(acme.id)
  expect((await listAuditEventsFor('Entity', acme.id)).map((e) => e.action)).toEqual(['entity.create', 'entity.merge'])
})

test('re-extraction re-anchors claims in the new text and keeps a claim whose words are gone as an orphan', async () => {
  // Pretend an older extractor kept a photo caption before the story: claims were tagged on that text.
  const caption = 'Photo: Acme headquarters in a file picture. REUTERS/Staff'
  await getDb().article.update({ where: { id: articleId }, data: { bodyText: `${caption}\n\n${body}`, extractorVersion: '0.9' } })
  await getDb().claim.deleteMany({ where: { articleId } })
  body = `${caption}\n\n${body}`
  const kept = await tag('Regulators in two states said they were looking into the report', 'report')
  const lost = await tag('Acme headquarters in a file picture', 'other')

  const result = await reextractArticle(articleId, editor)
  expect(result).toMatchObject({ status: 'updated', reanchored: 1, orphaned: 1 })
  const fresh = await getDb().article.findUniqueOrThrow({ where: { id: articleId } })
  expect(fresh.bodyText.startsWith('Acme Corp said on Monday')).toBe(true)
  const moved = await getDb().claim.findUniqueOrThrow({ where: { id: kept.id } })
  const position = claimTarget.parse(moved.target).find((s) => s.type === 'TextPositionSelector')
  expect(fresh.bodyText.slice(position?.start, position?.end)).toBe('Regulators in two states said they were looking into the report')
  expect([moved.status, moved.version]).toEqual(['active', 2])
  const orphan = await getDb().claim.findUniqueOrThrow({ where: { id: lost.id } })
  expect([orphan.status, orphan.quote]).toEqual(['orphan', 'Acme headquarters in a file picture'])
})
