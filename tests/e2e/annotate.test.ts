// The editor's core flow on the Reuters seed: tag Microsoft's statement by selecting its words,
// see it highlighted after a reload, tag The Washington Post's allegation, and link the
// statement to it as a denial. The demo data already holds these two claims (from the gold
// labels), so the test first deletes them through their cards — which exercises delete too.
import type { Page } from 'playwright-core'
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const session = browserSession({ as: 'editor' })

const STATEMENT = 'We provide customer data only when we receive a legally binding order or subpoena to do so, and never on a voluntary basis'
const ALLEGATION = 'the U.S. National Security Agency and the FBI were "tapping directly into the central servers of nine leading U.S. Internet companies"'

// Selects `words` in the article body as a reader would with the mouse, then releases it.
async function select(page: Page, words: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const body = document.querySelector('.article-body')
    if (!body) return false
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
    const text = nodes.map((n) => n.data).join('')
    const at = text.indexOf(wanted)
    if (at < 0) return false
    const locate = (offset: number): [Text, number] => {
      let seen = 0
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return [node, offset - seen]
        seen += node.data.length
      }
      throw new Error('offset outside the text')
    }
    const range = document.createRange()
    range.setStart(...locate(at))
    range.setEnd(...locate(at + wanted.length))
    const selection = window.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    return true
  }, words)
  expect(found).toBe(true)
}

async function deleteClaimAt(page: Page, words: string): Promise<void> {
  await page
    .locator('mark', { hasText: words.slice(0, 40) })
    .first()
    .click()
  const card = page.getByRole('region', { name: /^Claim:/ })
  await card.getByRole('button', { name: 'Delete', exact: true }).click()
  await card.getByRole('button', { name: 'Delete claim' }).click()
  await card.waitFor({ state: 'detached' })
}

async function pickEntity(page: Page, label: string, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Tag claim' })
  await form.getByRole('combobox', { name: label }).fill(name)
  await form
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .click()
}

test('tag a statement and an allegation by selecting their words, then link the statement as a denial', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/?q=monitoring`)
  await page.getByRole('link', { name: 'Microsoft says not part of broad government online monitoring' }).click()
  await page.waitForURL(/\/articles\//)
  const articleUrl = page.url()
  await deleteClaimAt(page, STATEMENT)
  await deleteClaimAt(page, ALLEGATION)
  expect(await page.getByRole('heading', { name: 'Claims (4)' }).count()).toBe(1)

  // The statement: kind by keyboard shortcut, speaker and subject from the entity list, Enter saves.
  await select(page, STATEMENT)
  const form = page.getByRole('form', { name: 'Tag claim' })
  expect(await form.locator('blockquote').textContent()).toBe(STATEMENT)
  await form.getByRole('radio', { name: /Statement/ }).focus()
  await page.keyboard.press('d')
  expect(await form.getByRole('radio', { name: /Denial/ }).isChecked()).toBe(true)
  await page.keyboard.press('s')
  expect(await form.getByRole('radio', { name: /Statement/ }).isChecked()).toBe(true)
  await pickEntity(page, 'Speaker', 'Microsoft')
  await pickEntity(page, 'Subject', 'Microsoft')
  expect(await form.getByRole('textbox', { name: 'Claim date' }).inputValue()).toBe('2013-06-06')
  await form.getByRole('textbox', { name: 'Channel / attributed via' }).fill('emailed statement')
  await form.getByRole('textbox', { name: 'Channel / attributed via' }).press('Enter')
  await form.waitFor({ state: 'detached' })

  await page.reload()
  const mark = page.locator('mark.hl-statement', { hasText: 'We provide customer data only when' })
  expect(await mark.textContent()).toBe(STATEMENT)
  expect(await page.getByRole('heading', { name: 'Claims (5)' }).count()).toBe(1)

  // The allegation, reported by The Washington Post about Microsoft.
  await select(page, ALLEGATION)
  await form.getByRole('radio', { name: /Allegation/ }).check()
  await pickEntity(page, 'Speaker', 'The Washington Post')
  await pickEntity(page, 'Subject', 'Microsoft')
  await form.getByRole('button', { name: 'Save claim' }).click()
  await form.waitFor({ state: 'detached' })
  expect(await page.locator('mark.hl-allegation', { hasText: 'tapping directly into' }).count()).toBeGreaterThan(0)

  // Link: from the statement's card, search for the allegation and pick "denies".
  await mark.click()
  const card = page.getByRole('region', { name: 'Claim: Statement' })
  await card.getByRole('button', { name: 'Link to…' }).click()
  const picker = card.getByRole('form', { name: 'Link to another claim' })
  await picker.getByRole('combobox', { name: 'This claim' }).selectOption('denies')
  await picker.getByRole('searchbox').fill('tapping directly')
  await picker.getByRole('radio', { name: /tapping directly into the central servers/ }).check()
  await picker.getByRole('button', { name: 'Link' }).click()
  await card.getByRole('list', { name: 'Linked claims' }).getByText('denies').waitFor()

  // Both ends show the link after a reload.
  await page.goto(articleUrl)
  await page.locator('mark.hl-allegation', { hasText: 'tapping directly into' }).first().click()
  const allegationCard = page.getByRole('region', { name: 'Claim: Allegation' })
  expect(await allegationCard.getByRole('list', { name: 'Linked claims' }).textContent()).toMatch(/^denied by\s+“We provide customer data only when/)
})

test('two editors edit the same claim: the second is told someone else saved first, and loses nothing silently', async () => {
  const page = session.page()
  const other = await page.context().newPage()
  const url = `${baseUrl}/?q=disclose`
  for (const p of [page, other]) {
    await p.goto(url)
    await p.getByRole('link', { name: 'Microsoft asks US to let it disclose security requests' }).click()
    await p.waitForURL(/\/articles\//)
    await p.locator('mark', { hasText: 'significant inaccuracies' }).first().click()
    await p
      .getByRole('region', { name: /^Claim:/ })
      .getByRole('button', { name: 'Edit' })
      .click()
  }
  const first = page.getByRole('form', { name: 'Edit claim' })
  await first.getByRole('textbox', { name: 'Channel / attributed via' }).fill('blog post')
  await first.getByRole('button', { name: 'Save claim' }).click()
  await first.waitFor({ state: 'detached' })
  expect(
    await page
      .getByRole('region', { name: /^Claim:/ })
      .getByText('blog post')
      .count(),
  ).toBe(1)

  const second = other.getByRole('form', { name: 'Edit claim' })
  await second.getByRole('textbox', { name: 'Channel / attributed via' }).fill('interview')
  await second.getByRole('button', { name: 'Save claim' }).click()
  expect(await second.getByRole('alert').textContent()).toMatch(/^Someone else changed this claim since you opened it \(it is now at version 2\)/)
  await other.close()
})

test('an editor files a claim under a new story, and the story lists it', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/stories`)
  const name = `Outlook encryption ${Date.now()}`
  await page.getByRole('textbox', { name: 'Name' }).fill(name)
  await page.getByRole('button', { name: 'Create story' }).click()
  await page.getByRole('link', { name }).waitFor()

  await page.goto(`${baseUrl}/?q=disclose`)
  await page.getByRole('link', { name: 'Microsoft asks US to let it disclose security requests' }).click()
  await page.waitForURL(/\/articles\//)
  await page.locator('mark', { hasText: 'circumvent encryption of Outlook' }).first().click()
  const card = page.getByRole('region', { name: 'Claim: Allegation' })
  await card.getByRole('combobox', { name: 'Story' }).selectOption({ label: name })
  await card.getByRole('button', { name: 'Add', exact: true }).click()
  await card.getByRole('button', { name: `Remove from story ${name}` }).waitFor()

  await page.goto(`${baseUrl}/stories`)
  expect(
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('cell')
      .allTextContents(),
  ).toEqual([name, '—', '0', '1', 'JSON-LD · Web Annotations · CSV'])
})
