// Editors correcting an article's details: applied, audited, and refused when another edit came first.
import { expect, test } from 'vitest'
import { updateArticleDetails } from '@/lib/articles/edit'
import { getDb } from '@/lib/db'
import { loadDemoData } from '@/lib/demo/load-demo'
import { listAuditEventsFor } from '@/lib/queries/audit'
import { StaleEditError } from '@/lib/queries/edits'

test('a correction is saved with an audit record of before and after; a stale one is refused', async () => {
  await loadDemoData()
  const article = await getDb().article.findFirstOrThrow({ where: { title: { startsWith: 'Microsoft asks' } } })
  const saved = await updateArticleDetails(
    article.id,
    article.version,
    {
      title: article.title,
      bylines: ['Juha Saarinen'],
      outletId: article.outletId,
      publishedAt: new Date('2013-07-17T09:00:00+10:00'),
      publishedOffset: '+10:00',
      publishedSource: 'editor',
    },
    null,
  )
  expect(saved).toMatchObject({ bylines: ['Juha Saarinen'], publishedOffset: '+10:00', version: article.version + 1 })

  const audit = await listAuditEventsFor('Article', article.id)
  const edit = audit.find((e) => e.action === 'article.update-details')
  expect(edit?.before).toMatchObject({ bylines: [], publishedOffset: null })
  expect(edit?.after).toMatchObject({ bylines: ['Juha Saarinen'], publishedAt: '2013-07-16T23:00:00.000Z', publishedOffset: '+10:00' })

  // A second editor who loaded the article before that change must not overwrite it.
  await expect(updateArticleDetails(article.id, article.version, { title: 'Overwritten', bylines: [], outletId: null }, null)).rejects.toThrow(StaleEditError)
  expect((await getDb().article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe('Microsoft asks US to let it disclose security requests')
})
