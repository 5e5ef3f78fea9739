import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest'
import type { TestLogin } from './provided'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Debian's Chromium, headless, with everything that would reach for the network switched off.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  })
}

export type ErrorWatch = {
  errors: string[]
  // The browser logs a console error for every 4xx document; a test that visits a missing or
  // forbidden page on purpose says so.
  expectHttpError(url: string): void
}

// Collects what a user would never see but a broken page produces: uncaught errors, console errors, dialogs.
export function watchForErrors(page: Page): ErrorWatch {
  const errors: string[] = []
  const refused = new Set<string>()
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const expected = refused.has(message.location().url) && /status of 4\d\d/.test(message.text())
    if (!expected) errors.push(`console: ${message.text()} (${message.location().url})`)
  })
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return { errors, expectHttpError: (url) => refused.add(url) }
}

// Signs in through the login form, as a person would.
export async function signIn(page: Page, login: TestLogin, baseUrl: string = inject('baseUrl')): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.getByRole('textbox', { name: 'Email' }).fill(login.email)
  await page.getByLabel('Password').fill(login.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

// One browser per test file and a fresh page per test, signed in as `as` (once per file, the
// cookie reused) or anonymous; after each test, the page must have produced no error. Returns
// accessors, since the page only exists once a test runs.
export function browserSession(options: { as?: 'admin' | 'editor' | 'viewer' } = {}): { page: () => Page; watch: () => ErrorWatch } {
  let browser: Browser | null = null
  let signedIn: StorageState | undefined
  let page: Page | null = null
  let watch: ErrorWatch | null = null
  beforeAll(async () => {
    browser = await launchBrowser()
    if (!options.as) return
    const context = await browser.newContext()
    await signIn(await context.newPage(), inject('accounts')[options.as])
    signedIn = await context.storageState()
    await context.close()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    if (!browser) throw new Error('the browser did not start')
    const context = await browser.newContext({ storageState: signedIn })
    page = await context.newPage()
    watch = watchForErrors(page)
    return async () => {
      await context.close()
      expect(watch?.errors).toEqual([])
    }
  })
  return {
    page: () => {
      if (!page) throw new Error('no page outside a test')
      return page
    },
    watch: () => {
      if (!watch) throw new Error('no page outside a test')
      return watch
    },
  }
}
