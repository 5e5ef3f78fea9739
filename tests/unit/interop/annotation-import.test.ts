// A Hypothesis export (tests/fixtures/interop/hypothesis-search.json, the API's search result
// shape: rows with uri, target selectors, tags, text, user) read against the two seed articles
// as Claimline stores them: pages matched by URL, words found by the anchoring code in the
// stored text, tags read as kind, speaker and subject; the orphan and the unknown page reported,
// the page note skipped. Then a Hypothesis client export (tests/fixtures/interop/
// hypothesis-export.json) as real ones are: most rows are replies and page notes.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { articleDay } from '@/lib/dates/format'
import { DEMO_DIR } from '@/lib/demo/load-demo'
import { extractArticle } from '@/lib/ingest/extract/extract'
import {
  AnnotationFormatError,
  findEntity,
  kindFromTags,
  planAnnotationImport,
  readAnnotations,
  roleName,
  urlCandidates,
  urlKey,
} from '@/lib/interop/annotation-import'
import type { ArticleForImport, ExistingClaim } from '@/lib/queries/interop'
import { joinParagraphs } from '@/lib/text/paragraphs'

const FIXTURE = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/interop/hypothesis-search.json'), 'utf8'))
const EXPORT = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/interop/hypothesis-export.json'), 'utf8'))
const REUTERS_URL = 'https://www.reuters.com/article/2013/06/07/us-usa-security-microsoft-idUSBRE95604E20130607'
const ITNEWS_URL = 'https://www.itnews.com.au/news/microsoft-asks-us-to-let-it-disclose-security-requests-350217'

function seed(id: string, file: string, url: string): ArticleForImport {
  const draft = extractArticle(readFileSync(path.join(DEMO_DIR, file)))
  const published = draft.published ? new Date(draft.published.iso) : null
  return { id, urls: [url], bodyText: joinParagraphs(draft.paragraphs), day: articleDay(published, draft.published?.iso.slice(19) ?? null) }
}

const reuters = seed('01970000-0000-7000-8000-0000000000a1', '004_beb8acb8efdee709.txt', REUTERS_URL)
const itnews = seed('01970000-0000-7000-8000-0000000000a2', '000_c08aa10e5cdda9cf.txt', ITNEWS_URL)
const ENTITIES = [
  { id: '01970000-0000-7000-8000-0000000000e1', name: 'Microsoft', aliases: ['Microsoft Corp', 'Microsoft Corporation'] },
  { id: '01970000-0000-7000-8000-0000000000e2', name: 'The Washington Post', aliases: ['Washington Post', 'the Post'] },
  { id: '01970000-0000-7000-8000-0000000000e3', name: 'Brad Smith', aliases: ['Smith'] },
  { id: '01970000-0000-7000-8000-0000000000e5', name: 'PRISM', aliases: ['PEISM'] },
]
const [MICROSOFT, POST, , PRISM] = ENTITIES.map((e) => e.id)
const context = (existing: ExistingClaim[] = []) => ({ articles: [reuters, itnews], entities: ENTITIES, existing })

describe('the Hypothesis export on the seed articles', () => {
  const items = readAnnotations(FIXTURE)
  const plan = planAnnotationImport(items, context())

  test('every row gets an outcome: five claims, one orphan, one page that is not stored, one page note skipped', () => {
    expect(plan.outcomes.map((o) => [o.ref, o.status])).toEqual([
      ['Lm2uXKQiEeiSFhtY5eSVCQ', 'created'],
      ['pH4wqKQjEei0xEtS6vVA3g', 'created'],
      ['QhZ8Z6QkEeiTzRP0iO4v2A', 'created'],
      ['3rD2bqQlEei4HPs3B6DkUQ', 'created'],
      ['9XcYTqQmEeim1ud7bBZvjQ', 'orphan'],
      ['xUzgVKQnEeiVXFffRkbQ_w', 'no-article'],
      ['a8fd0KQoEeiC3b_u3bfAJA', 'skipped'],
      ['cKj0YqQpEeiS8ytCRm-LqQ', 'created'],
    ])
    expect(plan.outcomes[5]).toMatchObject({ source: 'https://www.theguardian.com/world/2013/jul/11/microsoft-nsa-collaboration-user-data' })
    expect(plan.outcomes[6]).toMatchObject({ reason: 'page note' })
  })

  test('the words are found in the stored text although the page offsets and line breaks differ; selectors are rebuilt on the stored text', () => {
    for (const claim of plan.claims) {
      const article = claim.articleId === reuters.id ? reuters : itnews
      const [quote, position] = claim.target
      expect(article.bodyText.slice(position.start, position.end)).toBe(quote.exact)
      expect(claim.quote).toBe(quote.exact)
    }
    expect(plan.claims[0]?.target[1]).toEqual({
      type: 'TextPositionSelector',
      start: reuters.bodyText.indexOf('denied it was part'),
      end: reuters.bodyText.indexOf('denied it was part') + 61,
    })
    // The no-break space the browser kept in "U.S. Internet" is folded as the stored text folds it.
    expect(plan.claims[2]?.quote).toBe('tapping directly into the central servers of nine leading U.S. Internet companies')
  })

  test('tags give the kind (any case, else "other") and the speaker and subject by name or alias; unknown names are reported', () => {
    expect(plan.claims.map((c) => [c.kind, c.speakerId, c.subjectId])).toEqual([
      ['denial', MICROSOFT, MICROSOFT],
      ['report', null, MICROSOFT],
      ['allegation', POST, MICROSOFT],
      ['report', null, MICROSOFT],
      ['other', null, PRISM],
    ])
    expect(plan.outcomes[1]).toMatchObject({ status: 'created', unknownEntities: ['speaker:Reuters'] })
  })

  test('the page URL matches through tracking parameters and a fragment; the note and the article’s day come along', () => {
    expect(plan.claims[2]?.articleId).toBe(reuters.id)
    expect(plan.claims.map((c) => c.note)).toEqual([
      'Flat denial, no mention of PRISM by name.',
      null,
      'The Post’s original wording.',
      null,
      'FISA, the law behind PRISM requests.',
    ])
    expect(plan.claims.map((c) => c.claimDate)).toEqual(['2013-06-06', '2013-06-06', '2013-06-06', null, null])
  })

  test('imported again, the same words with the same kind are duplicates, not second claims', () => {
    const existing = plan.claims.map((c, i) => ({ id: `claim-${i}`, articleId: c.articleId, kind: c.kind, start: c.target[1].start, end: c.target[1].end }))
    const again = planAnnotationImport(items, context(existing))
    expect(again.claims).toEqual([])
    expect(again.outcomes.filter((o) => o.status === 'duplicate').map((o) => o.status === 'duplicate' && o.duplicateOf)).toEqual([
      'claim-0',
      'claim-1',
      'claim-2',
      'claim-3',
      'claim-4',
    ])
    const twice = planAnnotationImport([...items.slice(0, 1), ...items.slice(0, 1)], context())
    expect(twice.outcomes.map((o) => o.status)).toEqual(['created', 'duplicate'])
    expect(twice.outcomes[1]).toMatchObject({ duplicateOf: 'pending:0' })
  })
})

describe('document shapes', () => {
  const annotation = {
    id: 'urn:uuid:0b6a7a0e-8f1f-4a57-9d8a-4f4b2f0c1a11',
    type: 'Annotation',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: 'denial' },
      { type: 'TextualBody', value: 'A comment.' },
    ],
    target: { source: REUTERS_URL, selector: { type: 'TextQuoteSelector', exact: 'denied it was part of any voluntary data collection mechanism' } },
  }

  test('a single Annotation, an AnnotationPage, a collection with embedded pages, an array and the Hypothesis client export all read', () => {
    const read = (json: unknown) =>
      readAnnotations(json).map((a) => ('invalid' in a ? a.invalid : 'skipped' in a ? a.skipped : [a.sources[0], a.quote?.exact, a.tags, a.text]))
    const one = [[REUTERS_URL, 'denied it was part of any voluntary data collection mechanism', ['denial'], 'A comment.']]
    expect(read(annotation)).toEqual(one)
    expect(read({ type: 'AnnotationPage', items: [annotation] })).toEqual(one)
    expect(
      read({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: [annotation], next: { type: 'AnnotationPage', items: [annotation] } },
      }),
    ).toEqual([...one, ...one])
    expect(read([annotation])).toEqual(one)
    expect(
      read({ export_date: '2024-05-01T00:00:00Z', export_userid: 'acct:jdoe@hypothes.is', client_version: '1.1500.0', annotations: FIXTURE.rows.slice(0, 1) }),
    ).toHaveLength(1)
  })

  test('anything else is refused as a whole; a bad entry is reported on its own', () => {
    expect(() => readAnnotations({ hello: 'world' })).toThrow(AnnotationFormatError)
    expect(() => readAnnotations({ type: 'AnnotationCollection', first: 'https://example.org/page1' })).toThrow(/links to its pages/)
    expect(readAnnotations([annotation, 42, { type: 'Annotation' }]).map((a) => 'invalid' in a)).toEqual([false, true, true])
  })

  test('a target given as a bare URL is a page note: skipped; selectors of other kinds name no words: invalid', () => {
    const plan = planAnnotationImport(
      readAnnotations([
        { ...annotation, target: REUTERS_URL },
        { ...annotation, target: { source: REUTERS_URL, selector: { type: 'FragmentSelector', value: 'page=2' } } },
      ]),
      context(),
    )
    expect(plan.outcomes).toEqual([
      { ref: annotation.id, status: 'skipped', reason: 'page note' },
      { ref: annotation.id, status: 'invalid', reason: expect.stringContaining('no TextQuoteSelector') },
    ])
  })

  test('a W3C reply (motivation "replying") is skipped', () => {
    const reply = { id: 'urn:uuid:reply', type: 'Annotation', motivation: 'replying', body: { type: 'TextualBody', value: 'Agreed.' }, target: annotation.id }
    expect(readAnnotations(reply)).toEqual([{ ref: 'urn:uuid:reply', skipped: 'reply' }])
  })

  test('a source given as several URLs, and a target given as one object or several: every source is tried in order', () => {
    const selector = [{ type: 'TextQuoteSelector', exact: 'denied it was part of any voluntary data collection mechanism' }]
    const elsewhere = 'https://www.reuters.com/article/idUSBRE95604E20130607'
    const rows = [
      { id: 'one', uri: elsewhere, target: { source: [elsewhere, REUTERS_URL], selector }, tags: ['denial'], text: '' },
      { id: 'two', uri: elsewhere, target: [{ source: elsewhere }, { source: [REUTERS_URL], selector }], tags: ['denial'], text: '' },
      { ...annotation, id: 'three', target: [{ source: [elsewhere, REUTERS_URL], selector }] },
    ]
    const items = readAnnotations({ rows: rows.slice(0, 2) }).concat(readAnnotations(rows[2]))
    expect(items.map((a) => ('sources' in a ? a.sources : a))).toEqual([
      [elsewhere, REUTERS_URL],
      [REUTERS_URL, elsewhere],
      [elsewhere, REUTERS_URL],
    ])
    const plan = planAnnotationImport(items.slice(0, 1), context())
    expect(plan.outcomes[0]).toMatchObject({ status: 'created', articleId: reuters.id })
    expect(planAnnotationImport([{ ref: 'x', sources: [elsewhere], quote: null, position: null, tags: [], text: null }], context()).outcomes[0]).toMatchObject({
      status: 'invalid',
    })
  })
})

describe('a Hypothesis client export: annotations among replies and page notes', () => {
  const items = readAnnotations(EXPORT)
  const plan = planAnnotationImport(items, context())
  const status = (ref: string) => plan.outcomes.find((o) => o.ref === ref)

  test('the 9 replies and 3 page notes are skipped, not invalid; the 6 annotations become claims', () => {
    const count = (predicate: (o: (typeof plan.outcomes)[number]) => boolean) => plan.outcomes.filter(predicate).length
    expect(items).toHaveLength(18)
    expect(count((o) => o.status === 'skipped' && o.reason === 'reply')).toBe(9)
    expect(count((o) => o.status === 'skipped' && o.reason === 'page note')).toBe(3)
    expect(count((o) => o.status === 'created')).toBe(6)
    expect(count((o) => o.status === 'invalid' || o.status === 'orphan' || o.status === 'no-article')).toBe(0)
  })

  test('context that is only the page’s indentation is no context: the dateline is found by its words and suffix', () => {
    expect(status('Wb7nUg4xEe-2cLZ8l1Qh_A')).toMatchObject({
      status: 'created',
      articleId: reuters.id,
      quote: 'SEATTLE (Reuters) - Microsoft Corp said on Thursday',
    })
    expect(plan.claims.find((c) => c.quote.startsWith('SEATTLE'))?.target[1]).toEqual({ type: 'TextPositionSelector', start: 0, end: 51 })
  })

  test('a target source given as two URLs finds the article under the second', () => {
    expect(status('YcK0Og4yEe-0V9sT6kRr7g')).toMatchObject({ status: 'created', articleId: reuters.id, kind: 'denial', quote: 'never on a voluntary basis' })
  })

  test('the article’s last words, whose suffix on the live page is "Related Articles", are found', () => {
    expect(status('a4NwMg4zEe-7JkC5sD1eUQ')).toMatchObject({
      status: 'created',
      articleId: itnews.id,
      quote: 'Microsoft only pulls and then provides the specific data mandated by the relevant legal demand.',
    })
  })

  // Issue 14: a heading's context from a real export is whitespace only, which folds to a
  // paragraph break and agreed with every paragraph that starts with the same word.
  test('a heading’s annotation whose words start other paragraphs is an orphan, not a claim on those words', () => {
    const row = EXPORT.annotations[0]
    const heading = (id: string, prefix: string, suffix: string) => ({
      ...row,
      id,
      tags: ['other'],
      target: [{ source: REUTERS_URL, selector: [{ type: 'TextQuoteSelector', exact: 'Microsoft', prefix, suffix }] }],
    })
    const indentation = '\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t'
    const headings = readAnnotations({
      annotations: [heading('both', indentation, indentation), heading('kicker', indentation, '\n\t\t\t\t\tMicrosoft says not part of ')],
    })
    expect(planAnnotationImport(headings, context()).outcomes.map((o) => o.status)).toEqual(['orphan', 'orphan'])
  })
})

describe('tags and URLs', () => {
  test('kinds and roles', () => {
    expect(kindFromTags(['privacy', 'ALLEGATION'])).toBe('allegation')
    expect(kindFromTags(['privacy'])).toBe('other')
    expect(roleName(['Speaker: Brad Smith '], 'speaker')).toBe('Brad Smith')
    expect(roleName(['speaker:'], 'speaker')).toBeNull()
    expect(findEntity('microsoft corporation', ENTITIES)?.id).toBe(MICROSOFT)
    expect(findEntity('Satya Nadella', ENTITIES)).toBeNull()
  })

  test('URL keys fold what does not change the page; candidates cover the stored spellings', () => {
    expect(urlKey('https://WWW.Reuters.com/a/b/?utm_source=x&id=3#top')).toBe('reuters.com/a/b?id=3')
    expect(urlKey('http://reuters.com/a/b?id=3')).toBe('reuters.com/a/b?id=3')
    expect(urlKey('ftp://reuters.com/a')).toBeNull()
    expect(urlCandidates('https://www.reuters.com/a?utm_medium=social#c')).toEqual(
      expect.arrayContaining(['https://www.reuters.com/a', 'http://reuters.com/a', 'https://reuters.com/a/']),
    )
  })
})
