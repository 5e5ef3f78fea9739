// Re-running a newer extractor over the raw source kept with each article. Metadata is always
// refreshed; the body is replaced only when no claim is anchored to the current text (claims
// would otherwise point at words that moved), and that case is reported.
import { gunzipSync } from 'node:zlib'
import { getDb } from '../db'
import { getArticleSource, replaceArticleExtraction } from '../queries/articles'
import { recordAuditEvent } from '../queries/audit'
import { IngestError } from './errors'
import { extractArticle } from './extract'
import { bodyHash, paragraphFingerprints } from './fingerprint'
import { publishedFields } from './ingest'
import { joinParagraphs } from './normalize'

export type ReextractResult = {
  id: string
  title: string
  status: 'updated' | 'unchanged' | 'body-kept' | 'failed'
  message?: string
}

export async function reextractArticle(id: string, actorId: string | null, db = getDb()): Promise<ReextractResult> {
  const source = await getArticleSource(id, db)
  if (!source) return { id, title: '', status: 'failed', message: 'No such article.' }
  if (!source.rawSource) return { id, title: source.title, status: 'failed', message: 'The raw source was not kept.' }
  try {
    const raw = gunzipSync(source.rawSource)
    const draft = extractArticle(raw, { url: source.sourceUrl, contentType: source.rawMediaType })
    const body = joinParagraphs(draft.paragraphs)
    const bodyChanged = bodyHash(body) !== bodyHash(source.bodyText)
    const keepBody = bodyChanged && source._count.claims > 0
    // An editor's date outranks any extractor's.
    const published = source.publishedSource === 'editor' ? {} : publishedFields(draft.published)
    const fields = {
      title: draft.title ?? source.title,
      standfirst: draft.standfirst,
      bylines: draft.bylines,
      dateline: draft.dateline,
      language: draft.language,
      ...published,
      extractorVersion: draft.extractorVersion,
      extractionWarnings: keepBody ? [...draft.warnings, 'Re-extraction changed the text; the old text was kept because claims are anchored to it.'] : draft.warnings,
      ...(bodyChanged && !keepBody ? { bodyText: body, bodyHash: bodyHash(body) } : {}),
    }
    await db.$transaction(async (tx) => {
      await replaceArticleExtraction(id, fields, bodyChanged && !keepBody ? paragraphFingerprints(draft.paragraphs) : null, tx)
      await recordAuditEvent({ actorId, action: 'article.reextract', objectType: 'Article', objectId: id, before: { extractorVersion: source.extractorVersion }, after: { extractorVersion: draft.extractorVersion, bodyChanged, keepBody } }, tx)
    })
    if (keepBody) return { id, title: fields.title, status: 'body-kept', message: `${source._count.claims} claims are anchored to the current text` }
    return { id, title: fields.title, status: bodyChanged || source.extractorVersion !== draft.extractorVersion ? 'updated' : 'unchanged' }
  } catch (error) {
    const message = error instanceof IngestError || error instanceof Error ? error.message : String(error)
    return { id, title: source.title, status: 'failed', message }
  }
}
