// The journalist's morning view: Microsoft's timeline from the demo data, allegations opposite
// the company's answers, joined by drawn links; the view's state in the URL; every item one
// click from its sentence.
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const session = browserSession({ as: 'viewer' })

test('Microsoft’s timeline: allegations opposite its answers, links drawn, state in the URL, items open their sentence', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/timeline`)
  const company = page.getByRole('combobox', { name: 'Company' })
  await company.selectOption({ label: (await company.locator('option', { hasText: /^Microsoft/ }).textContent()) ?? 'Microsoft' })
  await page.getByRole('button', { name: 'Show' }).click()
  await page.waitForURL(/\/timeline\?entity=[0-9a-f-]{36}$/)

  // The speaker menu offers who speaks on this timeline, not every entity in the archive.
  const speakers = await page.getByRole('combobox', { name: 'Speaker' }).locator('option').allTextContents()
  expect(speakers).toEqual(expect.arrayContaining(['anyone', 'Brad Smith', 'Microsoft', 'The Washington Post']))
  expect(speakers).not.toContain('PRISM')

  // 6 June 2013: The Washington Post's allegation in the reported lane, Microsoft's statement opposite.
  const june6 = page.locator('.tl-row', { has: page.getByRole('heading', { name: 'Thu 6 Jun 2013' }) })
  expect(await june6.getByRole('list', { name: 'Reported, Thu 6 Jun 2013' }).getByText('The Washington Post').count()).toBeGreaterThan(0)
  expect(
    await june6
      .getByRole('list', { name: 'Said by Microsoft, Thu 6 Jun 2013' })
      .getByText(/We provide customer data only when we receive a legally binding order/)
      .count(),
  ).toBeGreaterThan(0)

  // The leaked-documents allegation about Outlook encryption, and the denial that answers it, joined by a drawn link.
  const allegation = page.locator('[data-item]', { hasText: 'circumvent encryption of Outlook emails' })
  const allegationId = await allegation.getAttribute('data-item')
  const link = page.locator(`.tl-link:not(.proposed)[data-to="${allegationId}"]`)
  await link.waitFor()
  expect(await link.locator('text').textContent()).toBe('denies')
  const denial = page.locator(`[data-item="${await link.getAttribute('data-from')}"]`)
  expect(await denial.locator('.kind').textContent()).toBe('Denial')
  expect(
    await denial
      .locator(':scope > blockquote')
      .getByText(/direct or unfettered access/)
      .count(),
  ).toBe(1)
  const [a, d] = [await allegation.boundingBox(), await denial.boundingBox()]
  expect((a?.x ?? 0) < (d?.x ?? 0)).toBe(true) // opposite lanes: reported left, said right
  // The two labelled denials (other browser tests may have confirmed more links since).
  expect(await page.getByRole('region', { name: 'Links' }).getByText('denies', { exact: true }).count()).toBeGreaterThanOrEqual(2)

  // A filter changes the URL; reloading restores the view.
  await page.getByRole('checkbox', { name: 'Denial' }).check()
  await page.getByRole('button', { name: 'Show' }).click()
  await page.waitForURL(/&kind=denial$/)
  await page.reload()
  expect(await page.getByRole('checkbox', { name: 'Denial' }).isChecked()).toBe(true)
  const kinds = await page.locator('.tl-item .kind').allTextContents()
  expect(kinds.length).toBeGreaterThan(0)
  expect(new Set(kinds)).toEqual(new Set(['Denial']))

  // One click from an item to its highlighted sentence.
  await page.locator('.tl-item', { hasText: 'significant inaccuracies' }).getByRole('link').click()
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}#claim-[0-9a-f-]{36}$/)
  const claimId = new URL(page.url()).hash.slice('#claim-'.length)
  await page.locator(`mark.hl-flash[data-ids~="${claimId}"]`).first().waitFor()
  expect(await page.getByRole('region', { name: 'Claim: Denial' }).getByText('significant inaccuracies').count()).toBe(1)
})

test('the current view exports as CSV and JSON', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/timeline`)
  const company = page.getByRole('combobox', { name: 'Company' })
  await company.selectOption({ label: (await company.locator('option', { hasText: /^Microsoft/ }).textContent()) ?? 'Microsoft' })
  await page.getByRole('button', { name: 'Show' }).click()
  await page.waitForURL(/entity=/)
  const csv = await page.request.get(`${baseUrl}/api/timeline?${new URL(page.url()).search.slice(1)}&format=csv`)
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
  const lines = (await csv.text()).trim().split('\r\n')
  expect(lines[0]).toBe('claim_id,claim_date,kind,lane,quote,speaker,subject,channel,outlet,bylines,article_title,article_id,links')
  expect(lines.length).toBeGreaterThan(10)
  const json = await (await page.request.get(`${baseUrl}/api/timeline?${new URL(page.url()).search.slice(1)}`)).json()
  expect(json.companies[0].name).toBe('Microsoft')
  expect(json.links.filter((l: { status: string; relation: string }) => l.status === 'confirmed' && l.relation === 'denies').length).toBeGreaterThanOrEqual(2)
})

test('a story opens as its own timeline', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/stories`)
  await page.getByRole('link', { name: 'PRISM, 2013' }).click()
  await page.waitForURL(/\/timeline\?story=[0-9a-f-]{36}$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Timeline: PRISM, 2013')
  expect(await page.getByRole('heading', { level: 2, name: 'Microsoft' }).count()).toBe(1)
  // More than ten claims, some of them copies shown on the card of the same claim.
  expect(Number((await page.locator('.tl-summary').textContent())?.match(/^(\d+) claims/)?.[1])).toBeGreaterThan(10)
})
