// An editor adds articles: pastes one, corrects what the extractor could not find, saves it;
// pastes one the archive already has; uploads a batch with a bad file in it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const session = browserSession({ as: 'editor' })

const PASTED = `Harbour board backs new ferry terminal

By Maria Olsen

The harbour board voted on Tuesday to build a new ferry terminal on the north quay, ending two years of debate over where the island's busiest crossing should dock.

Board members said the new terminal would let two ferries load at once and cut waiting times at the height of the summer season by half.

Residents of the north quay said they had not been consulted and would ask the council to review the decision before any construction contracts are signed.

Share this article
Most Read`

test('paste, see what was found, supply the missing date, save, and open the article', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/`)
  await page.getByRole('link', { name: 'Add articles' }).click()
  await page.waitForURL(/\/articles\/new$/)
  await page.getByRole('textbox', { name: 'Article text or page HTML' }).fill(PASTED)
  await page.getByRole('button', { name: 'Preview' }).click()

  const check = page.getByRole('form', { name: 'Check and correct before saving' })
  await check.waitFor()
  expect(await check.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Harbour board backs new ferry terminal')
  expect(await check.getByRole('textbox', { name: 'Byline' }).inputValue()).toBe('Maria Olsen')
  expect(await check.getByText('No publication date found: an editor should supply it.').count()).toBe(1)
  expect(await check.getByText('3 paragraphs', { exact: false }).count()).toBe(1)

  await check.getByRole('textbox', { name: /Published/ }).fill('2024-03-05')
  await check.getByRole('textbox', { name: 'Outlet' }).fill('Harbour Gazette')
  await check.getByRole('button', { name: 'Save article' }).click()
  const saved = page.getByRole('list', { name: 'Saved' })
  await saved.getByText('created').waitFor()
  // Saved: the preview and its button are gone, and the box is empty for the next article.
  expect(await page.getByRole('form', { name: 'Check and correct before saving' }).count()).toBe(0)
  expect(await page.getByRole('textbox', { name: 'Article text or page HTML' }).inputValue()).toBe('')
  await saved.getByRole('link', { name: 'Harbour board backs new ferry terminal' }).click()
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Harbour board backs new ferry terminal')
  const details = await page.getByRole('definition').allTextContents()
  expect(details).toContain('Harbour Gazette')
  expect(details).toContain('Maria Olsen')
  expect(await page.getByText('supplied by an editor').count()).toBe(1)
  const paragraphs = await page.locator('.article-body p').allTextContents()
  expect(paragraphs).toHaveLength(3)
  expect(paragraphs.join(' ')).not.toContain('Most Read')
})

test('pasting an article the archive has is reported as a duplicate, with a link to it', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/articles/new`)
  const reuters = readFileSync(path.join(process.cwd(), 'prisma/demo/004_beb8acb8efdee709.txt'), 'utf8')
  await page.getByRole('textbox', { name: 'Article text or page HTML' }).fill(reuters)
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByRole('button', { name: 'Save article' }).click()
  const saved = page.getByRole('list', { name: 'Saved' })
  await saved.getByText('duplicate').waitFor()
  expect(await saved.getByRole('link', { name: 'Microsoft says not part of broad government online monitoring' }).count()).toBe(1)
})

test('uploading a batch reports each file, and a bad file does not stop the others', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/articles/new`)
  const article = `<!doctype html><html lang="en"><head><title>Tram line opens</title><meta property="article:published_time" content="2024-04-02T08:00:00+02:00"></head><body><article><h1>Tram line opens</h1>${'<p>The new tram line opened on Tuesday, linking the station to the university campus in twelve minutes.</p>'.repeat(3)}</article></body></html>`
  await page.getByLabel(/Saved pages/).setInputFiles([
    { name: 'tram.html', mimeType: 'text/html', buffer: Buffer.from(article) },
    { name: 'scan.pdf.txt', mimeType: 'text/plain', buffer: Buffer.from('%PDF-1.7 binary') },
  ])
  await page.getByRole('button', { name: 'Ingest files' }).click()
  const results = page.getByRole('list', { name: 'Uploaded files' })
  await results.waitFor()
  const lines = await results.getByRole('listitem').allTextContents()
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatch(/^tram\.html: created Tram line opens/)
  expect(lines[1]).toMatch(/^scan\.pdf\.txt: failed This is a PDF document/)
})
