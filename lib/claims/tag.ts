// Turning an editor's selection into a claim: the offsets must still name the words the editor
// saw (the article may have been re-extracted since the page was loaded), the selectors are
// built on the server from the stored text, and the claim date defaults to the article's.
import { describeRange } from '../anchoring/selectors'
import { articleDay } from '../dates/format'
import { DomainError } from '../errors'
import { getArticleBody } from '../queries/articles'
import { createClaimRecord } from './edit'
import type { ClaimFields } from './input'
import { updateClaimMap } from './claim-map'

export class SelectionError extends DomainError {
  constructor(message: string) {
    super('invalid-selection', message)
  }
}

export type Selection = { articleId: string; start: number; end: number; exact: string }

export async function tagClaim(selection: Selection, fields: ClaimFields, actorId: string) {
  const article = await getArticleBody(selection.articleId).catch(() => null)
  if (!article) throw new SelectionError('This article no longer exists.')
  // Leading and trailing spaces of a selection are not part of the claim.
  let { start, end } = selection
  while (start < end && /\s/.test(article.bodyText[start] ?? '')) start++
  while (end > start && /\s/.test(article.bodyText[end - 1] ?? '')) end--
  if (end > article.bodyText.length || start >= end) throw new SelectionError('Select some words of the article first.')
  if (article.bodyText.slice(selection.start, selection.end) !== selection.exact) {
    throw new SelectionError('The article’s text changed since this page was loaded. Reload it and select the words again.')
  }
  const target = describeRange(article.bodyText, start, end)
  const day = fields.claimDate ?? articleDay(article.publishedAt, article.publishedOffset)
  const created = await createClaimRecord(
    {
      articleId: article.id,
      target,
      quote: target[0].exact,
      kind: fields.kind,
      speakerId: fields.speakerId,
      subjectId: fields.subjectId,
      channel: fields.channel,
      claimDate: day ? new Date(`${day}T00:00:00Z`) : null,
      note: fields.note,
    },
    actorId,
  )
  await updateClaimMap(article.id, [created.id])
  return created
}
