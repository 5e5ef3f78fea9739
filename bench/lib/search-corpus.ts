// A synthetic archive for the search benchmark: articles with titles, standfirsts and bodies of
// news-like sentences, and claims tagged on sentences of them, written with raw multi-row
// INSERTs (PostgreSQL computes each row's search vector as it is stored, as it does for ingest).
//
// Search cost depends on how often the words searched for occur, so the words follow the
// distributions of real coverage rather than of the few fixture texts: the sentences are the
// fixtures' (bench/lib/article-corpus.ts), with every company name replaced by one of a few
// thousand invented companies (Zipf: a handful are in the news every day, most rarely) and two
// words of each sentence replaced by words of compromise's English lexicon (~20 000 words, Zipf
// again, so a few are everywhere and most are rare). One article in a hundred is a long read of
// about 50 kB. Deterministic for a given seed.
import { createHash } from 'node:crypto'
import nlp from 'compromise'
import type { SqlPool, SqlSession } from '../../lib/database/sql'
import { sentencePool } from './article-corpus'
import { pick, random, uuidv7, weightedSampler } from './random'
import { columns, insertRows, type Value } from './sql-insert'

const DAY = 24 * 60 * 60 * 1000
const FIRST_YEAR = 2015
const YEARS = 10
const LONG_READ_SHARE = 0.01
const BATCH = 500
const DEFAULT_SEED = 20261206
// The names the fixtures use for companies, replaced by invented ones.
const FIXTURE_COMPANIES = /\b(?:Microsoft Corp|Microsoft|Quantix|Velora|Harlow|Brightwave|Google|Apple|Facebook|Skype|Yahoo)\b/g
const SYLLABLES = ['ka', 'lor', 'ven', 'dri', 'mo', 'sel', 'tra', 'qui', 'bar', 'nel', 'zo', 'fen', 'gri', 'hal', 'pe', 'rus', 'tov', 'wy', 'xan', 'cel']
const OUTLETS = 50
const KINDS = ['allegation', 'statement', 'denial', 'report', 'other'] as const

const outletCols = columns({ id: 'uuid', name: 'text', domain: 'text', createdAt: 'timestamptz' })
const entityCols = columns({ id: 'uuid', kind: '"EntityKind"', name: 'text', aliases: 'text[]', createdAt: 'timestamptz', updatedAt: 'timestamptz' })
const articleCols = columns({
  id: 'uuid',
  title: 'text',
  standfirst: 'text',
  bylines: 'text[]',
  publishedAt: 'timestamptz',
  publishedOffset: 'text',
  publishedSource: '"DateSource"',
  language: 'text',
  bodyText: 'text',
  bodyHash: 'text',
  extractorVersion: 'text',
  extractionWarnings: 'text[]',
  outletId: 'uuid',
  ingestedAt: 'timestamptz',
  updatedAt: 'timestamptz',
})
const claimCols = columns({
  id: 'uuid',
  articleId: 'uuid',
  kind: '"ClaimKind"',
  target: 'jsonb',
  quote: 'text',
  speakerId: 'uuid',
  subjectId: 'uuid',
  claimDate: 'date',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
})

export type SearchCorpus = {
  articles: number
  claims: number
  longReads: number
  meanBodyChars: number
  // Most frequent first, so a benchmark can pick common and rare words by rank.
  words: string[]
  companies: string[]
  ms: number
}

// Lower-case words of 4 to 12 letters from compromise's lexicon, in a seeded random order.
function lexiconWords(rnd: () => number): string[] {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon
  const words = Object.keys(lexicon).filter((w) => /^[a-z]{4,12}$/.test(w))
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    const a = words[i]
    const b = words[j]
    if (a !== undefined && b !== undefined) {
      words[i] = b
      words[j] = a
    }
  }
  return words
}

function companyNames(count: number, rnd: () => number): string[] {
  const names = new Set<string>()
  while (names.size < count) {
    const word = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(rnd, SYLLABLES)).join('')
    names.add(`${word.charAt(0).toUpperCase()}${word.slice(1)}`)
  }
  return [...names]
}

const zipf = (n: number) => weightedSampler(Array.from({ length: n }, (_, i) => 1 / (i + 1)))

type Paragraph = { text: string; sentences: { start: number; text: string }[] }

const companyCount = (count: number) => Math.max(50, Math.round(count / 25))

// The words and companies generateSearchCorpus(count, seed) uses, most frequent first, without
// generating anything: for a benchmark run on a database generated earlier.
export function searchCorpusVocabulary(count: number, seed = DEFAULT_SEED): { words: string[]; companies: string[] } {
  const rnd = random(seed)
  const words = lexiconWords(rnd)
  return { words, companies: companyNames(companyCount(count), rnd) }
}

export async function generateSearchCorpus(pool: SqlPool, count: number, seed = DEFAULT_SEED, root = process.cwd()): Promise<SearchCorpus> {
  const started = performance.now()
  const rnd = random(seed)
  const templates = sentencePool(root)
  const words = lexiconWords(rnd)
  const sampleWord = zipf(words.length)
  const companies = companyNames(companyCount(count), rnd)
  const sampleCompany = zipf(companies.length)
  const created = new Date(Date.UTC(FIRST_YEAR + YEARS, 0, 1)).toISOString()
  const companyIds = companies.map((_, i) => uuidv7(Date.UTC(FIRST_YEAR, 0, 1) + i, rnd))
  const outlets = Array.from({ length: OUTLETS }, (_, i) => ({ id: uuidv7(Date.UTC(FIRST_YEAR, 0, 1) + i, rnd), name: `Search Bench Outlet ${i + 1}` }))
  const sampleOutlet = weightedSampler(outlets.map((_, i) => 1 / Math.sqrt(i + 1)))

  // One sentence: a fixture sentence about `main` (sometimes `other`), two words swapped.
  const sentence = (main: string, other: string): string => {
    const parts = pick(rnd, templates)
      .replace(FIXTURE_COMPANIES, () => (rnd() < 0.75 ? main : other))
      .split(' ')
    const slots = parts.map((w, i) => (/^[a-z]{4,12}[,.]?$/.test(w) ? i : -1)).filter((i) => i >= 0)
    for (let k = 0; k < 2 && slots.length > 0; k++) {
      const at = pick(rnd, slots)
      parts[at] = (parts[at] ?? '').replace(/^[a-z]+/, words[sampleWord(rnd)] ?? 'word')
    }
    return parts.join(' ')
  }

  const counts = { articles: 0, claims: 0, longReads: 0, bodyChars: 0 }
  await pool.session(async (session: SqlSession) => {
    await insertRows(
      session,
      'Outlet',
      outletCols,
      outlets.map((o) => [o.id, o.name, null, created]),
    )
    await insertRows(
      session,
      'Entity',
      entityCols,
      companies.map((name, i) => [companyIds[i] ?? null, 'company', name, [], created, created]),
    )
    let articles: Value[][] = []
    let claims: Value[][] = []
    const flush = async () => {
      await insertRows(session, 'Article', articleCols, articles)
      await insertRows(session, 'Claim', claimCols, claims)
      articles = []
      claims = []
    }
    for (let i = 0; i < count; i++) {
      const mainIndex = sampleCompany(rnd)
      const main = companies[mainIndex] ?? 'Acme'
      const other = companies[sampleCompany(rnd)] ?? 'Acme'
      const long = rnd() < LONG_READ_SHARE
      const paragraphCount = long ? 90 : 8 + Math.floor(rnd() * 15)
      const paragraphs: Paragraph[] = []
      let offset = 0
      for (let p = 0; p < paragraphCount; p++) {
        const sentences: Paragraph['sentences'] = []
        let text = ''
        const n = long ? 4 : 1 + Math.floor(rnd() * 4)
        for (let s = 0; s < n; s++) {
          if (text) text += ' '
          const words = sentence(main, other)
          sentences.push({ start: offset + text.length, text: words })
          text += words
        }
        paragraphs.push({ text, sentences })
        offset += text.length + 2
      }
      const body = paragraphs.map((p) => p.text).join('\n\n')
      const headline = sentence(main, other)
        .replace(/[.!?]["”’]?$/, '')
        .split(' ')
        .slice(0, 6 + Math.floor(rnd() * 9))
        .join(' ')
      const title = rnd() < 0.5 && !headline.includes(main) ? `${main}: ${headline}` : headline
      const published = Date.UTC(FIRST_YEAR, 0, 1) + Math.floor(rnd() * YEARS * 365) * DAY + Math.floor(rnd() * 20) * 3600_000
      const ingested = published + 3600_000
      const articleId = uuidv7(ingested, rnd)
      const outlet = outlets[sampleOutlet(rnd)] ?? outlets[0]
      articles.push([
        articleId,
        title,
        sentence(main, other),
        ['Search Bench'],
        new Date(published).toISOString(),
        '+00:00',
        'jsonld',
        'en',
        body,
        createHash('sha256').update(body).digest('hex'),
        'bench',
        [],
        outlet?.id ?? null,
        new Date(ingested).toISOString(),
        new Date(ingested).toISOString(),
      ])
      // Claims on up to five sentences, each opening a paragraph.
      const tagged = Math.floor(rnd() * 6)
      for (let k = 0; k < tagged; k++) {
        const quote = pick(rnd, paragraphs).sentences[0]
        if (!quote) continue
        const target = JSON.stringify([
          { type: 'TextQuoteSelector', exact: quote.text },
          { type: 'TextPositionSelector', start: quote.start, end: quote.start + quote.text.length },
        ])
        const at = new Date(ingested + k * 1000).toISOString()
        claims.push([
          uuidv7(ingested + k, rnd),
          articleId,
          pick(rnd, KINDS),
          target,
          quote.text,
          rnd() < 0.5 ? (companyIds[mainIndex] ?? null) : null,
          companyIds[mainIndex] ?? null,
          new Date(published).toISOString().slice(0, 10),
          at,
          at,
        ])
        counts.claims++
      }
      counts.articles++
      counts.bodyChars += body.length
      if (long) counts.longReads++
      if (articles.length >= BATCH) await flush()
    }
    await flush()
    // What autovacuum would do on a server some time after the load; PGlite has no autovacuum.
    await session.exec('VACUUM ANALYZE')
  })
  return {
    articles: counts.articles,
    claims: counts.claims,
    longReads: counts.longReads,
    meanBodyChars: Math.round(counts.bodyChars / Math.max(1, counts.articles)),
    words,
    companies,
    ms: performance.now() - started,
  }
}
