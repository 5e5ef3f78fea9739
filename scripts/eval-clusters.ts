// npm run eval:clusters [-- --sets a,b] [--worst N] [--check FLOOR.json]
//
// Scores lib/claims/clusters (claimSimilarity at SAME_CLAIM_THRESHOLD) on hand-labelled pairs of
// claims from different articles: "same" when an editor would file the two as one claim (one
// allegation carried by two outlets, one company statement quoted twice), "different" otherwise.
// Sets:
// - seeds: the two seed articles (tests/fixtures/clusters/pairs.json, checked against
//   prisma/demo/seeds.gold.json);
// - dev: the WeWork articles of the shared eval's claims/dev.json (CLAIMLINE_EVAL_DIR, default
//   ../shared/eval; every exact is checked against its article's body); skipped when absent;
// - polnear: attributions from PolNeAR's train and dev splits (tests/fixtures/clusters/
//   polnear-pairs.json holds references only: the corpus carries no licence), read from
//   POLNEAR_DIR as eval:suggest does; skipped when unset.
// Per set: precision, recall and F1 of "same" at the threshold, a threshold sweep, and the worst
// false positives and misses. --check exits 1 below a floor.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { claimSimilarity, SAME_CLAIM_THRESHOLD, type MatchableClaim } from '../lib/claims/clusters/match'
import { evalDir, missingEvalData } from './lib/eval-dir'
import { POLNEAR_VARIABLE, polnearSplitDir, type PolnearSplit } from './lib/polnear-dir'

const kind = z.enum(['statement', 'denial', 'allegation', 'report', 'other'])
const ourClaim = z.object({ article: z.string(), exact: z.string(), kind, subject: z.string() })
const ourPair = z.object({ a: ourClaim, b: ourClaim, same: z.boolean(), note: z.string().optional() })
const pairsFile = z.object({ subjects: z.record(z.string(), z.array(z.string())), sets: z.record(z.string(), z.array(ourPair)) })
const reference = z.object({ file: z.string(), ranges: z.array(z.tuple([z.number().int(), z.number().int()])).min(1), sha1: z.string() })
const polnearFile = z.object({
  subjects: z.record(z.string(), z.array(z.string())),
  pairs: z.array(z.object({ a: reference, b: reference, same: z.boolean(), subject: z.string().nullable() })),
})
const seedsGold = z.object({ articles: z.array(z.object({ file: z.string(), claims: z.array(z.object({ kind, exact: z.string() })) })) })
const devFile = z.record(z.string(), z.object({ claims: z.array(z.object({ kind, exact: z.string() })) }))
const truthFile = z.record(z.string(), z.object({ body: z.string().nullable() }).loose())

const metricKeys = ['precision', 'recall', 'f1'] as const
type MetricKey = (typeof metricKeys)[number]
const floorFile = z.record(z.string(), z.partialRecord(z.enum(metricKeys), z.number()))

// split: which PolNeAR split a pair comes from ("train" when both claims do), so a threshold or
// weight can be chosen on the train pairs and checked on the rest.
type Pair = { a: MatchableClaim; b: MatchableClaim; same: boolean; note?: string; split?: string }
type Scored = Pair & { score: number }
type Counts = { tp: number; fp: number; fn: number; tn: number }

const FIXTURES = path.join('tests', 'fixtures', 'clusters')

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

// --- the sets ------------------------------------------------------------------------------------

// Our labelled pairs, each exact checked against where it came from: a pair whose words are not
// in its article is a fixture that has drifted from its source, and stops the eval.
function ourSet(name: 'seeds' | 'dev', sourceOf: (article: string) => { body: string; claims: { kind: string; exact: string }[] } | undefined): Pair[] {
  const file = pairsFile.parse(readJson(path.join(FIXTURES, 'pairs.json')))
  const toClaim = (c: z.infer<typeof ourClaim>): MatchableClaim => {
    const source = sourceOf(c.article)
    if (!source) throw new Error(`${name}: no article ${c.article}`)
    if (!source.claims.some((g) => g.exact === c.exact && g.kind === c.kind))
      throw new Error(`${name}: "${c.exact.slice(0, 60)}" (${c.kind}) is not a labelled claim of ${c.article}`)
    if (source.body && !source.body.includes(c.exact)) throw new Error(`${name}: "${c.exact.slice(0, 60)}" is not in the body of ${c.article}`)
    return { quote: c.exact, kind: c.kind, subjectId: c.subject, subjectNames: file.subjects[c.subject] ?? [c.subject] }
  }
  return (file.sets[name] ?? []).map((p) => ({ a: toClaim(p.a), b: toClaim(p.b), same: p.same, note: p.note }))
}

function seedsSet(): Pair[] {
  const gold = seedsGold.parse(readJson(path.join('prisma', 'demo', 'seeds.gold.json')))
  // The gold exacts are over the extracted body, which eval:suggest checks; here only the labels.
  return ourSet('seeds', (article) => {
    const a = gold.articles.find((x) => x.file === article)
    return a && { body: '', claims: a.claims }
  })
}

function devSet(dir: string): Pair[] | string {
  const devPath = path.join(dir, 'claims', 'dev.json')
  const truthPath = path.join(dir, 'extraction', 'truth.json')
  if (!existsSync(devPath) || !existsSync(truthPath)) return missingEvalData('claims/dev.json and extraction/truth.json', dir)
  const dev = devFile.parse(readJson(devPath))
  const truth = truthFile.parse(readJson(truthPath))
  return ourSet('dev', (article) => {
    const labels = dev[article]
    return labels && { body: truth[article]?.body ?? '', claims: labels.claims }
  })
}

function polnearSet(root: string): Pair[] | string {
  const file = polnearFile.parse(readJson(path.join(FIXTURES, 'polnear-pairs.json')))
  const texts = new Map<string, string>()
  const problems: string[] = []
  const quoteOf = (ref: z.infer<typeof reference>): string | null => {
    const [split, name] = ref.file.split('/') as [PolnearSplit, string]
    if (split !== 'train' && split !== 'dev') throw new Error(`polnear: ${ref.file} is not in the train or dev split`)
    let text = texts.get(ref.file)
    if (text === undefined) {
      const dir = polnearSplitDir(root, split)
      const file = dir && path.join(dir, 'text', name)
      text = file && existsSync(file) ? readFileSync(file, 'utf8') : ''
      texts.set(ref.file, text)
    }
    const quote = ref.ranges.map(([start, end]) => text.slice(start, end)).join(' ')
    if (createHash('sha1').update(quote).digest('hex').slice(0, ref.sha1.length) !== ref.sha1) {
      problems.push(ref.file)
      return null
    }
    return quote
  }
  const pairs: Pair[] = []
  for (const p of file.pairs) {
    const a = quoteOf(p.a)
    const b = quoteOf(p.b)
    if (a === null || b === null) continue
    // PolNeAR gives no side: both are taken as reports about the pair's subject.
    const subjectNames = p.subject ? (file.subjects[p.subject] ?? []) : []
    const claim = (quote: string): MatchableClaim => ({ quote, kind: 'report', subjectId: p.subject, subjectNames })
    const split = p.a.file.startsWith('train/') && p.b.file.startsWith('train/') ? 'train' : 'dev'
    pairs.push({ a: claim(a), b: claim(b), same: p.same, split })
  }
  if (pairs.length === 0) return `no PolNeAR text matched the references under ${root} (train and dev splits expected)`
  if (problems.length > 0) console.log(`polnear: ${problems.length} references did not match their text (another PolNeAR version?), first: ${problems[0]}`)
  return pairs
}

// --- scoring -------------------------------------------------------------------------------------

function count(scored: Scored[], threshold: number): Counts {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 }
  for (const s of scored) {
    const said = s.score >= threshold
    if (said && s.same) c.tp++
    else if (said) c.fp++
    else if (s.same) c.fn++
    else c.tn++
  }
  return c
}

function metrics(c: Counts): Record<MetricKey, number> {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 1
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 1
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1 }
}

const f2 = (n: number) => n.toFixed(2)
const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text)

function report(name: string, pairs: Pair[], worst: number): Record<MetricKey, number> {
  const scored: Scored[] = pairs.map((p) => ({ ...p, score: claimSimilarity(p.a, p.b) }))
  const same = pairs.filter((p) => p.same).length
  const c = count(scored, SAME_CLAIM_THRESHOLD)
  const m = metrics(c)
  console.log(`\n${name}: ${pairs.length} pairs (${same} same, ${pairs.length - same} different)`)
  console.log(
    `  at ${SAME_CLAIM_THRESHOLD}: precision ${f2(m.precision)}  recall ${f2(m.recall)}  F1 ${f2(m.f1)}   (${c.tp} right, ${c.fp} false, ${c.fn} missed)`,
  )
  for (const split of new Set(scored.flatMap((s) => (s.split ? [s.split] : [])))) {
    const part = scored.filter((s) => s.split === split)
    const x = metrics(count(part, SAME_CLAIM_THRESHOLD))
    console.log(
      `    ${split}: ${part.length} pairs (${part.filter((s) => s.same).length} same): precision ${f2(x.precision)}  recall ${f2(x.recall)}  F1 ${f2(x.f1)}`,
    )
  }
  const sweep = [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6].map((t) => {
    const x = metrics(count(scored, t))
    return `${t.toFixed(2)} ${f2(x.precision)}/${f2(x.recall)}/${f2(x.f1)}`
  })
  console.log(`  sweep (P/R/F1): ${sweep.join('  ')}`)
  const line = (s: Scored) => `    ${f2(s.score)}  "${clip(s.a.quote, 70)}"  |  "${clip(s.b.quote, 70)}"${s.note ? `  (${s.note})` : ''}`
  const falsePositives = scored.filter((s) => !s.same && s.score >= SAME_CLAIM_THRESHOLD).sort((x, y) => y.score - x.score)
  const misses = scored.filter((s) => s.same && s.score < SAME_CLAIM_THRESHOLD).sort((x, y) => x.score - y.score)
  if (worst > 0 && falsePositives.length > 0) console.log(`  worst false positives:\n${falsePositives.slice(0, worst).map(line).join('\n')}`)
  if (worst > 0 && misses.length > 0) console.log(`  worst misses:\n${misses.slice(0, worst).map(line).join('\n')}`)
  return m
}

function main(args: string[]): number {
  const wanted = option(args, '--sets')?.split(',')
  const want = (name: string) => !wanted || wanted.includes(name)
  const worst = Number(option(args, '--worst') ?? 5)
  const results = new Map<string, Record<MetricKey, number>>()
  if (want('seeds')) results.set('seeds', report('seeds', seedsSet(), worst))
  if (want('dev')) {
    const dev = devSet(evalDir())
    if (typeof dev === 'string') console.log(`\ndev: skipped. ${dev}`)
    else results.set('dev', report('dev', dev, worst))
  }
  if (want('polnear')) {
    const root = process.env[POLNEAR_VARIABLE] ? path.resolve(process.env[POLNEAR_VARIABLE]) : null
    const polnear = root ? polnearSet(root) : `${POLNEAR_VARIABLE} is not set (a copy of the PolNeAR repository or its data/ folder)`
    if (typeof polnear === 'string') console.log(`\npolnear: skipped. ${polnear}`)
    else results.set('polnear', report('polnear', polnear, worst))
  }

  const floorPath = option(args, '--check')
  if (!floorPath) return 0
  const floor = floorFile.parse(readJson(floorPath))
  let failed = false
  for (const [name, mins] of Object.entries(floor)) {
    const m = results.get(name)
    if (!m) {
      console.error(`${name}: not scored (its data is missing), so its floor cannot be checked`)
      failed = true
      continue
    }
    for (const [key, min] of Object.entries(mins) as [MetricKey, number][]) {
      if (m[key] < min) {
        console.error(`${name}: ${key} ${m[key].toFixed(3)} is below the floor ${min}`)
        failed = true
      }
    }
  }
  console.log(failed ? '\nBelow the floor.' : '\nAt or above the floor.')
  return failed ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
