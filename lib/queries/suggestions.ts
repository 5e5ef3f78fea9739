import { getDb } from '../db'
import { uuidv7 } from '../ids'
import { DomainError } from '../errors'
import type { ClaimKind, Prisma, PrismaClient } from '../generated/prisma/client'
import { recordAuditEvent } from './audit'
import { insertClaim, type NewClaim } from './claims'
import type { DbClient } from './client'

export type StoredSuggestion = {
  kind: ClaimKind
  target: Prisma.InputJsonValue
  quote: string
  speakerName: string | null
  speakerId: string | null
  subjectName: string | null
  subjectId: string | null
  confidence: number
  rule: string
}

export async function listOpenSuggestions(articleId: string, client: DbClient = getDb()) {
  return client.claimSuggestion.findMany({ where: { articleId, status: 'open' }, orderBy: { createdAt: 'asc' } })
}

export type OpenSuggestion = Awaited<ReturnType<typeof listOpenSuggestions>>[number]

// The quotes an editor already decided on (accepted or rejected): not proposed again.
export async function listDecidedQuotes(articleId: string, client: DbClient = getDb()): Promise<string[]> {
  return (await client.claimSuggestion.findMany({ where: { articleId, status: { not: 'open' } }, select: { quote: true } })).map((s) => s.quote)
}

// The open suggestions are replaced wholesale; decided ones stay as the record of the decision.
// A `failure` (the engine ran into its limits on this text) is recorded with the version, so
// the article is not analysed again on every open.
// One call to the database function `replace_open_suggestions` (its migration says why): it locks
// the article row first, so that two editors opening a new article at once do not both insert a
// set; with `onlyIfStale`, the second finds the work done and writes nothing (null).
export async function replaceOpenSuggestions(
  articleId: string,
  suggestions: StoredSuggestion[],
  version: string,
  options: { onlyIfStale?: boolean; failure?: string | null } = {},
  client: DbClient = getDb(),
): Promise<number | null> {
  const now = Date.now()
  const rows = suggestions.map((s, i) => ({ ...s, id: uuidv7(now + i) }))
  const [result] = await client.$queryRaw<{ replaced: number | null }[]>`
    SELECT "replace_open_suggestions"(${articleId}::uuid, ${version}, ${options.onlyIfStale ?? false}, ${options.failure ?? null}, ${JSON.stringify(rows)}::jsonb) AS replaced`
  return result?.replaced ?? null
}

export class SuggestionGoneError extends DomainError {
  constructor() {
    super('refused', 'This suggestion was already accepted or rejected (perhaps by another editor). Reload the article.')
  }
}

// Accepting makes the claim and marks the suggestion in one transaction; a suggestion someone
// else decided meanwhile is refused rather than turned into a second claim.
export async function acceptSuggestionRecord(id: string, claim: NewClaim, actorId: string, client: PrismaClient = getDb()) {
  return client.$transaction(async (tx) => {
    const decided = await tx.claimSuggestion.updateMany({
      where: { id, status: 'open' },
      data: { status: 'accepted', decidedById: actorId, decidedAt: new Date() },
    })
    if (decided.count === 0) throw new SuggestionGoneError()
    const created = await insertClaim(claim, actorId, tx)
    await tx.claimSuggestion.update({ where: { id }, data: { claimId: created.id } })
    await recordAuditEvent({ actorId, action: 'suggestion.accept', objectType: 'Claim', objectId: created.id, after: { suggestionId: id } }, tx)
    return created
  })
}

export async function rejectSuggestionRecord(id: string, actorId: string, client: PrismaClient = getDb()): Promise<void> {
  await client.$transaction(async (tx) => {
    const decided = await tx.claimSuggestion.updateMany({
      where: { id, status: 'open' },
      data: { status: 'rejected', decidedById: actorId, decidedAt: new Date() },
    })
    if (decided.count === 0) throw new SuggestionGoneError()
    const row = await tx.claimSuggestion.findUniqueOrThrow({ where: { id }, select: { articleId: true, quote: true, kind: true } })
    await recordAuditEvent(
      { actorId, action: 'suggestion.reject', objectType: 'Article', objectId: row.articleId, after: { suggestionId: id, kind: row.kind, quote: row.quote } },
      tx,
    )
  })
}

export async function getSuggestion(id: string, client: DbClient = getDb()) {
  return client.claimSuggestion.findUnique({ where: { id } })
}
