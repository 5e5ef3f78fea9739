// An editor's changes to an article, as lib/claims/edit.ts keeps a claim's: the rules of an edit
// (the version check) and the audit row each leaves, each edit in one transaction.
// lib/queries/articles.ts only reads and writes the rows.
import { getDb } from '../db'
import type { PrismaClient } from '../generated/prisma/client'
import {
  deleteArticleAtVersion,
  getArticleForDelete,
  getArticleForEdit,
  getArticleVersion,
  updateArticleAtVersion,
  type ArticleDetails,
} from '../queries/articles'
import { recordAuditEvent } from '../queries/audit'
import { asJson, StaleEditError } from '../queries/edits'

// An editor's correction of an article's details: applied only if nobody changed the article
// since the editor loaded it (its version), and recorded in the audit trail with before and after.
export async function updateArticleDetails(
  id: string,
  expectedVersion: number,
  details: ArticleDetails,
  actorId: string | null,
  client: PrismaClient = getDb(),
) {
  return client.$transaction(async (tx) => {
    const before = await getArticleForEdit(id, tx)
    if (!before) return null
    const after = await updateArticleAtVersion(id, expectedVersion, details, tx)
    // The version is read after the refused write, not before it: under PostgreSQL's read-committed
    // isolation the winning edit may have committed in between, and the editor should hear the
    // version it made.
    if (!after) throw new StaleEditError('article', await getArticleVersion(id, tx))
    await recordAuditEvent({ actorId, action: 'article.update-details', objectType: 'Article', objectId: id, before: asJson(before), after: asJson(after) }, tx)
    return after
  })
}

// Deleting an article deletes its claims, suggestions and story memberships with it (the
// schema cascades), so it names the version it read like any other edit, and the audit row
// keeps what was lost: the details and the ids of the claims.
export async function deleteArticleRecord(id: string, expectedVersion: number, actorId: string | null, client: PrismaClient = getDb()): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const before = await getArticleForDelete(id, tx)
    if (!before) return false
    if (!(await deleteArticleAtVersion(id, expectedVersion, tx))) throw new StaleEditError('article', await getArticleVersion(id, tx))
    const { claims, ...details } = before
    await recordAuditEvent(
      { actorId, action: 'article.delete', objectType: 'Article', objectId: id, before: asJson({ ...details, claimIds: claims.map((c) => c.id) }) },
      tx,
    )
    return true
  })
}
