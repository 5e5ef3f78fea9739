// Re-running a newer extractor over the raw source kept with each article. Metadata is always
// refreshed. When the body text changes, every claim is re-anchored in the new text and its
// selectors refreshed; a claim whose words cannot be found is kept as an orphan (never moved
// onto other words), and the result says how many. All of it commits together.
import { gunzipSync } from 'node:zlib'
import { getDb } from '../../db'
import { getArticleSource, replaceArticleExtraction } from '../../queries/articles'
import { reanchorTarget } from '../../anchoring/anchor'
import { claimTarget } from '../../anchoring/selectors'
import { recordAuditEvent } from '../../queries/audit'
import { listClaimTargets, setClaimAnchoring } from '../../queries/claims'
import type { DbClient } from '../../queries/client'
import { IngestError } from '../errors'
import { draftOnWorker } from './off-thread'
import { bodyHash } from './fingerprint'
import { draftRow } from './prepare'

export type ReextractResult = {
  id: string
  title: string
  status: 'updated' | 'unchanged' | 'failed'
  message?: string
  reanchored?: number
  orphaned?: number
}

export async function reextractArticle(id: string, actorId: string | null, db = getDb()): Promise<ReextractResult> {
  const source = await getArticleSource(id, db)
  if (!source) return { id, title: '', status: 'failed', message: 'No such article.' }
  if (!source.rawSource) return { id, title: source.title, status: 'failed', message: 'The raw source was not kept.' }
  try {
    const raw = gunzipSync(source.rawSource)
    const draft = await draftOnWorker(raw, { url: source.sourceUrl, contentType: source.rawMediaType })
    const row = draftRow(draft)
    const bodyChanged = row.hash !== bodyHash(source.bodyText)
    const fields = {
      title: draft.title ?? source.title,
      ...row.columns,
      // An editor's date outranks any extractor's.
      ...(source.publishedSource === 'editor' ? {} : row.published),
      // New text: suggested afresh when an editor next opens it (rejections are remembered by their words).
      ...(bodyChanged ? { bodyText: row.body, bodyHash: row.hash, suggestedWith: null, suggestFailure: null } : {}),
    }
    const counts = await db.$transaction(async (tx) => {
      await replaceArticleExtraction(id, fields, bodyChanged ? row.fingerprints : null, tx)
      const moved = bodyChanged ? await reanchorClaims(id, row.body, actorId, tx) : { reanchored: 0, orphaned: 0 }
      await recordAuditEvent(
        {
          actorId,
          action: 'article.reextract',
          objectType: 'Article',
          objectId: id,
          before: { extractorVersion: source.extractorVersion },
          after: { extractorVersion: draft.extractorVersion, bodyChanged, ...moved },
        },
        tx,
      )
      return moved
    })
    const status = bodyChanged || source.extractorVersion !== draft.extractorVersion ? 'updated' : 'unchanged'
    const message = counts.orphaned > 0 ? `${counts.orphaned} claim(s) could not be found in the new text and are now orphans` : undefined
    return { id, title: fields.title, status, message, ...counts }
  } catch (error) {
    const message = error instanceof IngestError || error instanceof Error ? error.message : String(error)
    return { id, title: source.title, status: 'failed', message }
  }
}

async function reanchorClaims(articleId: string, body: string, actorId: string | null, tx: DbClient): Promise<{ reanchored: number; orphaned: number }> {
  let reanchored = 0
  let orphaned = 0
  for (const claim of await listClaimTargets(articleId, tx)) {
    const target = claimTarget.safeParse(claim.target)
    const found = target.success ? reanchorTarget(body, target.data) : null
    if (found) {
      await setClaimAnchoring(claim.id, { target: found.target, quote: found.target[0].exact, status: 'active' }, actorId, tx)
      reanchored++
    } else {
      if (claim.status !== 'orphan') await setClaimAnchoring(claim.id, { status: 'orphan' }, actorId, tx)
      orphaned++
    }
  }
  return { reanchored, orphaned }
}
