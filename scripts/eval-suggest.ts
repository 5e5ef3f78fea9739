// npm run eval:suggest [-- --gold PATH] [--check FLOOR.json]
// Scores lib/claims/suggest against labelled claims: the seed articles (prisma/demo/, or the
// labels given with --gold) and the synthetic articles in tests/fixtures/suggest/ as a
// generalisation check. Each set is run with the entities an editor would have curated and
// with none (as for a new article). Prints precision, recall, kind and speaker accuracy overall
// and per article, then the misses and false positives; --check exits 1 below a floor.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { suggestClaims, type KnownEntity } from '../lib/claims/suggest/suggest'
import { metrics, scoreArticle, totals, type ArticleScore, type GoldClaim, type Metrics, type Totals } from '../lib/claims/suggest/score'
import { extractArticle } from '../lib/ingest/extract'
import { joinParagraphs } from '../lib/ingest/normalize'

const claim = z.object({ kind: z.enum(['statement', 'denial', 'allegation', 'report', 'other']), speaker: z.string(), subject: z.string(), exact: z.string() })
const entity = z.object({ id: z.string().optional(), kind: z.enum(['company', 'person', 'agency', 'outlet', 'programme']), name: z.string(), aliases: z.array(z.string()), affiliation: z.string().optional() })
const goldFile = z.object({ articles: z.array(z.object({ file: z.string(), claims: z.array(claim), entities: z.array(entity).optional() })) })

// The seeds' entities as the demo loader creates them (lib/demo/load-demo.ts keeps its list private).
const SEED_ENTITIES: z.infer<typeof entity>[] = [
  { kind: 'company', name: 'Microsoft', aliases: ['Microsoft Corp', 'Microsoft Corporation'] },
  { kind: 'outlet', name: 'The Washington Post', aliases: ['Washington Post', 'the Post'] },
  { kind: 'person', name: 'Brad Smith', aliases: ['Smith'], affiliation: 'Microsoft' },
  { kind: 'person', name: 'Edward Snowden', aliases: ['Snowden', 'leaked documents provided by Edward Snowden'] },
  { kind: 'programme', name: 'PRISM', aliases: ['PEISM'] },
]

const floorFile = z.record(z.string(), z.object({ precision: z.number(), recall: z.number(), kindAccuracy: z.number().optional(), speakerAccuracy: z.number().optional() }))

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

function loadSet(name: string, goldPath: string, textDir: string, defaultEntities: z.infer<typeof entity>[]): EvalSet {
  const gold = goldFile.parse(JSON.parse(readFileSync(goldPath, 'utf8')))
  return {
    name,
    articles: gold.articles.map((a) => ({ file: a.file, bytes: readFileSync(path.join(textDir, a.file)), claims: a.claims, entities: a.entities ?? defaultEntities })),
  }
}

type EvalSet = { name: string; articles: { file: string; bytes: Uint8Array; claims: GoldClaim[]; entities: KnownEntity[] }[] }
type SetResult = { name: string; metrics: Metrics; totals: Totals; articles: { file: string; score: ArticleScore; metrics: Metrics }[] }

// Bodies as the app stores them: extracted, paragraphs normalised and joined.
function score(set: EvalSet, mode: 'entities' | 'none'): SetResult {
  const bodies = set.articles.map((a) => joinParagraphs(extractArticle(a.bytes).paragraphs))
  const scores = set.articles.map((a, i) => {
    const entities = mode === 'entities' ? a.entities : []
    // Speakers are matched with the set's entities in both modes: an alias is the same speaker.
    return scoreArticle(bodies[i]!, a.claims, suggestClaims(bodies[i]!, { entities }), a.entities)
  })
  const t = totals(scores, (i) => bodies[i]!)
  return {
    name: `${set.name}/${mode}`,
    metrics: metrics(t),
    totals: t,
    articles: set.articles.map((a, i) => ({ file: a.file, score: scores[i]!, metrics: metrics(totals([scores[i]!], () => bodies[i]!)) })),
  }
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(6)

function report(result: SetResult): void {
  const m = result.metrics
  console.log(`\n${result.name}: precision ${pct(m.precision)}  recall ${pct(m.recall)}  kind ${pct(m.kindAccuracy)}  speaker ${pct(m.speakerAccuracy)}  (${result.totals.found}/${result.totals.gold} found, ${result.totals.suggested} suggested)`)
  for (const a of result.articles) {
    const am = a.metrics
    console.log(`  ${a.file.padEnd(28)} precision ${pct(am.precision)}  recall ${pct(am.recall)}  kind ${pct(am.kindAccuracy)}  speaker ${pct(am.speakerAccuracy)}`)
    for (const c of a.score.claims) {
      if (!c.found) console.log(`    miss     [${c.gold.kind}] ${c.gold.speaker}: "${c.gold.exact.slice(0, 90)}"`)
      else if (!c.speakerOk) console.log(`    speaker  [${c.gold.kind}] gold "${c.gold.speaker}", suggested "${c.found.speaker}": "${c.gold.exact.slice(0, 60)}"`)
    }
    for (const s of a.score.falsePositives) console.log(`    false+   [${s.kind}] ${s.speaker ?? '-'} (${s.rule}): "${s.exact.slice(0, 90)}"`)
  }
}

function main(args: string[]): number {
  const goldPath = option(args, '--gold') ?? path.join('prisma', 'demo', 'seeds.gold.json')
  const seeds = loadSet('seeds', goldPath, path.join('prisma', 'demo'), SEED_ENTITIES)
  const extra = loadSet('synthetic', path.join('tests', 'fixtures', 'suggest', 'gold.json'), path.join('tests', 'fixtures', 'suggest'), [])
  const results: SetResult[] = []
  for (const set of [seeds, extra]) {
    results.push(score(set, 'entities'))
    results.push(score(set, 'none'))
  }
  for (const r of results) report(r)

  const floorPath = option(args, '--check')
  if (!floorPath) return 0
  const floor = floorFile.parse(JSON.parse(readFileSync(floorPath, 'utf8')))
  let failed = false
  for (const r of results) {
    const f = floor[r.name]
    if (!f) continue
    for (const key of ['precision', 'recall', 'kindAccuracy', 'speakerAccuracy'] as const) {
      const min = f[key]
      if (min !== undefined && r.metrics[key] < min) {
        console.error(`${r.name}: ${key} ${r.metrics[key].toFixed(3)} is below the floor ${min}`)
        failed = true
      }
    }
  }
  console.log(failed ? '\nBelow the floor.' : '\nAt or above the floor.')
  return failed ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
