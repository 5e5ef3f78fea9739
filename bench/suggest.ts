// npm run bench:suggest — milliseconds to suggest claims for a ~5,000-word article (issue 15 asks
// for at most 50 ms), and for hostile inputs (issue 14: a 200 KB paragraph without full stops).
// The article is the seed and fixture bodies, repeated with the companies and people renamed on
// each pass so that name resolution has work to do.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { suggestClaims } from '../lib/claims/suggest/suggest'
import { extractArticle } from '../lib/ingest/extract/extract'
import { joinParagraphs } from '../lib/text/paragraphs'

const TARGET_WORDS = 5000
const REPEATS = 15

function sources(): string[] {
  const dirs = [path.join('prisma', 'demo'), path.join('tests', 'fixtures', 'suggest')]
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => joinParagraphs(extractArticle(readFileSync(path.join(dir, f))).paragraphs)),
  )
}

const RENAMES: [RegExp, string[]][] = [
  [/Microsoft/g, ['Microsoft', 'Norvik', 'Calderon Systems', 'Ambrel']],
  [/Brad Smith|Smith/g, ['Brad Smith', 'Ana Ruiz', 'Lee Park', 'Omar Haddad']],
  [/Velora/g, ['Velora', 'Stellan', 'Brightmore', 'Kestrel']],
  [/Quantix/g, ['Quantix', 'Ferrolite', 'Obsidia', 'Tarrant']],
]

function article(): string {
  const bodies = sources()
  const parts: string[] = []
  let words = 0
  for (let pass = 0; words < TARGET_WORDS; pass++) {
    for (const body of bodies) {
      const text = RENAMES.reduce((t, [re, names]) => t.replace(re, names[pass % names.length]!), body)
      parts.push(text)
      words += text.split(/\s+/).length
      if (words >= TARGET_WORDS) break
    }
  }
  return parts.join('\n\n')
}

const body = article()
const words = body.split(/\s+/).length
suggestClaims(body) // warm up: the tagger's lexicon and the JIT
const times: number[] = []
const cpu: number[] = []
let count = 0
for (let i = 0; i < REPEATS; i++) {
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  count = suggestClaims(body).length
  const c = process.cpuUsage(c0)
  cpu.push((c.user + c.system) / 1000)
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
cpu.sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)]!
// CPU time as well as wall time: on a machine shared with other work the wall clock also counts
// the time this process waited for a core.
const medianCpu = cpu[Math.floor(cpu.length / 2)]!
console.log(
  `suggest: ${words} words, ${count} suggestions, median ${median.toFixed(1)} ms per article (min ${times[0]!.toFixed(1)}, max ${times[times.length - 1]!.toFixed(1)}; ${REPEATS} runs)`,
)
console.log(
  `         ${((median / words) * 5000).toFixed(1)} ms per 5,000 words (CPU ${((medianCpu / words) * 5000).toFixed(1)} ms; min wall ${((times[0]! / words) * 5000).toFixed(1)} ms)`,
)

// Hostile inputs: one paragraph of 200 KB without a full stop. Each must finish well under a
// second (every step is linear or bounded; see lib/claims/suggest/text.ts).
const HOSTILE: [string, string][] = [
  ['cues, names and quotes', 'Acme Corp said that the company, according to Reuters, “denied” it and he told Jane Roe, a spokeswoman for Acme, that they '],
  ['quotations', '"We never did it," said John Smith, who added: "they '],
  ['plain words', 'lorem ipsum dolor sit amet consectetur adipiscing '],
]
for (const [name, unit] of HOSTILE) {
  const text = unit.repeat(Math.ceil(200_000 / unit.length)).slice(0, 200_000)
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    suggestClaims(text)
    runs.push(performance.now() - t0)
  }
  runs.sort((a, b) => a - b)
  console.log(`hostile: 200 KB paragraph without full stops (${name}): median ${runs[1]!.toFixed(0)} ms`)
}
