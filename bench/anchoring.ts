// npm run bench:anchoring [-- --repeats N]
// Re-anchoring speed and outcome for 200 claims on a ~50 kB article: the two seed bodies among
// generated wire-style paragraphs (deterministic, so runs compare). Claims are described with
// describeRange, as the annotator does, then anchored on (a) the unchanged text, (b) the text
// with a paragraph inserted at the top and one word changed inside 20 quotes, (c) the text with
// 10 quotes deleted. Each scenario is warmed up once, then timed over all claims per repeat; the
// figure is the median over the repeats. Outcomes are checked against where each claim's words
// really went: "correct" where the anchor is that range (or an orphan, when its words were
// deleted), "bounds differ" where it overlaps that range,
// "copy" where a deleted quote was found verbatim elsewhere (the generated text repeats phrases),
// "wrong" for anything else: anchored elsewhere, a deleted quote taken for other words, or an
// orphan whose words are still there.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { anchorTarget, type Anchor } from '../lib/anchoring/anchor'
import { describeRange, type Selector } from '../lib/anchoring/selectors'
import { extractArticle } from '../lib/ingest/extract/extract'
import { joinParagraphs, splitParagraphs } from '../lib/text/paragraphs'
import { random } from './lib/random'

const TARGET_CHARS = 50_000
const CLAIMS = 200
const EDITED_QUOTES = 20
const DELETED_QUOTES = 10
const INSERTED = 'Editor’s note: this article was updated on Friday with a statement from the company.\n\n'

type Claim = { start: number; end: number; target: Selector[] }
type Edit = { start: number; end: number; replacement: string }
// Where a claim's words should be found after the edits: a range, null (its words were deleted),
// or 'either' (partly deleted: an orphan or the remaining words are both acceptable).
type Expected = [number, number] | null | 'either'
type Outcome = Record<Anchor['method'] | 'orphan' | 'correct' | 'bounds' | 'copy' | 'wrong' | 'ungraded', number>

function pick<T>(rnd: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rnd() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const SUBJECTS = [
  'Microsoft',
  'Google',
  'Apple',
  'Facebook',
  'Yahoo',
  'The National Security Agency',
  'The FBI',
  'A company spokeswoman',
  'Brad Smith',
  'The Justice Department',
  'Senator Ron Wyden',
  'Privacy advocates',
  'The Guardian',
  'The Washington Post',
]
const VERBS = ['said', 'denied', 'confirmed', 'reported', 'argued', 'told reporters', 'wrote in a blog post', 'said in a statement']
const WHEN = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'last week', 'in June', 'earlier this month']
const TAILS = [
  'according to people familiar with the matter',
  'citing documents leaked by Edward Snowden',
  'a claim the company disputed',
  'without giving details',
  'in a filing with the court',
  'adding that talks were continuing',
]

function what(rnd: () => number): string {
  const n = 1000 + Math.floor(rnd() * 90_000)
  return pick(rnd, [
    `it had received ${n.toLocaleString('en-US')} requests for customer data in the second half of 2012`,
    `the program had collected records of ${n} calls a day`,
    `no server had been accessed without a court order since ${2000 + (n % 13)}`,
    `the disclosures had harmed national security`,
    `it would publish the number of requests it received every ${(n % 11) + 2} months`,
    `the government had not answered its motion filed ${n % 40} days earlier`,
    `encryption keys were never handed to any agency`,
    `the agency had complied with the law in ${(n % 97) + 3} cases under review`,
    `${(n % 50) + 2} engineers had been asked to build a separate system`,
    `the court had approved ${n} orders without changes`,
  ])
}

function sentence(rnd: () => number): string {
  const tail = rnd() < 0.5 ? `, ${pick(rnd, TAILS)}` : ''
  return `${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)} ${pick(rnd, WHEN)} that ${what(rnd)}${tail}.`
}

function seedParagraphs(file: string): string[] {
  const bytes = readFileSync(path.join(process.cwd(), 'prisma', 'demo', file))
  return extractArticle(bytes).paragraphs
}

// The Reuters body opens the article, iTnews sits in the middle; generated paragraphs fill the rest.
function buildArticle(rnd: () => number): string {
  const paragraphs = [...seedParagraphs('004_beb8acb8efdee709.txt')]
  const middle = seedParagraphs('000_c08aa10e5cdda9cf.txt')
  let length = paragraphs.join('\n\n').length
  while (length < TARGET_CHARS) {
    if (middle.length > 0 && length > TARGET_CHARS / 2) paragraphs.push(...middle.splice(0))
    const count = 2 + Math.floor(rnd() * 3)
    paragraphs.push(Array.from({ length: count }, () => sentence(rnd)).join(' '))
    length = paragraphs.join('\n\n').length
  }
  return joinParagraphs(paragraphs)
}

type Word = { start: number; end: number; paragraph: number }

function wordsOf(text: string): Word[] {
  const words: Word[] = []
  let paragraph = 0
  let offset = 0
  for (const p of splitParagraphs(text)) {
    for (const m of p.matchAll(/\S+/g)) words.push({ start: offset + m.index, end: offset + m.index + m[0].length, paragraph })
    offset += p.length + 2
    paragraph++
  }
  return words
}

// Claims as an editor selects them: whole words, 40 to 200 characters (fewer where the
// paragraph ends first), inside one paragraph.
function makeClaims(text: string, words: Word[], rnd: () => number): Claim[] {
  const claims: Claim[] = []
  while (claims.length < CLAIMS) {
    const first = Math.floor(rnd() * words.length)
    const from = words[first]
    if (!from) continue
    const wanted = 40 + Math.floor(rnd() * 160)
    let last = first
    while (words[last + 1]?.paragraph === from.paragraph && (words[last]?.end ?? 0) - from.start < wanted) last++
    const end = words[last]?.end ?? from.end
    if (end - from.start < 20) continue
    claims.push({ start: from.start, end, target: describeRange(text, from.start, end) })
  }
  return claims
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end)
  return result
}

// An offset of the old text in the new one; null inside a replaced span.
function mapOffset(offset: number, edits: Edit[]): number | null {
  let shift = 0
  for (const edit of edits) {
    if (offset > edit.start && offset < edit.end) return null
    if (edit.end <= offset) shift += edit.replacement.length - (edit.end - edit.start)
  }
  return offset + shift
}

function expectedRange(claim: Claim, edits: Edit[]): Expected {
  const deletions = edits.filter((e) => e.replacement === '' && e.start < claim.end && e.end > claim.start)
  if (deletions.some((e) => e.start <= claim.start && e.end >= claim.end)) return null
  if (deletions.length > 0) return 'either'
  const start = mapOffset(claim.start, edits)
  const end = mapOffset(claim.end, edits)
  return start === null || end === null ? 'either' : [start, end]
}

// In each of the first 20 claims that have one, a plain lower-case word (never the quote's first
// or last) becomes another, as a copy editor might change it.
function wordEdits(text: string, claims: Claim[], words: Word[], rnd: () => number): Edit[] {
  const replacements = ['formally', 'again', 'later', 'firmly', 'publicly', 'reportedly', 'apparently']
  const edits: Edit[] = []
  for (const claim of claims) {
    if (edits.length === EDITED_QUOTES) break
    const inner = words.filter((w) => w.start > claim.start && w.end < claim.end && /^[a-z]{3,}$/.test(text.slice(w.start, w.end)))
    if (inner.length === 0) continue
    const word = pick(rnd, inner)
    if (edits.some((e) => e.start === word.start)) continue
    const current = text.slice(word.start, word.end)
    edits.push({
      start: word.start,
      end: word.end,
      replacement: pick(
        rnd,
        replacements.filter((r) => r !== current),
      ),
    })
  }
  return edits
}

function grade(text: string, claim: Claim, anchor: Anchor | null, expected: Expected): keyof Outcome {
  if (expected === 'either') return 'ungraded'
  if (expected === null) {
    if (!anchor) return 'correct'
    const quote = claim.target.find((s) => s.type === 'TextQuoteSelector')
    return text.slice(anchor.start, anchor.end) === quote?.exact ? 'copy' : 'wrong'
  }
  if (!anchor) return 'wrong'
  if (anchor.start === expected[0] && anchor.end === expected[1]) return 'correct'
  return anchor.start < expected[1] && anchor.end > expected[0] ? 'bounds' : 'wrong'
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? null) : null
}

function runScenario(name: string, text: string, claims: Claim[], edits: Edit[], repeats: number): void {
  const anchorAll = () => claims.map((claim) => anchorTarget(text, claim.target))
  anchorAll()
  const runs = Array.from({ length: repeats }, () => {
    const started = performance.now()
    anchorAll()
    return performance.now() - started
  })
  const outcome: Outcome = { position: 0, quote: 0, fuzzy: 0, orphan: 0, correct: 0, bounds: 0, copy: 0, wrong: 0, ungraded: 0 }
  anchorAll().forEach((anchor, i) => {
    const claim = claims[i]
    if (!claim) return
    outcome[anchor ? anchor.method : 'orphan']++
    outcome[grade(text, claim, anchor, expectedRange(claim, edits))]++
  })
  const ms = median(runs)
  console.log(
    `${name.padEnd(34)} ${ms.toFixed(2).padStart(8)} ms  ${((ms * 1000) / claims.length).toFixed(1).padStart(6)} µs/claim   (runs: ${runs.map((r) => r.toFixed(1)).join(', ')})`,
  )
  console.log(`${''.padEnd(34)} by position ${outcome.position}, quote ${outcome.quote}, fuzzy ${outcome.fuzzy}; orphan ${outcome.orphan}`)
  console.log(
    `${''.padEnd(34)} correct ${outcome.correct}, bounds differ ${outcome.bounds}, copy ${outcome.copy}, wrong ${outcome.wrong}${outcome.ungraded ? `, partly deleted (not graded) ${outcome.ungraded}` : ''}`,
  )
}

function main(args: string[]): number {
  const repeats = Math.max(3, Number(option(args, '--repeats') ?? 7))
  const rnd = random(20130606)
  const text = buildArticle(rnd)
  const words = wordsOf(text)
  const claims = makeClaims(text, words, rnd)
  console.log(
    `article ${(text.length / 1000).toFixed(1)} kB, ${splitParagraphs(text).length} paragraphs; ${claims.length} claims of ${Math.min(...claims.map((c) => c.end - c.start))}-${Math.max(...claims.map((c) => c.end - c.start))} characters; median of ${repeats} timed repeats after one warm-up\n`,
  )

  runScenario('(a) unchanged text', text, claims, [], repeats)

  const edited = [{ start: 0, end: 0, replacement: INSERTED }, ...wordEdits(text, claims, words, rnd)].sort((a, b) => a.start - b.start)
  const touched = claims.filter((c) => edited.some((e) => e.end > e.start && e.start < c.end && e.end > c.start)).length
  runScenario(`(b) inserted paragraph + ${edited.length - 1} words`, applyEdits(text, edited), claims, edited, repeats)
  console.log(`${''.padEnd(34)} (${touched} quotes contain a changed word: the chosen ${edited.length - 1} and overlapping claims)`)

  const deleted = deletions(claims)
  runScenario(`(c) ${deleted.length} quotes deleted`, applyEdits(text, deleted), claims, deleted, repeats)
  return 0
}

// The quotes of claims spread through the article, skipping any that overlaps one already taken.
function deletions(claims: Claim[]): Edit[] {
  const edits: Edit[] = []
  const step = Math.floor(claims.length / DELETED_QUOTES)
  for (let i = 0; i < claims.length && edits.length < DELETED_QUOTES; i += step) {
    const claim = claims[i]
    if (!claim || edits.some((e) => e.start < claim.end && e.end > claim.start)) continue
    edits.push({ start: claim.start, end: claim.end, replacement: '' })
  }
  return edits.sort((a, b) => a.start - b.start)
}

process.exit(main(process.argv.slice(2)))
