// Suggested claims in the reader: a newly ingested article arrives with dashed suggestions,
// and an editor accepts one, edits one before accepting it, and rejects one for good.
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const editor = inject('accounts').editor
const session = browserSession({ as: 'editor' })

const ARTICLE = [
  'Velora denies selling shopper data',
  'By Ana Ruiz',
  'Velora Inc denied on Tuesday that it had sold shoppers\u2019 purchase histories to advertisers, after the Daily Ledger reported that the retailer shared the data with three brokers.',
  '"We have never sold our customers\u2019 data and we never will," Velora spokeswoman Jane Roe said in an emailed statement.',
  'According to internal emails seen by the newspaper, managers discussed the sales as early as 2019.',
  'Regulators in two states said they were looking into the report and would ask the company for records.',
].join('\n\n')

test('accept, edit-then-accept and reject suggestions; a rejected one stays gone after "Suggest claims"', async () => {
  const response = await fetch(`${baseUrl}/api/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editor.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: ARTICLE, fixes: { publishedAt: '2024-03-05', publisher: 'Daily Ledger' } }),
  })
  expect(response.status).toBe(201)
  const { results } = (await response.json()) as { results: { article: { id: string } }[] }
  const page = session.page()
  await page.goto(`${baseUrl}/articles/${results[0]?.article.id}`)

  const suggested = page.locator('mark.hl-suggest')
  const before = await suggested.count()
  expect(before).toBeGreaterThanOrEqual(3)
  expect(
    await page
      .getByRole('status')
      .filter({ hasText: /suggested claims?, underlined with dashes/ })
      .count(),
  ).toBe(1)

  // Accept the quote as proposed: it becomes a highlighted claim.
  await page.locator('mark.hl-suggest', { hasText: 'We have never sold our customers' }).click()
  const card = page.getByRole('region', { name: /^Suggested claim:/ })
  await card.getByRole('button', { name: 'Accept' }).click()
  await page.locator('mark.hl', { hasText: 'We have never sold our customers' }).waitFor()
  expect(await page.getByRole('heading', { name: 'Claims (1)' }).count()).toBe(1)
  // The new speaker the engine named becomes an entity on acceptance.
  expect(await page.getByRole('listitem').filter({ hasText: 'We have never sold' }).getByText('Jane Roe').count()).toBe(1)

  // Edit one first: change its kind, then save.
  await page.locator('mark.hl-suggest').first().click()
  await page
    .getByRole('region', { name: /^Suggested claim:/ })
    .getByRole('button', { name: 'Edit first' })
    .click()
  const form = page.getByRole('form', { name: 'Edit suggestion' })
  await form.getByRole('radio', { name: /Report/ }).check()
  await form.getByRole('button', { name: 'Save claim' }).click()
  await form.waitFor({ state: 'detached' })
  expect(await page.getByRole('heading', { name: 'Claims (2)' }).count()).toBe(1)
  expect(await page.locator('mark.hl-report').count()).toBeGreaterThan(0)

  // Reject one: it disappears and does not come back when asking for suggestions again.
  const rejected = page.locator('mark.hl-suggest').first()
  const words = (await rejected.textContent()) ?? ''
  await rejected.click()
  await page
    .getByRole('region', { name: /^Suggested claim:/ })
    .getByRole('button', { name: 'Reject' })
    .click()
  await page.getByRole('region', { name: /^Suggested claim:/ }).waitFor({ state: 'detached' })
  expect(await page.locator('mark.hl-suggest', { hasText: words }).count()).toBe(0)
  await page.getByRole('button', { name: 'Suggest claims' }).click()
  await page.waitForTimeout(500)
  await page.reload()
  expect(await page.locator('mark.hl-suggest', { hasText: words }).count()).toBe(0)
  expect(await page.locator('mark.hl-suggest').count()).toBe(before - 3)
})
