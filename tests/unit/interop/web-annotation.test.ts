// W3C Web Annotation export of the hand-built claims, against the expected document; and read
// back by the annotation importer against the same texts, it gives the same claims.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { planAnnotationImport, readAnnotations } from '@/lib/interop/annotation-import'
import { annotationCollection } from '@/lib/interop/web-annotation'
import { ARTICLES, CLAIMS, ENTITIES, ITNEWS_TEXT, OPTIONS, REUTERS_TEXT } from './sample-claims'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/interop')
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'annotations.expected.jsonld'), 'utf8'))
const COLLECTION = {
  ...OPTIONS,
  id: 'https://claims.example.org/api/export?format=annotations&story=01970000-0000-7000-8000-00000000f001',
  label: 'Claimline: the claims of the story “PRISM, 2013”',
}

test('the claim set gives the expected AnnotationCollection', () => {
  expect(annotationCollection(CLAIMS, COLLECTION)).toEqual(expected)
})

test('each annotation is the claim: its page as id, the article as source, both selectors, kind/speaker/subject as tags, the note as a comment', () => {
  const items = (annotationCollection(CLAIMS, COLLECTION).first as { items: Record<string, unknown>[] }).items
  expect(items.map((a) => a.id)).toEqual(CLAIMS.map((c) => `https://claims.example.org/claims/${c.id}`))
  // A pasted article has no URL of its own: its page here stands in.
  expect(items.map((a) => (a.target as { source: string }).source)).toEqual([
    ARTICLES.reuters.url,
    ARTICLES.reuters.url,
    `https://claims.example.org/articles/${ARTICLES.itnews.id}`,
  ])
  expect(items[2]?.body).toEqual([
    { type: 'TextualBody', purpose: 'tagging', value: 'statement' },
    { type: 'TextualBody', purpose: 'tagging', value: 'speaker:Brad Smith' },
    { type: 'TextualBody', purpose: 'tagging', value: 'subject:Microsoft' },
    { type: 'TextualBody', purpose: 'commenting', value: 'Smith repeats the June denial, in stronger terms.', format: 'text/plain' },
    { type: 'TextualBody', purpose: 'assessing', value: 'Accurate' },
  ])
})

test('read back by the importer against the same texts, the export gives the same claims', () => {
  const items = readAnnotations(annotationCollection(CLAIMS, COLLECTION))
  const plan = planAnnotationImport(items, {
    articles: [
      { id: ARTICLES.reuters.id, urls: [ARTICLES.reuters.url ?? ''], bodyText: REUTERS_TEXT, day: '2013-06-06' },
      { id: ARTICLES.itnews.id, urls: [], bodyText: ITNEWS_TEXT, day: null },
    ],
    entities: ENTITIES,
    existing: [],
    claimlineArticleId: (url) => (url === `https://claims.example.org/articles/${ARTICLES.itnews.id}` ? ARTICLES.itnews.id : null),
  })
  expect(plan.outcomes.map((o) => o.status)).toEqual(['created', 'created', 'created'])
  expect(
    plan.claims.map((c) => ({ articleId: c.articleId, kind: c.kind, target: c.target, speakerId: c.speakerId, subjectId: c.subjectId, note: c.note })),
  ).toEqual(
    CLAIMS.map((c) => ({
      articleId: c.article.id,
      kind: c.kind,
      target: c.target,
      speakerId: c.speaker?.id ?? null,
      subjectId: c.subject?.id ?? null,
      note: c.note,
    })),
  )
})
