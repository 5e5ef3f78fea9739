// Searching the coverage from the header, as a journalist would: the words in the box on any
// page, results with the matched words marked, a claim opening at its sentence in its article
// and an article at the paragraph of its snippet.
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const session = browserSession({ as: 'viewer' })

test('the header box finds a denial by its words; the result opens the sentence, an article result its paragraph', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/timeline`)
  const box = page.getByRole('searchbox', { name: 'Search the coverage' })
  await box.fill('unfettered access')
  await box.press('Enter')
  await page.waitForURL(/\/search\?q=unfettered\+access$/)

  const results = page.getByRole('region', { name: 'Results' })
  // Stemmed and marked: "access" in the quote, however it was typed.
  expect(await results.locator('mark', { hasText: /^unfettered access$/ }).count()).toBeGreaterThan(0)
  const article = results.getByRole('link', { name: 'Microsoft asks US to let it disclose security requests', exact: true })
  const href = (await article.getAttribute('href')) ?? ''
  expect(href).toMatch(/^\/articles\/[0-9a-f-]{36}#p-\d+$/)

  await results.getByRole('link', { name: /^Denial by Brad Smith: open in/ }).click()
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}#claim-[0-9a-f-]{36}$/)
  const claimId = new URL(page.url()).hash.slice('#claim-'.length)
  await page.locator(`mark.hl-flash[data-ids~="${claimId}"]`).first().waitFor()
  expect(await page.getByRole('region', { name: 'Claim: Denial' }).getByText('direct and unfettered access').count()).toBe(1)

  await page.goto(`${baseUrl}${href}`)
  const paragraph = page.locator(`.article-body p${new URL(href, baseUrl).hash}`)
  expect(await paragraph.textContent()).toMatch(/unfettered access/)
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(new URL(href, baseUrl).hash.slice(1))
})
