// npm run eval:readability -- DIR [--worst N] [--only <name-prefix>]
// A second development set: the test pages of mozilla/readability (DIR is its test/test-pages,
// one folder per page with source.html, expected.html and expected-metadata.json; Apache-2.0).
// Its expectations are Readability's own output, not a person's labels, so a disagreement is a
// page to read by hand, not necessarily our miss; the scores say where to look and whether a
// change moved anything on pages we did not tune to. Body F1 is the eval:extract metric against
// the text of expected.html; title and byline as eval:extract scores them; the date only where
// Readability found one. Dev tooling: the app itself never reads these pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'cheerio'
import { z } from 'zod'
import { formatByline } from '../lib/ingest/extract/bylines'
import { extractArticle } from '../lib/ingest/extract/extract'
import { overlapF1, sameAuthor, sameTitle, shingleOverlap, type Overlap } from './lib/extraction-metric'

const expectedSchema = z.object({
  title: z.string().nullish(),
  byline: z.string().nullish(),
  publishedTime: z.string().nullish(),
})

type Score = {
  name: string
  body: Overlap
  title: boolean | null
  author: boolean | null
  date: boolean | null
  got: { title: string | null; byline: string; date: string | null; error: string | null }
  expected: z.infer<typeof expectedSchema>
}

// Readability's byline is sometimes a whole sentence or a date line; a label with no letters
// or longer than a credit is no label.
const usable = (value: string | null | undefined): value is string => !!value && value.trim() !== '' && value.length <= 100

function scorePage(dir: string, name: string): Score {
  const folder = path.join(dir, name)
  const expected = expectedSchema.parse(JSON.parse(readFileSync(path.join(folder, 'expected-metadata.json'), 'utf8')))
  const truthBody = load(readFileSync(path.join(folder, 'expected.html'), 'utf8'))
    .root()
    .text()
  let title: string | null = null
  let byline = ''
  let date: string | null = null
  let body = ''
  let error: string | null = null
  try {
    const draft = extractArticle(readFileSync(path.join(folder, 'source.html')), {
      url: `http://fakehost/test/${name}/`,
      contentType: 'text/html; charset=utf-8',
    })
    title = draft.title
    byline = formatByline(draft.bylines) ?? ''
    date = draft.published?.iso.slice(0, 10) ?? null
    body = draft.paragraphs.join('\n\n')
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  return {
    name,
    body: shingleOverlap(body, truthBody),
    title: usable(expected.title) ? sameTitle(title, expected.title) : null,
    author: usable(expected.byline) ? sameAuthor(byline, expected.byline) : null,
    date: expected.publishedTime ? date === expected.publishedTime.slice(0, 10) : null,
    got: { title, byline, date, error },
    expected,
  }
}

function share(values: (boolean | null)[]): string {
  const known = values.filter((v): v is boolean => v !== null)
  return known.length === 0 ? '—' : `${((100 * known.filter(Boolean).length) / known.length).toFixed(1)}% of ${known.length}`
}

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? null) : null
}

function main(args: string[]): number {
  const dir = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'))
  if (!dir || !existsSync(dir)) {
    console.error('usage: npm run eval:readability -- <mozilla/readability checkout>/test/test-pages [--worst N] [--only prefix]')
    return 2
  }
  const only = option(args, '--only')
  const names = readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'source.html')) && (!only || name.startsWith(only)))
    .sort()
  const scores = names.map((name) => scorePage(dir, name))
  const f1s = scores.map((s) => overlapF1(s.body))
  console.log(
    `pages ${scores.length}  body F1 (mean of pages) ${(f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length)).toFixed(3)}  title ${share(scores.map((s) => s.title))}  byline ${share(scores.map((s) => s.author))}  date ${share(scores.map((s) => s.date))}  errors ${scores.filter((s) => s.got.error).length}`,
  )
  const worst = Number(option(args, '--worst') ?? 0)
  if (worst > 0) {
    console.log(`\nWorst ${worst} pages by body F1:`)
    for (const s of [...scores].sort((a, b) => overlapF1(a.body) - overlapF1(b.body)).slice(0, worst)) {
      console.log(
        `  ${s.name.padEnd(36)} F1 ${overlapF1(s.body).toFixed(3)}  tp ${s.body.tp} fp ${s.body.fp} fn ${s.body.fn}${s.got.error ? `  error: ${s.got.error}` : ''}`,
      )
    }
    const fields = [
      ['title', (s: Score) => [s.expected.title, s.got.title]],
      ['author', (s: Score) => [s.expected.byline, s.got.byline]],
      ['date', (s: Score) => [s.expected.publishedTime, s.got.date]],
    ] as const
    for (const [field, pair] of fields) {
      const misses = scores.filter((s) => s[field] === false)
      console.log(`\n${field} disagreements (${misses.length}):`)
      for (const s of misses.slice(0, worst)) {
        const [want, got] = pair(s)
        console.log(`  ${s.name.padEnd(36)} readability ${JSON.stringify(want)}  ours ${JSON.stringify(got)}`)
      }
    }
  }
  return 0
}

process.exit(main(process.argv.slice(2)))
