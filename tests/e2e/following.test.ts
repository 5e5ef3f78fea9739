// Following as a journalist and an editor use it, on the demo data: a journalist follows a
// company from its page, the Following page lists its claims, and marking them seen empties the
// list of what it showed; an editor adds a feed on the Feeds page and sees its status row. No
// other browser file follows companies or feeds, and the feed's URL is this run's own, so the
// order files run in does not matter.
import { randomBytes } from 'node:crypto'
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const journalist = browserSession({ as: 'viewer' })
const editor = browserSession({ as: 'editor' })

test('a journalist follows Microsoft from its page, sees its claims under Following, and marks them seen', async () => {
  const page = journalist.page()
  await page.goto(`${baseUrl}/entities`)
  await page.getByRole('link', { name: 'Microsoft', exact: true }).first().click()
  await page.waitForURL(/\/entities\/[0-9a-f-]{36}$/)
  const follow = page.getByRole('button', { name: 'Follow Microsoft', exact: true })
  if ((await follow.count()) > 0) await follow.click()
  const following = page.getByRole('button', { name: 'Following Microsoft', exact: true })
  await following.waitFor()
  expect(await following.getAttribute('aria-pressed')).toBe('true')

  await page.getByRole('link', { name: 'Following', exact: true }).first().click()
  await page.waitForURL(/\/follows$/)
  const companies = page.getByRole('region', { name: 'Companies you follow' })
  expect(await companies.getByRole('link', { name: 'Microsoft', exact: true }).count()).toBe(1)
  const items = page.getByRole('list', { name: 'New claims' }).getByRole('listitem')
  await items.first().waitFor()
  const shown = await items.allTextContents()
  expect(shown.length).toBeGreaterThan(0)
  expect(shown.every((text) => text.startsWith('Microsoft · '))).toBe(true)
  expect(shown.some((text) => /^Microsoft · (Allegation|Statement|Denial|Response)/.test(text))).toBe(true)

  await page.getByRole('button', { name: 'Mark all as seen' }).click()
  // What was shown is gone; only a claim made since (by another browser file) may be listed.
  await expect
    .poll(async () => (await page.getByRole('list', { name: 'New claims' }).getByRole('listitem').allTextContents()).filter((t) => shown.includes(t)))
    .toEqual([])

  // Unfollowed again, so a second run on the same server starts from the same place.
  await companies.getByRole('button', { name: 'Unfollow Microsoft' }).click()
  await page.getByText('You follow no company yet.').waitFor()
})

test('an editor adds a feed on the Feeds page and sees its status row', async () => {
  const page = editor.page()
  const url = `https://feeds.example.org/${randomBytes(4).toString('hex')}/rss.xml`
  await page.goto(`${baseUrl}/feeds`)
  const form = page.getByRole('form', { name: 'Follow a feed' })
  await form.getByLabel('RSS or Atom feed URL').fill(url)
  await form.getByLabel('Poll every (minutes)').fill('45')
  await form.getByRole('button', { name: 'Follow' }).click()
  await form.getByRole('status').getByText(`Following ${url}: its first poll comes within a minute.`).waitFor()
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: url }) })
  await row.waitFor()
  const cells = await row.getByRole('cell').allTextContents()
  expect(cells[0]).toMatch(/^(Waiting for its first poll|Failing)/)
  // Status, every, last poll, last new item, items, actions. (The server's jobs may have polled
  // it already: example.org answers nothing here, so the row then shows the error.)
  expect(cells[1]).toBe('45 min')
  expect(cells[3]).toBe('never')
  expect(cells[4]).toBe('0')
  expect(await row.getByRole('button', { name: `Pause ${url}` }).count()).toBe(1)

  // The feed is removed again: the Feeds page of other runs does not grow.
  await row.getByRole('button', { name: `Stop following ${url}` }).click()
  await expect.poll(() => page.getByRole('rowheader', { name: url }).count()).toBe(0)
})
