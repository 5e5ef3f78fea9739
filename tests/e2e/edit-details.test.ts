// An editor corrects an article's details in place, and is told clearly what is wrong with a bad date.
import { expect, inject, test } from 'vitest'
import { browserSession } from './helpers/browser'

const baseUrl = inject('baseUrl')
const session = browserSession({ as: 'editor' })

test('edit the byline of the iTnews article; a malformed date is refused with a message', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/?q=disclose`)
  await page.getByRole('link', { name: 'Microsoft asks US to let it disclose security requests' }).click()
  await page.waitForURL(/\/articles\//)
  await page.getByRole('button', { name: 'Edit details' }).click()
  const form = page.getByRole('form', { name: 'Edit article details' })
  expect(await form.getByRole('textbox', { name: /Published/ }).inputValue()).toBe('2013-07-17')

  await form.getByRole('textbox', { name: /Published/ }).fill('17/07/2013')
  await form.getByRole('button', { name: 'Save details' }).click()
  expect(await form.getByRole('alert').textContent()).toMatch(/Give the date as YYYY-MM-DD/)

  await form.getByRole('textbox', { name: /Published/ }).fill('2013-07-17')
  await form.getByRole('textbox', { name: 'Byline' }).fill('Juha Saarinen')
  await form.getByRole('button', { name: 'Save details' }).click()
  await page.getByRole('button', { name: 'Edit details' }).waitFor()
  expect(await page.getByRole('definition').allTextContents()).toContain('Juha Saarinen')
})
