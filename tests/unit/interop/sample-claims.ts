// A small hand-built claim set for the export formats: three claims on two articles (one with
// its own URL, one pasted without), by an outlet, a company and a person, two with verdicts,
// one link. The expected documents are in tests/fixtures/interop/.
import { describeRange } from '@/lib/anchoring/selectors'
import type { ExportArticle, ExportClaim } from '@/lib/queries/interop'

export const SITE = { baseUrl: 'https://claims.example.org' }
export const OPTIONS = { ...SITE, organizationName: 'Example Newsroom' }

export const REUTERS_TEXT = [
  'SEATTLE (Reuters) - Microsoft Corp said on Thursday it provides customer data to the U.S. government only when it receives a legally binding order and only on specific accounts, after the Washington Post reported U.S. security agencies had access to its central servers.',
  'Microsoft made no mention of the PRISM program in a statement released after the Post report, and denied it was part of any voluntary data collection mechanism.',
].join('\n\n')

export const ITNEWS_TEXT = [
  'Microsoft has written to the US Attorney General to ask for more freedom to disclose how it handles requests for customer data from national security organisations.',
  '"Microsoft does not provide any government with direct and unfettered access to our customers\' data," said Smith in his blog.',
].join('\n\n')

const reuters: ExportArticle = {
  id: '01970000-0000-7000-8000-00000000a001',
  title: 'Microsoft says not part of broad government online monitoring',
  url: 'https://www.reuters.com/article/2013/06/07/us-usa-security-microsoft-idUSBRE95604E20130607',
  outlet: { name: 'Reuters', domain: 'reuters.com' },
  bylines: ['Bill Rigby'],
  publishedAt: new Date('2013-06-07T00:43:00Z'),
  publishedOffset: '-04:00',
  language: 'en',
}

const itnews: ExportArticle = {
  id: '01970000-0000-7000-8000-00000000a002',
  title: 'Microsoft asks US to let it disclose security requests',
  url: null,
  outlet: { name: 'iTnews', domain: null },
  bylines: [],
  publishedAt: null,
  publishedOffset: null,
  language: null,
}

const microsoft = { id: '01970000-0000-7000-8000-00000000e001', kind: 'company', name: 'Microsoft' } as const
const post = { id: '01970000-0000-7000-8000-00000000e002', kind: 'outlet', name: 'The Washington Post' } as const
const smith = { id: '01970000-0000-7000-8000-00000000e003', kind: 'person', name: 'Brad Smith' } as const

export const ENTITIES = [
  { ...microsoft, aliases: ['Microsoft Corp', 'Microsoft Corporation'] },
  { ...post, aliases: ['Washington Post', 'the Post'] },
  { ...smith, aliases: ['Smith'] },
]

export const ARTICLES = { reuters, itnews }

function on(text: string, words: string) {
  const start = text.indexOf(words)
  if (start < 0) throw new Error(`not in the text: ${words}`)
  return describeRange(text, start, start + words.length)
}

const allegationWords = 'U.S. security agencies had access to its central servers'
const denialWords = 'denied it was part of any voluntary data collection mechanism'
const statementWords = "Microsoft does not provide any government with direct and unfettered access to our customers' data"

export const CLAIMS: ExportClaim[] = [
  {
    id: '01970000-0000-7000-8000-00000000c001',
    kind: 'allegation',
    quote: allegationWords,
    target: on(REUTERS_TEXT, allegationWords),
    status: 'active',
    claimDate: '2013-06-06',
    channel: null,
    note: null,
    verdict: null,
    verdictNote: null,
    verdictAt: null,
    createdAt: new Date('2024-05-01T10:00:00.000Z'),
    updatedAt: new Date('2024-05-01T10:00:00.000Z'),
    speaker: post,
    subject: microsoft,
    article: reuters,
    links: [],
    stories: ['PRISM, 2013'],
  },
  {
    id: '01970000-0000-7000-8000-00000000c002',
    kind: 'denial',
    quote: denialWords,
    target: on(REUTERS_TEXT, denialWords),
    status: 'active',
    claimDate: '2013-06-06',
    channel: 'emailed statement',
    note: null,
    verdict: 'Misleading',
    verdictNote: 'Microsoft later confirmed that it complies with FISA orders for customer data.',
    verdictAt: new Date('2013-07-12T09:30:00.000Z'),
    createdAt: new Date('2024-05-01T10:05:00.000Z'),
    updatedAt: new Date('2024-05-02T08:00:00.000Z'),
    speaker: microsoft,
    subject: microsoft,
    article: reuters,
    links: [{ relation: 'denies', toId: '01970000-0000-7000-8000-00000000c001' }],
    stories: ['PRISM, 2013'],
  },
  {
    id: '01970000-0000-7000-8000-00000000c003',
    kind: 'statement',
    quote: statementWords,
    target: on(ITNEWS_TEXT, statementWords),
    status: 'active',
    claimDate: '2013-07-16',
    channel: 'blog post',
    note: 'Smith repeats the June denial, in stronger terms.',
    verdict: 'Accurate',
    verdictNote: null,
    verdictAt: new Date('2013-07-20T12:00:00.000Z'),
    createdAt: new Date('2024-05-03T14:00:00.000Z'),
    updatedAt: new Date('2024-05-03T14:00:00.000Z'),
    speaker: smith,
    subject: microsoft,
    article: itnews,
    links: [],
    stories: [],
  },
]
