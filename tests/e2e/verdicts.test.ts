// A fact-check verdict from the claim card, published as a ClaimReview: an editor gives the
// iTnews allegation the verdict "Disputed" with a reason, sees it on the card, and the
// article's JSON-LD export carries it; the editor then removes it again.
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const session = browserSession({ as: 'editor' })

const ITNEWS = 'Microsoft asks US to let it disclose security requests'
const ALLEGATION = 'Microsoft reportedly allowed US security agencies to circumv'

type JsonLd = { '@graph'?: JsonLdNode[] } & JsonLdNode
type JsonLdNode = { '@type'?: string; reviewRating?: { alternateName?: string }; claimReviewed?: string }

test('give a claim a verdict, find it in the JSON-LD export as a ClaimReview, then remove it', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/`)
  await page.getByRole('link', { name: ITNEWS }).click()
  await page
    .locator('mark', { hasText: ALLEGATION.slice(0, 40) })
    .first()
    .click()
  const card = page.getByRole('region', { name: /^Claim:/ })
  await card.getByRole('button', { name: 'Verdict…' }).click()
  const form = card.getByRole('form', { name: 'Fact-check verdict' })
  await form.getByRole('combobox', { name: 'Verdict' }).fill('Disputed')
  await form.getByLabel('Why (optional)').fill('Microsoft denies the report; the documents do not show direct access.')
  await form.getByRole('button', { name: 'Save verdict' }).click()
  await card.getByText('Disputed', { exact: true }).waitFor()

  // The same export a user downloads from the article page, fetched with the editor's session.
  const link = page.getByRole('link', { name: 'Claims as JSON-LD (schema.org)' }).first()
  const href = await link.getAttribute('href')
  expect(href).toMatch(/^\/api\/export\?article=/)
  const response = await page.request.get(`${baseUrl}${href}`)
  expect(response.status()).toBe(200)
  const document = (await response.json()) as JsonLd
  const nodes = document['@graph'] ?? [document]
  const reviews = nodes.filter((n) => n['@type'] === 'ClaimReview')
  expect(reviews).toHaveLength(1)
  expect(reviews[0]?.reviewRating?.alternateName).toBe('Disputed')
  expect(reviews[0]?.claimReviewed).toContain('Microsoft reportedly allowed')

  await card.getByRole('button', { name: 'Verdict…' }).click()
  await card.getByRole('button', { name: 'Remove verdict' }).click()
  await card.getByText('Disputed', { exact: true }).waitFor({ state: 'detached' })
})

test('after arriving at a claim by its link, editing another claim keeps that other claim’s card open', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/`)
  await page.getByRole('link', { name: ITNEWS }).click()
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/)
  const anchor = await page
    .locator('mark[id^="claim-"]', { hasText: ALLEGATION.slice(0, 40) })
    .first()
    .getAttribute('id')
  const link = `${page.url()}#${anchor}`
  await page.goto(`${baseUrl}/`)
  await page.goto(link)
  const card = page.getByRole('dialog', { name: 'Claim' })
  await card.getByText(ALLEGATION.slice(0, 40)).waitFor()

  // Another claim's verdict: saving refreshes the article, and the card stays on that claim.
  await page.locator('mark', { hasText: 'significant inaccuracies' }).first().click()
  await card.getByText('significant inaccuracies').first().waitFor()
  await card.getByRole('button', { name: 'Verdict…' }).click()
  await card.getByRole('combobox', { name: 'Verdict' }).fill('Accurate')
  await card.getByRole('button', { name: 'Save verdict' }).click()
  await card.getByText('Accurate', { exact: true }).waitFor()
  expect(await card.getByText('significant inaccuracies').count()).toBeGreaterThan(0)

  await card.getByRole('button', { name: 'Verdict…' }).click()
  await card.getByRole('button', { name: 'Remove verdict' }).click()
  await card.getByText('Accurate', { exact: true }).waitFor({ state: 'detached' })
})
