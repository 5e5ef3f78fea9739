// npm run bench:extract [-- --repeats N] [-- --only <id-prefix>]
// Extraction speed over the labelled pages (scripts/lib/eval-pages.ts), in one process:
// our full extractArticle, @mozilla/readability on jsdom (the usual alternative), and bare
// cheerio.load (the parse floor no cheerio-based extractor can beat). Each is warmed up, then
// timed over every page per repeat; the figure is the median ms/page over the repeats.
import { Readability } from '@mozilla/readability'
import { load } from 'cheerio'
import { JSDOM, VirtualConsole } from 'jsdom'
import { extractArticle } from '../lib/ingest/extract'
import { extractBody } from '../lib/ingest/html/body'
import { extractionDir, loadEvalPages, type EvalPage } from '../scripts/lib/eval-pages'

type Contender = { name: string; run: (page: EvalPage, html: string) => void }

const quiet = new VirtualConsole()

// jsdom leaves a large heap behind, and garbage collection then slows whatever runs next:
// the cheerio-based contenders go first, Readability last.
const contenders: Contender[] = [
  { name: 'cheerio.load (floor)', run: (_page, html) => void load(html) },
  {
    name: 'claimline extractArticle',
    run: (page) => {
      try {
        extractArticle(page.html, { url: page.truth.url, contentType: 'text/html; charset=utf-8' })
      } catch {
        // A page with no article still costs its parse; the eval reports such pages.
      }
    },
  },
  // The body extractor's own share, apart from metadata and decoding.
  { name: 'cheerio.load + extractBody', run: (_page, html) => void extractBody(load(html)) },
  {
    name: 'readability + jsdom',
    run: (page, html) => {
      try {
        const dom = new JSDOM(html, { url: page.truth.url ?? undefined, virtualConsole: quiet })
        new Readability(dom.window.document).parse()
        dom.window.close()
      } catch {
        // jsdom's CSS parser throws on some real stylesheets (Sass left in a calc()); the
        // time spent until then still counts.
      }
    },
  },
]

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? null) : null
}

function msPerPage(contender: Contender, pages: EvalPage[], texts: string[]): number {
  const started = performance.now()
  pages.forEach((page, i) => contender.run(page, texts[i] ?? ''))
  return (performance.now() - started) / pages.length
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

function main(args: string[]): number {
  const pages = loadEvalPages(option(args, '--only'))
  if (!pages || pages.length === 0) {
    console.error(`No extraction eval set at ${extractionDir()} (set CLAIMLINE_EVAL_DIR to the folder holding extraction/).`)
    return 1
  }
  const repeats = Math.max(3, Number(option(args, '--repeats') ?? 3))
  const decoder = new TextDecoder()
  const texts = pages.map((page) => decoder.decode(page.html))
  console.log(`${pages.length} pages, ${repeats} timed repeats after one warm-up pass each\n`)

  const results = new Map<string, number>()
  for (const contender of contenders) {
    msPerPage(contender, pages, texts)
    const runs = Array.from({ length: repeats }, () => msPerPage(contender, pages, texts))
    const ms = median(runs)
    results.set(contender.name, ms)
    console.log(`${contender.name.padEnd(28)} ${ms.toFixed(2).padStart(8)} ms/page   (runs: ${runs.map((r) => r.toFixed(2)).join(', ')})`)
  }

  const ours = results.get('claimline extractArticle') ?? 0
  const readability = results.get('readability + jsdom') ?? 0
  const floor = results.get('cheerio.load (floor)') ?? 0
  console.log(`\nours vs readability+jsdom: ${(readability / ours).toFixed(1)}× faster (${(ours / readability).toFixed(3)} of its time)`)
  console.log(`ours vs cheerio.load floor: ${(ours / floor).toFixed(2)}× the parse time`)
  const bodyOnly = results.get('cheerio.load + extractBody') ?? 0
  console.log(`load + extractBody vs floor: ${(bodyOnly / floor).toFixed(2)}× the parse time`)
  return 0
}

process.exit(main(process.argv.slice(2)))
