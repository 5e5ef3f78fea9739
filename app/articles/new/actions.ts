'use server'
// Server actions of the "Add articles" page. They validate the form, then call the same
// ingestion service as the API and the CLI.
import { z } from 'zod'
import { guardedAction } from '@/lib/auth/guard'
import { formText } from '@/lib/http/form'
import { formatByline } from '@/lib/ingest/extract/bylines'
import { MAX_URL_LENGTH } from '@/lib/urls'
import { DomainError } from '@/lib/errors'
import { MAX_INPUT_BYTES } from '@/lib/ingest/extract/extract'
import { draftOnWorker } from '@/lib/ingest/store/off-thread'
import { fetchArticle } from '@/lib/ingest/fetch/fetch-url'
import { ingestOne, type IngestInput, type IngestResult } from '@/lib/ingest/store/ingest'
import { ingestSources } from '@/lib/ingest/fetch/sources'
import { firstIssue } from '@/lib/validation'

export type Preview = {
  title: string | null
  standfirst: string | null
  byline: string | null
  publisher: string | null
  dateline: string | null
  published: string | null
  warnings: string[]
  paragraphs: number
  opening: string
  closing: string
}

export type PreviewState = { preview: Preview | null; error: string | null }
// notices: what the editor must know besides the results (a feed cut to its first items).
export type ResultsState = { results: IngestResult[]; error: string | null; notices?: string[] }

const MAX_FILES = 200
const MAX_URLS = 50

const pasted = z.object({
  content: z.string().trim().min(1, 'Paste the article text or HTML first.').max(MAX_INPUT_BYTES, 'That is more than 20 MB of text.'),
  url: z.union([
    z.literal(''),
    z
      .url({ protocol: /^https?$/, error: 'The original URL must be an http(s) address.' })
      .max(MAX_URL_LENGTH, `The original URL is at most ${MAX_URL_LENGTH.toLocaleString('en')} characters.`),
  ]),
})

const fixes = z.object({
  title: z.string().trim().max(500),
  publishedAt: z.union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true, local: false })], {
    error: 'Give the date as YYYY-MM-DD, or a date-time with its offset (2013-06-06T20:43:00-04:00).',
  }),
  bylines: z.string().trim().max(1000),
  publisher: z.string().trim().max(200),
})

function pastedInput(form: FormData): IngestInput | string {
  const parsed = pasted.safeParse({ content: formText(form, 'content'), url: formText(form, 'url').trim() })
  if (!parsed.success) return firstIssue(parsed.error, 'Invalid input.')
  const { content, url } = parsed.data
  return { bytes: new TextEncoder().encode(content), name: url || 'pasted text', url: url || null }
}

export const previewPaste = guardedAction('editor', async (_user, _previous: PreviewState, form: FormData): Promise<PreviewState> => {
  const input = pastedInput(form)
  if (typeof input === 'string') return { preview: null, error: input }
  try {
    const draft = await draftOnWorker(input.bytes, { url: input.url })
    return {
      error: null,
      preview: {
        title: draft.title,
        standfirst: draft.standfirst,
        byline: formatByline(draft.bylines),
        publisher: draft.publisher,
        dateline: draft.dateline,
        published: draft.published?.iso ?? null,
        warnings: draft.warnings,
        paragraphs: draft.paragraphs.length,
        opening: draft.paragraphs[0] ?? '',
        closing: draft.paragraphs.at(-1) ?? '',
      },
    }
  } catch (error) {
    return { preview: null, error: error instanceof DomainError ? error.message : 'The text could not be read.' }
  }
})

export const savePaste = guardedAction('editor', async (user, _previous: ResultsState, form: FormData): Promise<ResultsState> => {
  const input = pastedInput(form)
  if (typeof input === 'string') return { results: [], error: input }
  const corrected = fixes.safeParse({
    title: formText(form, 'title'),
    publishedAt: formText(form, 'publishedAt').trim(),
    bylines: formText(form, 'bylines'),
    publisher: formText(form, 'publisher'),
  })
  if (!corrected.success) return { results: [], error: firstIssue(corrected.error, 'Invalid correction.') }
  const { title, publishedAt, bylines, publisher } = corrected.data
  const result = await ingestOne(input, {
    actorId: user.id,
    fixes: {
      title: title || undefined,
      publishedAt: publishedAt || undefined,
      bylines: bylines ? bylines.split(/\s*(?:,|\band\b)\s*/).filter(Boolean) : undefined,
      publisher: publisher || undefined,
    },
  })
  return { results: [result], error: null }
})

export const ingestFiles = guardedAction('editor', async (user, _previous: ResultsState, form: FormData): Promise<ResultsState> => {
  const files = form.getAll('files').filter((f): f is File => typeof f !== 'string' && f.size > 0)
  if (files.length === 0) return { results: [], error: 'Choose one or more files first.' }
  if (files.length > MAX_FILES) return { results: [], error: `At most ${MAX_FILES} files at a time.` }
  const sources = files.map((file) => ({
    name: file.name,
    load: async (): Promise<IngestInput> => ({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, contentType: file.type || null }),
  }))
  return { ...(await ingestSources(sources, { actorId: user.id })), error: null }
})

export const ingestUrls = guardedAction('editor', async (user, _previous: ResultsState, form: FormData): Promise<ResultsState> => {
  const urls = formText(form, 'urls')
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean)
  if (urls.length === 0) return { results: [], error: 'Enter one or more URLs, one per line.' }
  if (urls.length > MAX_URLS) return { results: [], error: `At most ${MAX_URLS} URLs at a time.` }
  return {
    ...(await ingestSources(
      urls.map((url) => ({ name: url, load: () => fetchArticle(url) })),
      { actorId: user.id },
    )),
    error: null,
  }
})
