// npm run eval:extract [-- --json out.json] [-- --check floors.json] [-- --only <id-prefix>] [-- --worst N]
// Scores the extractor on the labelled pages in ../shared/eval/extraction (or $CLAIMLINE_EVAL_DIR/extraction),
// with the metric of ../shared/eval/README.md:
//   body   ScrapingHub's: \w+ tokens, 4-word shingles with counts; per-page precision and recall
//          from shingle-count overlaps, averaged over pages; F1 of the averages
//   title  equal after lower-casing, NFKC and folding to \w+ tokens
//   author the normalised truth contains, or is contained in, the extracted byline
//   date   the YYYY-MM-DD of the extracted publication date equals the truth's
// Dev tooling: the app itself never reads ../shared.
import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { formatByline } from '../lib/ingest/extract/bylines'
import { extractArticle } from '../lib/ingest/extract/extract'
import type { ArticleDraft } from '../lib/ingest/types'
import { loadEvalPages, missingEvalPages, type Truth } from './lib/eval-pages'
import { fold, overlapF1, sameAuthor, sameTitle, shingleOverlap } from './lib/extraction-metric'

const floorsSchema = z.object({ bodyF1: z.number(), title: z.number(), author: z.number(), date: z.number() })

// The WCXB snippets come as a Python-style list literal or a JSON array.
function snippets(value: string | string[] | null | undefined): string[] {
  if (!value) return []
  if (Array.isArray(value)) return value
  const found: string[] = []
  const literal = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g
  for (let m = literal.exec(value); m; m = literal.exec(value)) found.push((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'))
  return found
}

type PageScore = {
  id: string
  source: string
  ms: number
  error: string | null
  body: { tp: number; fp: number; fn: number }
  title: boolean | null
  author: boolean | null
  date: boolean | null
  snippets: boolean | null
  extracted: { title: string | null; byline: string; date: string | null }
}

function scorePage(id: string, truth: Truth, html: Uint8Array): PageScore {
  const started = performance.now()
  let draft: ArticleDraft | null = null
  let error: string | null = null
  try {
    draft = extractArticle(html, { url: truth.url, contentType: 'text/html; charset=utf-8' })
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  const ms = performance.now() - started
  const body = draft?.paragraphs.join('\n\n') ?? ''
  const byline = formatByline(draft?.bylines ?? []) ?? ''
  const date = draft?.published?.iso.slice(0, 10) ?? null
  const foldedBody = fold(body)
  const withs = snippets(truth.with).map(fold)
  const withouts = snippets(truth.without).map(fold)
  return {
    id,
    source: truth.source.startsWith('scrapinghub') ? 'scrapinghub' : 'wcxb',
    ms,
    error,
    body: shingleOverlap(body, truth.body),
    title: truth.title === null ? null : sameTitle(draft?.title ?? null, truth.title),
    author: truth.author === null ? null : sameAuthor(byline, truth.author),
    date: truth.published === null ? null : date === truth.published.slice(0, 10),
    snippets: withs.length + withouts.length === 0 ? null : withs.every((s) => foldedBody.includes(s)) && withouts.every((s) => !foldedBody.includes(s)),
    extracted: { title: draft?.title ?? null, byline, date },
  }
}

// Shares are null where no page of the set carries that label.
type Summary = {
  pages: number
  bodyP: number
  bodyR: number
  bodyF1: number
  title: number | null
  author: number | null
  date: number | null
  snippets: number | null
  errors: number
  msPerPage: number
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
}

function share(values: (boolean | null)[]): number | null {
  const known = values.filter((v): v is boolean => v !== null)
  return known.length === 0 ? null : known.filter(Boolean).length / known.length
}

export function summarise(scores: PageScore[]): Summary {
  const precision = mean(scores.filter((s) => s.body.tp + s.body.fp > 0).map((s) => s.body.tp / (s.body.tp + s.body.fp)))
  const recall = mean(scores.filter((s) => s.body.tp + s.body.fn > 0).map((s) => s.body.tp / (s.body.tp + s.body.fn)))
  const sorted = scores.map((s) => s.ms).sort((a, b) => a - b)
  return {
    pages: scores.length,
    bodyP: precision,
    bodyR: recall,
    bodyF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    title: share(scores.map((s) => s.title)),
    author: share(scores.map((s) => s.author)),
    date: share(scores.map((s) => s.date)),
    snippets: share(scores.map((s) => s.snippets)),
    errors: scores.filter((s) => s.error).length,
    msPerPage: sorted[Math.floor(sorted.length / 2)] ?? 0,
  }
}

const pageF1 = (s: PageScore) => overlapF1(s.body)

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? null) : null
}

function main(args: string[]): number {
  const pages = loadEvalPages(option(args, '--only'))
  if (!pages) {
    console.error(missingEvalPages())
    return 1
  }
  const truth: Record<string, Truth> = Object.fromEntries(pages.map((page) => [page.id, page.truth]))
  const scores = pages.map((page) => scorePage(page.id, page.truth, page.html))

  const groups: [string, PageScore[]][] = [
    ['scrapinghub', scores.filter((s) => s.source === 'scrapinghub')],
    ['wcxb', scores.filter((s) => s.source === 'wcxb')],
    ['all', scores],
  ]
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`).padStart(7)
  const num = (x: number) => x.toFixed(3).padStart(7)
  console.log('set          pages  body P  body R body F1   title  author    date snippets errors  ms/page')
  const summaries: Record<string, Summary> = {}
  for (const [name, group] of groups) {
    if (group.length === 0) continue
    const s = summarise(group)
    summaries[name] = s
    console.log(
      `${name.padEnd(12)} ${String(s.pages).padStart(5)} ${num(s.bodyP)} ${num(s.bodyR)} ${num(s.bodyF1)} ${pct(s.title)} ${pct(s.author)} ${pct(s.date)}  ${pct(s.snippets)} ${String(s.errors).padStart(6)} ${s.msPerPage.toFixed(1).padStart(8)}`,
    )
  }

  const worst = Number(option(args, '--worst') ?? 0)
  if (worst > 0) {
    console.log(`\nWorst ${worst} pages by body F1:`)
    for (const s of [...scores].sort((a, b) => pageF1(a) - pageF1(b)).slice(0, worst)) {
      console.log(`  ${s.id.padEnd(24)} F1 ${pageF1(s).toFixed(3)}  tp ${s.body.tp} fp ${s.body.fp} fn ${s.body.fn}${s.error ? `  error: ${s.error}` : ''}`)
    }
    for (const field of ['title', 'author', 'date'] as const) {
      const misses = scores.filter((s) => s[field] === false)
      console.log(`\n${field} misses (${misses.length}):`)
      for (const s of misses.slice(0, worst)) {
        const expected = field === 'title' ? truth[s.id]?.title : field === 'author' ? truth[s.id]?.author : truth[s.id]?.published
        const got = field === 'title' ? s.extracted.title : field === 'author' ? s.extracted.byline : s.extracted.date
        console.log(`  ${s.id.padEnd(24)} expected ${JSON.stringify(expected)}  got ${JSON.stringify(got)}`)
      }
    }
  }

  const jsonOut = option(args, '--json')
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ summaries, pages: scores }, null, 2))

  const floorsFile = option(args, '--check')
  if (floorsFile) {
    const floors = floorsSchema.parse(JSON.parse(readFileSync(floorsFile, 'utf8')))
    const all = summaries.all
    if (!all) return 1
    const below = (Object.keys(floors) as (keyof typeof floors)[]).filter((key) => (all[key] ?? 0) < floors[key])
    if (below.length > 0) {
      console.error(`\nBelow the regression floor (${floorsFile}): ${below.map((k) => `${k} ${(all[k] ?? 0).toFixed(3)} < ${floors[k]}`).join(', ')}`)
      return 1
    }
    console.log(`\nAt or above the regression floor in ${floorsFile}.`)
  }
  return 0
}

process.exit(main(process.argv.slice(2)))
