// A synthetic newsroom for the timeline benchmark: companies with their people, outlets,
// agencies, articles over ten years and the claims tagged in them, written with raw multi-row
// INSERTs. Coverage is skewed as it is in real life: one "big" company gets ~5% of all claims
// (the worst case for a timeline), the rest follow a Zipf curve. Deterministic for a given seed.
import { createHash } from 'node:crypto'
import type { SqlPool, SqlSession } from '../../lib/database/sql'
import { columns, insertRows, type Value } from './sql-insert'
import { pick, random, uuidv7, weightedSampler } from './random'

export const CORPUS_FIRST_YEAR = 2016
export const CORPUS_YEARS = 10
const DAY = 24 * 60 * 60 * 1000
export const BIG_COMPANY_SHARE = 0.05
const OUTLETS = 200
const UNDATED_SHARE = 0.02
const LINKED_DENIAL_SHARE = 0.1
// Allegations that are another article's copy of a recent allegation about the company (one cluster).
const COPY_SHARE = 0.3
const CLAIM_BATCH = 5_000

// The tables whose triggers keep the cluster summaries and the company tallies (migrations
// cluster_summary and company_tallies). Row by row they made the 1M build take 101 minutes, so
// the load turns them off and counts everything once at the end with the database's own recount
// (migration recount_claim_summaries_function). The archive ends up as the triggers would leave
// it (the summaries and every non-zero tally; the 200k archive was checked both ways). Only the
// triggers written by hand are turned off: foreign keys are still checked.
const COUNTED_TABLES = ['Article', 'Claim', 'ClaimCluster', 'ClaimLink']
const RECOUNT = 'SELECT recount_claim_summaries();'

const setTriggers = (state: 'ENABLE' | 'DISABLE') => COUNTED_TABLES.map((t) => `ALTER TABLE "${t}" ${state} TRIGGER USER;`).join('\n')

export type CompanyRef = { id: string; name: string; claimsAbout: number }
export type Corpus = {
  size: number
  counts: { companies: number; people: number; outlets: number; agencies: number; articles: number; claims: number; links: number }
  big: CompanyRef
  median: CompanyRef
  ms: number
}

type Kind = 'allegation' | 'statement' | 'denial' | 'report' | 'other'
const KINDS: [Kind, number][] = [
  ['allegation', 0.35],
  ['statement', 0.3],
  ['denial', 0.15],
  ['report', 0.15],
  ['other', 0.05],
]

const entityCols = columns({
  id: 'uuid',
  kind: '"EntityKind"',
  name: 'text',
  aliases: 'text[]',
  affiliationId: 'uuid',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
})
const outletCols = columns({ id: 'uuid', name: 'text', domain: 'text', createdAt: 'timestamptz' })
const articleCols = columns({
  id: 'uuid',
  sourceUrl: 'text',
  title: 'text',
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
  channel: 'text',
  claimDate: 'date',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
  clusterId: 'uuid',
  clusterBy: '"ClusterOrigin"',
})
const clusterCols = columns({ id: 'uuid', createdAt: 'timestamptz' })
const linkCols = columns({ id: 'uuid', fromId: 'uuid', toId: 'uuid', relation: '"LinkRelation"', createdAt: 'timestamptz' })

const SYLLABLES = [
  'ar',
  'bel',
  'cor',
  'dan',
  'el',
  'fin',
  'gal',
  'hex',
  'ion',
  'jor',
  'kal',
  'lum',
  'mer',
  'nov',
  'or',
  'pra',
  'quin',
  'ros',
  'sol',
  'tel',
  'ul',
  'ver',
  'wex',
  'zan',
]
const SUFFIXES = ['Group', 'Holdings', 'Systems', 'Energy', 'Pharma', 'Bank', 'Motors', 'Foods', 'Labs', 'Telecom', 'Airlines', 'Mining']
const FIRST = [
  'Anna',
  'Ben',
  'Chloé',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'James',
  'Kemi',
  'Lars',
  'Maria',
  'Nikhil',
  'Olga',
  'Pedro',
  'Rosa',
  'Sam',
  'Tariq',
  'Ute',
  'Wei',
  'Yara',
]
const LAST = [
  'Smith',
  'Okafor',
  'Müller',
  'Tanaka',
  'García',
  'Novak',
  'Haddad',
  'Larsen',
  'Kowalski',
  'Chen',
  'Dubois',
  'Rossi',
  'Singh',
  'Brennan',
  'Ivanova',
  'Costa',
]
const AGENCIES = [
  'Competition Authority',
  'Securities Commission',
  'Environment Agency',
  'Data Protection Office',
  'Health Regulator',
  'Labour Inspectorate',
  'Financial Ombudsman',
  'Trade Department',
  'Serious Fraud Office',
  'Transport Safety Board',
  'Energy Regulator',
  'Consumer Council',
]
const OUTLET_WORDS = ['Daily', 'Evening', 'Herald', 'Courier', 'Post', 'Times', 'Ledger', 'Observer', 'Wire', 'Chronicle', 'Gazette', 'Tribune']
const CHANNELS = [null, null, 'statement', 'press release', 'interview', 'earnings call', 'court filing', 'social media']

const ALLEGATIONS = [
  'misled investors about {x} in {n} filings',
  'ignored {n} safety warnings at its {x} plant',
  'paid {n} million to settle claims over {x}',
  'underreported emissions from {x} by {n}%',
  'shared customer data on {x} with {n} partners',
  'pressured {n} staff to sign away rights over {x}',
]
const STATEMENTS = [
  'we remain committed to {x} and will invest {n} million',
  'our {x} results grew {n}% this year',
  'we have cooperated fully with regulators on {x}',
  'we will publish an independent review of {x} within {n} weeks',
]
const DENIALS = [
  'the reports about {x} are false and we reject them',
  'at no time did we hide anything about {x}',
  'we never received the {n} warnings described',
  'the figure of {n} million is simply wrong',
]
const REPORTS = [
  'revenue from {x} fell {n}% in the quarter',
  'the company cut {n} jobs in its {x} division',
  'shares dropped {n}% after the {x} announcement',
  'it opened {n} new sites for {x}',
]
const TOPICS = [
  'batteries',
  'its pension fund',
  'the northern pipeline',
  'cloud contracts',
  'a merger',
  'drug trials',
  'delivery drivers',
  'its privacy policy',
  'a data breach',
  'the 2019 recall',
]

function companyName(i: number): string {
  const a = SYLLABLES[i % SYLLABLES.length] ?? ''
  const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length] ?? ''
  const word = `${a}${b}${i >= SYLLABLES.length ** 2 ? Math.floor(i / SYLLABLES.length ** 2) : ''}`
  return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${SUFFIXES[i % SUFFIXES.length]}`
}

function fill(rnd: () => number, template: string): string {
  return template.replace('{x}', pick(rnd, TOPICS)).replace('{n}', String(2 + Math.floor(rnd() * 97)))
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

type Person = { id: string; name: string }
type Company = { id: string; name: string; people: Person[]; claimsAbout: number; allegations: string[]; allegationClusters: string[] }
type Named = { id: string; name: string }

// `bigShare`: the big company's share of the claims. Raised, a smaller archive holds a company as
// big as the 1M archive's (a quarter of 200k claims is its 5% of 1M) in a fifth of the 1M build.
export async function generateCorpus(pool: SqlPool, size: number, seed = 20260101, bigShare = BIG_COMPANY_SHARE): Promise<Corpus> {
  const started = performance.now()
  const rnd = random(seed)
  const start = Date.UTC(CORPUS_FIRST_YEAR, 0, 1)
  const now = Date.UTC(CORPUS_FIRST_YEAR + CORPUS_YEARS, 0, 1)
  const created = new Date(now).toISOString()

  // Companies, their people (1 to 5 each) and a few agencies and outlets that speak about them.
  const companies: Company[] = Array.from({ length: Math.max(20, Math.round(size / 2000)) }, (_, i) => ({
    id: uuidv7(start + i, rnd),
    name: companyName(i),
    people: [],
    claimsAbout: 0,
    allegationClusters: [],
    allegations: [],
  }))
  const entityRows: Value[][] = companies.map((c) => [c.id, 'company', c.name, [], null, created, created])
  const personNames = new Set<string>()
  for (const company of companies) {
    const count = 1 + Math.floor(rnd() * 5)
    for (let p = 0; p < count; p++) {
      let name = `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`
      while (personNames.has(name)) name = `${pick(rnd, FIRST)} ${String.fromCharCode(65 + Math.floor(rnd() * 26))}. ${pick(rnd, LAST)}`
      personNames.add(name)
      const person = { id: uuidv7(start + entityRows.length, rnd), name }
      company.people.push(person)
      entityRows.push([person.id, 'person', name, [], company.id, created, created])
    }
  }
  const agencies: Named[] = AGENCIES.map((name) => ({ id: uuidv7(start + entityRows.length, rnd), name }))
  for (const a of agencies) entityRows.push([a.id, 'agency', a.name, [], null, created, created])
  const outlets = Array.from({ length: OUTLETS }, (_, i) => ({
    id: uuidv7(start + i, rnd),
    entityId: uuidv7(start + entityRows.length + i, rnd),
    name: `The ${pick(rnd, OUTLET_WORDS)} ${pick(rnd, OUTLET_WORDS)} ${i + 1}`,
    domain: `outlet${i + 1}.example`,
  }))
  for (const o of outlets) entityRows.push([o.entityId, 'outlet', o.name, [], null, created, created])

  // One company takes bigShare of the coverage; the others share the rest by 1/rank.
  const zipf = companies.slice(1).map((_, i) => 1 / (i + 1))
  const zipfTotal = zipf.reduce((a, b) => a + b, 0)
  const sampleCompany = weightedSampler([zipfTotal * (bigShare / (1 - bigShare)), ...zipf])
  const company = () => companies[sampleCompany(rnd)] as Company
  const sampleOutlet = weightedSampler(outlets.map((_, i) => 1 / Math.sqrt(i + 1)))
  const sampleKind = weightedSampler(KINDS.map(([, w]) => w))
  // Coverage grows over the years, as newsrooms' archives do.
  const sampleYear = weightedSampler(Array.from({ length: CORPUS_YEARS }, (_, i) => 1 + 0.15 * i))

  let articles: Value[][] = []
  let claims: Value[][] = []
  let clusters: Value[][] = []
  let links: Value[][] = []
  const counts = { companies: companies.length, people: personNames.size, outlets: outlets.length, agencies: agencies.length, articles: 0, claims: 0, links: 0 }

  await pool.session(async (session: SqlSession) => {
    await session.exec(setTriggers('DISABLE'))
    await insertRows(session, 'Entity', entityCols, entityRows)
    await insertRows(
      session,
      'Outlet',
      outletCols,
      outlets.map((o) => [o.id, o.name, o.domain, created]),
    )
    const flush = async () => {
      await insertRows(session, 'Article', articleCols, articles)
      await insertRows(session, 'ClaimCluster', clusterCols, clusters)
      await insertRows(session, 'Claim', claimCols, claims)
      await insertRows(session, 'ClaimLink', linkCols, links)
      articles = []
      clusters = []
      claims = []
      links = []
    }

    while (counts.claims < size) {
      const year = CORPUS_FIRST_YEAR + sampleYear(rnd)
      const published = Date.UTC(year, 0, 1) + Math.floor(rnd() * 365) * DAY + Math.floor(rnd() * 20) * 3600_000
      const ingested = Math.min(now - DAY, published + Math.floor(rnd() * 3) * DAY + 3600_000)
      const outlet = outlets[sampleOutlet(rnd)] ?? outlets[0]
      if (!outlet) throw new Error('no outlets')
      const about = company()
      const articleId = uuidv7(ingested, rnd)
      const title = `${about.name}: ${fill(rnd, pick(rnd, REPORTS))} (${counts.articles + 1})`
      const paragraphs = [title]
      let offset = title.length
      const wanted = Math.min(size - counts.claims, 1 + Math.floor(rnd() * 9))
      for (let k = 0; k < wanted; k++) {
        const subject = rnd() < 0.85 ? about : company()
        const kind = KINDS[sampleKind(rnd)]?.[0] ?? 'other'
        const person = subject.people.length > 0 ? pick(rnd, subject.people) : null
        let speaker: string | null = null
        let quote: string
        let channel: string | null = null
        switch (kind) {
          case 'allegation':
            speaker = rnd() < 0.75 ? outlet.entityId : rnd() < 0.8 ? pick(rnd, agencies).id : null
            quote = `${subject.name} ${fill(rnd, pick(rnd, ALLEGATIONS))}`
            break
          case 'statement':
          case 'denial':
            speaker = rnd() < 0.35 || !person ? subject.id : person.id
            quote = fill(rnd, pick(rnd, kind === 'statement' ? STATEMENTS : DENIALS))
            channel = pick(rnd, CHANNELS)
            break
          case 'report':
            speaker = rnd() < 0.7 ? outlet.entityId : null
            quote = `${subject.name}'s ${fill(rnd, pick(rnd, REPORTS))}`
            break
          case 'other': {
            // Someone from another company talking about this one: reaches a timeline only through its speaker.
            const other = company()
            speaker = other.people.length > 0 ? pick(rnd, other.people).id : other.id
            quote = `${subject.name} is a competitor we respect; ${fill(rnd, pick(rnd, STATEMENTS))}`
            break
          }
        }
        const start = offset + 2
        offset = start + quote.length
        paragraphs.push(quote)
        const claimId = uuidv7(ingested + k, rnd)
        const target = JSON.stringify([
          { type: 'TextQuoteSelector', exact: quote },
          { type: 'TextPositionSelector', start, end: offset },
        ])
        const dated = rnd() >= UNDATED_SHARE
        const claimDate = dated ? isoDay(published - Math.floor(rnd() * 4) * DAY) : null
        const createdAt = new Date(ingested + k * 1000).toISOString()
        // A third of allegations are another outlet's copy of a recent one (the same cluster).
        const copyOf = kind === 'allegation' && subject.allegationClusters.length > 0 && rnd() < COPY_SHARE ? pick(rnd, subject.allegationClusters) : null
        const clusterId = copyOf ?? uuidv7(ingested + k, rnd)
        if (!copyOf) clusters.push([clusterId, createdAt])
        claims.push([claimId, articleId, kind, target, quote, speaker, subject.id, channel, claimDate, createdAt, createdAt, clusterId, 'matcher'])
        subject.claimsAbout++
        counts.claims++
        if (kind === 'allegation') {
          subject.allegations.push(claimId)
          if (subject.allegations.length > 64) subject.allegations.shift()
          if (!copyOf) {
            subject.allegationClusters.push(clusterId)
            if (subject.allegationClusters.length > 64) subject.allegationClusters.shift()
          }
        }
        if (kind === 'denial' && subject.allegations.length > 0 && rnd() < LINKED_DENIAL_SHARE) {
          links.push([uuidv7(ingested + k, rnd), claimId, pick(rnd, subject.allegations), 'denies', createdAt])
          counts.links++
        }
      }
      const body = paragraphs.join('\n\n')
      const bylines = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`)
      const ingestedAt = new Date(ingested).toISOString()
      articles.push([
        articleId,
        `https://${outlet.domain}/${year}/${counts.articles + 1}`,
        title,
        bylines,
        new Date(published).toISOString(),
        '+00:00',
        'jsonld',
        'en',
        body,
        createHash('sha256').update(body).digest('hex'),
        'bench',
        [],
        outlet.id,
        ingestedAt,
        ingestedAt,
      ])
      counts.articles++
      if (claims.length >= CLAIM_BATCH) await flush()
    }
    await flush()
    await session.exec(`BEGIN;\n${RECOUNT}\n${setTriggers('ENABLE')}\nCOMMIT;`)
    // What autovacuum would do on a server some time after the load; PGlite has no autovacuum.
    await session.exec('VACUUM ANALYZE')
  })

  const byCoverage = [...companies].sort((a, b) => a.claimsAbout - b.claimsAbout)
  const ref = (c: Company | undefined): CompanyRef => {
    if (!c) throw new Error('no companies')
    return { id: c.id, name: c.name, claimsAbout: c.claimsAbout }
  }
  return { size, counts, big: ref(companies[0]), median: ref(byCoverage[Math.floor(byCoverage.length / 2)]), ms: performance.now() - started }
}
