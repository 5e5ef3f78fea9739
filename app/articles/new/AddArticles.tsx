'use client'
// The three ways an editor brings articles in: paste (with a preview to correct before
// saving), upload files, enter URLs or feeds. Each shows one result line per input.
import Link from 'next/link'
import { useActionState, useState } from 'react'
import type { IngestResult } from '@/lib/ingest/store/ingest'
import { ingestFiles, ingestUrls, previewPaste, savePaste, type PreviewState, type ResultsState } from './actions'
import { FormError } from '@/app/components/FormError'

const noResults: ResultsState = { results: [], error: null }
const noPreview: PreviewState = { preview: null, error: null }

function ResultLine({ result }: { result: IngestResult }) {
  switch (result.status) {
    case 'created':
      return (
        <>
          <span className="status status-created">created</span> <Link href={`/articles/${result.article.id}`}>{result.article.title}</Link>
          {result.nearDuplicateOf && (
            <span className="muted">
              {' '}
              — near-duplicate of <Link href={`/articles/${result.nearDuplicateOf.id}`}>{result.nearDuplicateOf.title}</Link> (
              {Math.round(result.nearDuplicateOf.overlap * 100)}% shared)
            </span>
          )}
          {result.warnings.some((w) => w.startsWith('No publication date')) && <span className="flag"> date needed</span>}
        </>
      )
    case 'updated':
      return (
        <>
          <span className="status status-created">updated</span> <Link href={`/articles/${result.article.id}`}>{result.article.title}</Link>
        </>
      )
    case 'duplicate':
      return (
        <>
          <span className="status status-duplicate">duplicate</span> of <Link href={`/articles/${result.article.id}`}>{result.article.title}</Link>{' '}
          <span className="muted">({result.reason === 'same-url' ? 'same URL' : 'same text'})</span>
        </>
      )
    case 'failed':
      return (
        <>
          <span className="status status-failed">failed</span> {result.error.message}
        </>
      )
  }
}

function Results({ state, label }: { state: ResultsState; label: string }) {
  if (state.error) return <FormError error={state.error} />
  if (state.results.length === 0) return null
  return (
    <>
      {state.notices && state.notices.length > 0 && (
        <ul className="warnings" aria-label={`${label}: notices`}>
          {state.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      <ResultList state={state} label={label} />
    </>
  )
}

function ResultList({ state, label }: { state: ResultsState; label: string }) {
  return (
    <ul className="results" aria-label={label}>
      {state.results.map((result, i) => (
        <li key={`${result.name}-${i}`}>
          <span className="result-name">{result.name}</span>: <ResultLine result={result} />
        </li>
      ))}
    </ul>
  )
}

// A browser lays out all of a text box's text: 12 MB of page source froze the tab for 40 s in
// Chromium (and still 12 s with short lines). A paste longer than this is held outside the box.
const SHOWN_PASTE_LIMIT = 500_000

function megabytes(text: string): string {
  return `${(new TextEncoder().encode(text).length / 1_048_576).toFixed(1)} MB`
}

function PasteForm() {
  const [previewState, preview, previewing] = useActionState(previewPaste, noPreview)
  const [content, setContent] = useState('')
  const [url, setUrl] = useState('')
  // Once its article is stored (or found stored already), a preview and its Save button go:
  // the result links to the article, and a second click could only say "duplicate".
  const [stored, setStored] = useState<PreviewState['preview']>(null)
  const [saveState, save, saving] = useActionState(async (previous: ResultsState, form: FormData) => {
    const next = await savePaste(previous, form)
    if (next.results.some((r) => r.status !== 'failed')) {
      setStored(previewState.preview)
      setContent('')
      setUrl('')
    }
    return next
  }, noResults)
  const draft = previewState.preview === stored ? null : previewState.preview
  return (
    <section aria-labelledby="paste-heading" className="add-section">
      <h2 id="paste-heading">Paste text or HTML</h2>
      <form action={preview}>
        <label htmlFor="content">Article text or page HTML</label>
        {content.length > SHOWN_PASTE_LIMIT ? (
          <div id="content" className="paste-held" role="status">
            {megabytes(content)} pasted: too long to show here without freezing the page, and sent whole.{' '}
            <button type="button" onClick={() => setContent('')}>
              Clear
            </button>
            <input type="hidden" name="content" value={content} />
          </div>
        ) : (
          <textarea
            id="content"
            name="content"
            rows={10}
            value={content}
            onChange={(e) => setContent(e.target.value)}
            onPaste={(e) => {
              // A whole saved page pasted in: kept aside rather than laid out in the box.
              const pasted = e.clipboardData.getData('text/plain')
              if (pasted.length <= SHOWN_PASTE_LIMIT) return
              e.preventDefault()
              setContent(pasted)
            }}
            required
          />
        )}
        <label htmlFor="url">Original URL (optional)</label>
        <input id="url" name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
        <button type="submit" disabled={previewing}>
          {previewing ? 'Reading…' : 'Preview'}
        </button>
      </form>
      <FormError error={previewState.error} />
      {draft && (
        <form action={save} className="preview" aria-label="Check and correct before saving">
          <input type="hidden" name="content" value={content} />
          <input type="hidden" name="url" value={url} />
          <p className="muted">
            {draft.paragraphs} paragraphs, from “{draft.opening.slice(0, 80)}…” to “…{draft.closing.slice(-80)}”
          </p>
          {draft.warnings.length > 0 && (
            <ul className="warnings">
              {draft.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <label htmlFor="title">Title</label>
          <input id="title" name="title" defaultValue={draft.title ?? ''} />
          <label htmlFor="publishedAt">Published (YYYY-MM-DD, or date-time with offset)</label>
          <input id="publishedAt" name="publishedAt" defaultValue={draft.published ?? ''} placeholder="date needed" aria-invalid={!draft.published} />
          <label htmlFor="bylines">Byline</label>
          <input id="bylines" name="bylines" defaultValue={draft.byline ?? ''} />
          <label htmlFor="publisher">Outlet</label>
          <input id="publisher" name="publisher" defaultValue={draft.publisher ?? ''} />
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save article'}
          </button>
        </form>
      )}
      <Results state={saveState} label="Saved" />
    </section>
  )
}

function FilesForm() {
  const [state, action, pending] = useActionState(ingestFiles, noResults)
  return (
    <section aria-labelledby="files-heading" className="add-section">
      <h2 id="files-heading">Upload files</h2>
      <form action={action}>
        <label htmlFor="files">Saved pages (.html, .htm, .html.gz), text (.txt) or feeds (.xml, .rss, .atom)</label>
        <input id="files" name="files" type="file" multiple accept=".html,.htm,.gz,.txt,.text,.xml,.rss,.atom" />
        <button type="submit" disabled={pending}>
          {pending ? 'Ingesting…' : 'Ingest files'}
        </button>
      </form>
      <Results state={state} label="Uploaded files" />
    </section>
  )
}

function UrlsForm() {
  const [state, action, pending] = useActionState(ingestUrls, noResults)
  return (
    <section aria-labelledby="urls-heading" className="add-section">
      <h2 id="urls-heading">URLs and feeds</h2>
      <form action={action}>
        <label htmlFor="urls">One article or RSS/Atom feed URL per line</label>
        <textarea id="urls" name="urls" rows={4} placeholder="https://…" />
        <button type="submit" disabled={pending}>
          {pending ? 'Fetching…' : 'Ingest URLs'}
        </button>
      </form>
      <Results state={state} label="Fetched URLs" />
    </section>
  )
}

export function AddArticles() {
  return (
    <>
      <PasteForm />
      <FilesForm />
      <UrlsForm />
    </>
  )
}
