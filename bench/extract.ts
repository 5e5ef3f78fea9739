// npm run bench:extract [-- --repeats N] [-- --only <id-prefix>]
// Extraction speed over the labelled pages (scripts/lib/eval-pages.ts), in one process:
// our full extractArticle, @mozilla/readability on jsdom (the usual alternative), our parse
// alone (parseHtml: htmlparser2 with the standard's implied end tags and the size bounds, the
// floor no extractor on it can beat), and bare cheerio.load (parse5, the parser we used
// before). Each is warmed up, then timed over every page per repeat; the figures are the median
// ms/page over the repeats, of wall time and of the process's CPU time (user + system, garbage
// collection threads included), which a busy machine inflates far less: the ratios are judged
// on CPU time.
import { Readability } from '@mozilla/readability'
import { load } from 'cheerio'
import { JSDOM, VirtualConsole } from 'jsdom'
import { extractArticle } from '../lib/ingest/extract/extract'
import { extractBody } from '../lib/ingest/extract/html/body'
import { parseHtml } from '../lib/ingest/extract/html/parse'
import { loadEvalPages, missingEvalPages, type EvalPage } from '../scripts/lib/eval-pages'
import { argNumber, argValue, BenchmarkSkipped, isMainModule, runAlone, type BenchRow } from './lib/bench-rows'

type Contender = { name: string; run: (page: EvalPage, html: string) => void }

const quiet = new VirtualConsole()

// jsdom leaves a large heap behind, and garbage collection then slows whatever runs next:
// the cheerio-based contenders go first, Readability last.
const contenders: Contender[] = [
  { name: 'cheerio.load (parse5)', run: (_page, html) => void load(html) },
  { name: 'parseHtml (floor)', run: (_page, html) => void parseHtml(html) },
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
  { name: 'parseHtml + extractBody', run: (_page, html) => void extractBody(parseHtml(html)) },
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

type Timing = { wall: number; cpu: number }

function msPerPage(contender: Contender, pages: EvalPage[], texts: string[]): Timing {
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  pages.forEach((page, i) => contender.run(page, texts[i] ?? ''))
  const cpu = process.cpuUsage(cpuBefore)
  return { wall: (performance.now() - started) / pages.length, cpu: (cpu.user + cpu.system) / 1000 / pages.length }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export type ExtractBenchOptions = { repeats: number; only: string | null }

export function parseExtractOptions(args: readonly string[]): ExtractBenchOptions {
  return { repeats: Math.max(3, argNumber(args, '--repeats', 3)), only: argValue(args, '--only') }
}

const TARGET_VS_READABILITY = 30
const TARGET_VS_FLOOR = 3

export async function run({ repeats, only }: ExtractBenchOptions): Promise<BenchRow[]> {
  const pages = loadEvalPages(only)
  if (!pages) throw new BenchmarkSkipped(missingEvalPages())
  if (pages.length === 0) throw new Error(`No eval page id starts with "${only}"`)
  const decoder = new TextDecoder()
  const texts = pages.map((page) => decoder.decode(page.html))
  console.log(`bench:extract: ${pages.length} pages, ${repeats} timed repeats after one warm-up pass each`)

  const results = new Map<string, Timing>()
  for (const contender of contenders) {
    msPerPage(contender, pages, texts)
    const runs = Array.from({ length: repeats }, () => msPerPage(contender, pages, texts))
    const timing = { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) }
    results.set(contender.name, timing)
    console.log(
      `  ${contender.name.padEnd(28)} ${timing.wall.toFixed(2).padStart(8)} ms/page, CPU ${timing.cpu.toFixed(2).padStart(8)}   (wall runs: ${runs.map((r) => r.wall.toFixed(2)).join(', ')})`,
    )
  }
  const cpuOf = (name: string) => results.get(name)?.cpu ?? Number.NaN
  const ours = cpuOf('claimline extractArticle')
  const readability = cpuOf('readability + jsdom')
  const floor = cpuOf('parseHtml (floor)')
  const cheerioLoad = cpuOf('cheerio.load (parse5)')
  const bodyOnly = cpuOf('parseHtml + extractBody')
  const row = (scenario: string, metric: string, value: number, unit: string, judged?: { target: string; pass: boolean }): BenchRow => ({
    benchmark: 'extract',
    scenario,
    metric,
    value,
    unit,
    ...judged,
  })
  return [
    ...[...results].flatMap(([name, t]) => [row(name, 'per page (median)', t.wall, 'ms'), row(name, 'CPU per page (median)', t.cpu, 'ms')]),
    row('ours vs readability + jsdom', 'speed-up (CPU)', readability / ours, 'x', {
      target: `>= ${TARGET_VS_READABILITY}`,
      pass: readability / ours >= TARGET_VS_READABILITY,
    }),
    row('ours vs parseHtml floor', 'CPU time ratio', ours / floor, 'x', { target: `<= ${TARGET_VS_FLOOR}`, pass: ours / floor <= TARGET_VS_FLOOR }),
    row('ours vs cheerio.load', 'CPU time ratio', ours / cheerioLoad, 'x'),
    row('parse + extractBody vs floor', 'CPU time ratio', bodyOnly / floor, 'x'),
  ]
}

if (isMainModule(import.meta.url)) await runAlone(() => run(parseExtractOptions(process.argv.slice(2))))
