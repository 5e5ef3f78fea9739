// A journalist opens Claimline on a new install: the demo articles are listed, search
// narrows them, and the Reuters article reads as the story, without the page chrome.
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const session = browserSession({ as: 'viewer' })

const REUTERS = 'Microsoft says not part of broad government online monitoring'
const ITNEWS = 'Microsoft asks US to let it disclose security requests'

test('the home page lists the demo articles with outlet, date and claim count', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/`)
  expect(await page.title()).toBe('Articles · Claimline')
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Articles')
  // Other browser tests add articles to the same database: check the two demo rows themselves.
  const reutersRow = page.getByRole('row', { name: new RegExp(REUTERS) })
  expect(await reutersRow.getByRole('cell').allTextContents()).toEqual([REUTERS, 'Reuters', 'Thu 6 Jun 2013, 20:43 UTC−04:00', '6'])
  const itnewsRow = page.getByRole('row', { name: new RegExp(ITNEWS) })
  expect(await itnewsRow.getByRole('cell').allTextContents()).toEqual([ITNEWS, 'iTnews', '17 Jul 2013', '8'])
})

test('searching titles narrows the list and keeps the query in the URL', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/`)
  await page.getByRole('searchbox', { name: 'Search titles' }).fill('disclose')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.waitForURL(/\?q=disclose$/)
  expect(await page.getByRole('link', { name: ITNEWS }).count()).toBe(1)
  expect(await page.getByRole('link', { name: REUTERS }).count()).toBe(0)
  expect(await page.getByRole('searchbox', { name: 'Search titles' }).inputValue()).toBe('disclose')

  await page.goto(`${baseUrl}/?q=${encodeURIComponent('no such story')}`)
  expect(await page.getByText('No article title contains “no such story”.').count()).toBe(1)
})

test('the Reuters article shows its metadata and clean body, and no reader comments', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/`)
  await page.getByRole('link', { name: REUTERS }).click()
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(REUTERS)

  const details = page.getByRole('definition')
  const text = await details.allTextContents()
  expect(text).toContain('Reuters')
  expect(text).toContain('Bill Rigby')
  expect(text).toContain('SEATTLE')
  expect(await page.locator('time').getAttribute('datetime')).toBe('2013-06-06T20:43:00-04:00')

  const paragraphs = await page.locator('.article-body p').allTextContents()
  expect(paragraphs[0]).toMatch(/^SEATTLE \(Reuters\) - Microsoft Corp said on Thursday it provides customer data/)
  expect(paragraphs.at(-1)).toMatch(/we don't participate in it\."$/)
  const body = (await page.locator('main').textContent()) ?? ''
  for (const chrome of ['wonka wrote:', 'Report as abuse', 'Tour de France', 'Sponsored Links']) expect(body).not.toContain(chrome)

  expect(await page.getByRole('heading', { name: 'Claims (6)' }).count()).toBe(1)
  expect(await page.getByRole('blockquote').first().textContent()).toMatch(/^Microsoft Corp said on Thursday/)
})

test('the iTnews article shows the standfirst and the date an editor supplied', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/?q=disclose`)
  await page.getByRole('link', { name: ITNEWS }).click()
  await page.waitForURL(/\/articles\//)
  expect(await page.getByText('Wants to fix damaged reputation.').count()).toBe(1)
  expect(await page.getByText('supplied by an editor').count()).toBe(1)
  expect(await page.getByText('PEISM', { exact: false }).count()).toBeGreaterThan(0)
})

test('an unknown article is a 404 page, not an error', async () => {
  const page = session.page()
  const missing = `${baseUrl}/articles/01a2038f-db30-7363-8bee-d676a5ef8541`
  const malformed = `${baseUrl}/articles/not-an-id`
  session.watch().expectHttpError(missing)
  session.watch().expectHttpError(malformed)
  expect((await page.goto(missing))?.status()).toBe(404)
  expect((await page.goto(malformed))?.status()).toBe(404)
  expect(await page.getByRole('heading', { name: '404' }).count()).toBe(1)
})

test('the list filters by outlet and date, and the filters live in a short URL', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/`)
  await page.getByRole('combobox', { name: 'Outlet' }).selectOption({ label: 'iTnews' })
  await page.getByRole('button', { name: 'Search' }).click()
  await page.waitForURL(/\/\?outlet=[0-9a-f-]{36}$/)
  expect(await page.getByRole('link', { name: ITNEWS }).count()).toBe(1)
  expect(await page.getByRole('link', { name: REUTERS }).count()).toBe(0)

  await page.goto(`${baseUrl}/?from=2013-06-01&to=2013-06-30`)
  expect(await page.getByRole('link', { name: REUTERS }).count()).toBe(1)
  expect(await page.getByRole('link', { name: ITNEWS }).count()).toBe(0)
  expect(await page.getByRole('textbox', { name: 'Published from' }).inputValue()).toBe('2013-06-01')
  await page.getByRole('link', { name: 'Clear' }).click()
  await page.waitForURL(`${baseUrl}/`)
})

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
async function boxOf(locator: { boundingBox(): Promise<Box | null> }): Promise<Box> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not laid out')
  return box
}

test('on a wide screen a claim card opens in the margin beside its words, never over the text, and Escape closes it', async () => {
  const page = session.page()
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`${baseUrl}/?q=monitoring`)
  await page.getByRole('link', { name: REUTERS }).click()
  await page.waitForURL(/\/articles\//)

  const mark = page.locator('mark.hl').first()
  await mark.click()
  const card = page.getByRole('dialog', { name: 'Claim' })
  const words = await boxOf(mark)
  const box = await boxOf(card)
  expect(overlaps(box, words)).toBe(false)
  expect(box.x).toBeGreaterThanOrEqual(words.x + words.width)
  // Its top is the words' top.
  expect(Math.abs(box.y - words.y)).toBeLessThan(4)
  for (const paragraph of await page.locator('.article-body > p').all()) expect(overlaps(box, await boxOf(paragraph))).toBe(false)
  // The card took the focus; Escape closes it and gives the focus back to the words.
  expect(await card.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Escape')
  await card.waitFor({ state: 'detached' })
  expect(await mark.evaluate((element) => element === document.activeElement)).toBe(true)

  // The last claim's card is long and near the end of the text: it stays in the margin and
  // pushes the claims list down rather than run over it; it is scrolled on screen.
  await page.locator('mark.hl').last().click()
  const last = await boxOf(card)
  const claimsList = await boxOf(page.getByRole('region', { name: /^Claims \(/ }))
  expect(last.y + last.height).toBeLessThanOrEqual(claimsList.y)
  // (Within a pixel: the page scrolls by whole pixels, the card's height is fractional.)
  expect(await card.evaluate((element) => element.getBoundingClientRect().bottom <= window.innerHeight + 1)).toBe(true)
  await card.getByRole('button', { name: 'Close claim' }).click()
  await card.waitFor({ state: 'detached' })

  // Printed, the article has no card.
  await page.locator('mark.hl').first().click()
  await page.emulateMedia({ media: 'print' })
  expect(await card.isVisible()).toBe(false)
})

test('on a narrow screen a claim card opens below its paragraph, full width, in the reading flow', async () => {
  const page = session.page()
  await page.setViewportSize({ width: 600, height: 900 })
  await page.goto(`${baseUrl}/?q=monitoring`)
  await page.getByRole('link', { name: REUTERS }).click()
  await page.waitForURL(/\/articles\//)

  // The first paragraph with a claim, its first highlight, and the paragraph after it.
  const paragraph = page
    .locator('.article-body > p')
    .filter({ has: page.locator('mark.hl') })
    .first()
  const mark = paragraph.locator('mark.hl').first()
  const next = paragraph.locator('xpath=following-sibling::p[1]')
  const nextBefore = await boxOf(next)
  await mark.click()
  const card = page.getByRole('dialog', { name: 'Claim' })
  const box = await boxOf(card)
  const text = await boxOf(paragraph)
  expect(box.y).toBeGreaterThanOrEqual(text.y + text.height)
  expect(Math.abs(box.x - text.x)).toBeLessThan(1)
  expect(Math.abs(box.width - text.width)).toBeLessThan(1)
  // The text after it moved down to make room.
  const nextAfter = await boxOf(next)
  expect(nextAfter.y).toBeGreaterThanOrEqual(box.y + box.height)
  expect(nextAfter.y).toBeGreaterThan(nextBefore.y)
})
