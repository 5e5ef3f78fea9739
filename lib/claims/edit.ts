// An editor's changes to claims, as dub keeps update-link.ts apart from its queries: the rules of
// an edit (the version check, what a verdict change moves, which links may be) and the audit row
// each leaves, each edit in one transaction. lib/queries/claims.ts only reads and writes the rows.
import { getDb } from '../db'
import { DomainError } from '../errors'
import type { LinkRelation, Prisma, PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from '../queries/audit'
import {
  claimAuditSelect,
  countClaims,
  createClaimLink,
  deleteClaimAtVersion,
  deleteClaimLink,
  findClaimLink,
  getClaimDetails,
  getClaimForEdit,
  getClaimLink,
  getClaimVersion,
  insertClaim,
  updateClaimAtVersion,
  verdictAuditSelect,
  type ClaimDetails,
  type NewClaim,
} from '../queries/claims'
import { asJson, StaleEditError } from '../queries/edits'

export async function createClaimRecord(input: NewClaim, actorId: string | null, client: PrismaClient = getDb()) {
  return client.$transaction((tx) => insertClaim(input, actorId, tx))
}

export type ClaimChanges = Partial<ClaimDetails> & { target?: Prisma.InputJsonValue; quote?: string; status?: 'active' | 'orphan' }

// An editor's fact-check verdict: a null rating clears the verdict and its note with it. A key
// left out keeps what is stored (the JSON API's PATCH may send the note alone); the form sends both.
export type VerdictChange = { verdict?: string | null; verdictNote?: string | null }

// Refused with StaleEditError when someone saved the claim since `expectedVersion` was read.
export async function updateClaimRecord(id: string, expectedVersion: number, changes: ClaimChanges, actorId: string | null, client: PrismaClient = getDb()) {
  return editClaimRecord(id, expectedVersion, { details: changes }, actorId, client)
}

// Sets or clears an editor's fact-check verdict, refused with StaleEditError like any other edit.
export async function setClaimVerdict(
  id: string,
  expectedVersion: number,
  input: { verdict: string | null; verdictNote: string | null },
  actorId: string | null,
  client: PrismaClient = getDb(),
) {
  return editClaimRecord(id, expectedVersion, { verdict: input }, actorId, client)
}

// The fields of a row that a select names (what an audit row records of it).
function pick<T extends object>(row: T, select: Partial<Record<keyof T, true>>): Partial<T> {
  return Object.fromEntries(Object.keys(select).map((key) => [key, row[key as keyof T]])) as Partial<T>
}

// verdictAt is the date the ClaimReview is published with, so it moves only when the rating itself
// changes: rewording the note of an unchanged verdict does not make it a new review.
function verdictData(before: { verdict: string | null; verdictNote: string | null; verdictAt: Date | null }, change: VerdictChange) {
  const verdict = change.verdict === undefined ? before.verdict : change.verdict
  if (verdict === null) return { verdict: null, verdictNote: null, verdictAt: null }
  return {
    verdict,
    verdictNote: change.verdictNote === undefined ? before.verdictNote : change.verdictNote,
    verdictAt: verdict === before.verdict ? before.verdictAt : new Date(),
  }
}

// One edit of a claim under one version check: its details, its verdict, or both (the JSON API's
// PATCH may send both, and half of it must not be saved without the other). The version moves
// once; each part leaves the audit row it leaves when the article page saves it on its own
// (claim.update, claim.verdict), so a verdict's history reads the same whichever way it was set.
export type ClaimEdit = { details?: ClaimChanges; verdict?: VerdictChange }

export async function editClaimRecord(id: string, expectedVersion: number, edit: ClaimEdit, actorId: string | null, client: PrismaClient = getDb()) {
  return client.$transaction((tx) => editClaimIn(tx, id, expectedVersion, edit, actorId))
}

// The edit, then the claim as that edit left it (read in the same transaction: read after it,
// another editor's save could already have moved the claim on to a later version).
export async function editClaimAndRead(id: string, expectedVersion: number, edit: ClaimEdit, actorId: string | null, client: PrismaClient = getDb()) {
  return client.$transaction(async (tx) => ((await editClaimIn(tx, id, expectedVersion, edit, actorId)) ? getClaimDetails(id, tx) : null))
}

async function editClaimIn(tx: Prisma.TransactionClient, id: string, expectedVersion: number, edit: ClaimEdit, actorId: string | null) {
  const before = await getClaimForEdit(id, tx)
  if (!before) return null
  const data = { ...edit.details, ...(edit.verdict ? verdictData(before, edit.verdict) : {}) }
  const after = await updateClaimAtVersion(id, expectedVersion, data, actorId, tx)
  // The version is read after the refused write, not before it: under PostgreSQL's read-committed
  // isolation the winning edit may have committed in between, and the editor should hear the
  // version it made.
  if (!after) throw new StaleEditError('claim', await getClaimVersion(id, tx))
  // Each part leaves its own row, of the fields it changed.
  const audit = (action: 'claim.update' | 'claim.verdict', select: typeof claimAuditSelect | typeof verdictAuditSelect) =>
    recordAuditEvent({ actorId, action, objectType: 'Claim', objectId: id, before: asJson(pick(before, select)), after: asJson(pick(after, select)) }, tx)
  if (edit.details) await audit('claim.update', claimAuditSelect)
  if (edit.verdict) await audit('claim.verdict', verdictAuditSelect)
  return after
}

export async function deleteClaimRecord(id: string, expectedVersion: number, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const before = await getClaimForEdit(id, tx)
    if (!before) return false
    if (!(await deleteClaimAtVersion(id, expectedVersion, tx))) throw new StaleEditError('claim', await getClaimVersion(id, tx))
    await recordAuditEvent(
      {
        actorId,
        action: 'claim.delete',
        objectType: 'Claim',
        objectId: id,
        before: asJson({ ...pick(before, claimAuditSelect), articleId: before.articleId }),
      },
      tx,
    )
    return true
  })
}

export class LinkError extends DomainError {
  constructor(message: string) {
    super('invalid-link', message)
  }
}

export async function linkClaims(fromId: string, toId: string, relation: LinkRelation, actorId: string | null, client: PrismaClient = getDb()) {
  if (fromId === toId) throw new LinkError('A claim cannot answer itself.')
  return client.$transaction(async (tx) => {
    if ((await countClaims([fromId, toId], tx)) < 2) throw new LinkError('One of the two claims no longer exists.')
    const existing = await findClaimLink(fromId, toId, relation, tx)
    if (existing) return existing
    const link = await createClaimLink({ fromId, toId, relation }, tx)
    await recordAuditEvent({ actorId, action: 'claim.link', objectType: 'Claim', objectId: fromId, after: { linkId: link.id, relation, toId } }, tx)
    return link
  })
}

export async function unlinkClaims(linkId: string, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const link = await getClaimLink(linkId, tx)
    if (!link) return false
    await deleteClaimLink(linkId, tx)
    await recordAuditEvent(
      { actorId, action: 'claim.unlink', objectType: 'Claim', objectId: link.fromId, before: { linkId, relation: link.relation, toId: link.toId } },
      tx,
    )
    return true
  })
}
