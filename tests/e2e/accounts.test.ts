// Signing in, what each role may do, and an admin managing accounts — in a real browser.
import { expect, inject, test } from 'vitest'
import { browserSession, signIn } from './helpers/browser'

const baseUrl = inject('baseUrl')
const accounts = inject('accounts')
const session = browserSession()

test('an anonymous visitor is sent to sign in, told plainly about a wrong password, then brought back', async () => {
  const page = session.page()
  await page.goto(`${baseUrl}/?q=disclose`)
  await page.waitForURL(/\/login\?next=/)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in')

  await page.getByRole('textbox', { name: 'Email' }).fill(accounts.editor.email)
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  expect(await page.getByRole('alert').filter({ hasText: /\w/ }).textContent()).toBe('That email and password do not match an active account.')
  expect(await page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(accounts.editor.email)

  await page.getByLabel('Password').fill(accounts.editor.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${baseUrl}/?q=disclose`)
  const cookie = (await page.context().cookies()).find((c) => c.name === 'claimline_session')
  expect([cookie?.httpOnly, cookie?.sameSite, cookie?.secure]).toEqual([true, 'Lax', true])

  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/login$/)
  await page.goto(`${baseUrl}/`)
  await page.waitForURL(/\/login\?next=/)
})

test('a sign-in link whose next would lead off the site (tab, dot segment, newline) lands on this site', async () => {
  const page = session.page()
  for (const next of ['/%09/evil.example/', '/.%2F%2Fevil.example', '/%0a/evil.example/']) {
    await page.goto(`${baseUrl}/login?next=${next}`)
    await page.getByRole('textbox', { name: 'Email' }).fill(accounts.viewer.email)
    await page.getByLabel('Password').fill(accounts.viewer.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/login'))
    expect([next, page.url()]).toEqual([next, `${baseUrl}/`])
    // Signed in already, the sign-in page redirects at once (a newline in `next` was a 500).
    const again = await page.goto(`${baseUrl}/login?next=${next}`)
    expect([next, again?.status(), page.url()]).toEqual([next, 200, `${baseUrl}/`])
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login$/)
  }
})

test('a viewer reads articles but cannot edit them or add any', async () => {
  const page = session.page()
  await signIn(page, accounts.viewer)
  await page.getByRole('link', { name: 'Microsoft asks US to let it disclose security requests' }).click()
  await page.waitForURL(/\/articles\//)
  expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0)
  expect(await page.getByRole('link', { name: 'Add articles' }).count()).toBe(0)

  session.watch().expectHttpError(`${baseUrl}/articles/new`)
  const response = await page.goto(`${baseUrl}/articles/new`)
  expect(response?.status()).toBe(403)
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed')
  const api = await page.request.post(`${baseUrl}/api/articles`, { data: { text: 'x' }, headers: { origin: baseUrl } })
  expect([api.status(), (await api.json()).error.code]).toEqual([403, 'forbidden'])
})

test('an admin creates an account, its owner signs in, and deactivating it ends their session', async () => {
  const page = session.page()
  await signIn(page, accounts.admin)
  await page.getByRole('link', { name: 'Users' }).click()
  await page.waitForURL(/\/admin\/users$/)
  const email = `reporter-${Date.now()}@example.org`
  await page.getByRole('textbox', { name: 'Name' }).fill('New Reporter')
  await page.getByRole('textbox', { name: 'Email' }).fill(email)
  await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('viewer')
  await page.getByLabel('First password').fill('a first long passphrase')
  await page.getByRole('button', { name: 'Create account' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `Created New Reporter (${email}) as viewer` })
    .waitFor()

  const reporter = await page.context().browser()?.newContext()
  if (!reporter) throw new Error('no browser')
  const reporterPage = await reporter.newPage()
  await signIn(reporterPage, { email, password: 'a first long passphrase', name: 'New Reporter' })
  expect(await reporterPage.getByRole('link', { name: /Your account \(New Reporter, viewer\)/ }).count()).toBe(1)

  await page.reload()
  await page.getByRole('button', { name: 'Deactivate New Reporter' }).click()
  await page.getByRole('status').filter({ hasText: 'New Reporter: deactivated.' }).waitFor()
  await reporterPage.goto(`${baseUrl}/`)
  await reporterPage.waitForURL(/\/login\?next=/)
  await reporter.close()
})

test('an editor makes an API token, sees it once, and a script can ingest with it', async () => {
  const page = session.page()
  await signIn(page, accounts.editor)
  await page.goto(`${baseUrl}/account`)
  await page.getByRole('textbox', { name: 'Name' }).fill('e2e script')
  await page.getByRole('button', { name: 'Create token' }).click()
  const token = (await page.getByLabel('New API token').textContent()) ?? ''
  expect(token).toMatch(/^clk_[A-Za-z0-9_-]{43}$/)

  const text =
    'Port strike ends after two weeks\n\nDock workers returned to work on Monday after a two-week strike over pay and shift patterns, the union said, ending the longest stoppage at the port in a decade.'
  const script = await fetch(`${baseUrl}/api/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  })
  expect(script.status).toBe(201)

  await page.reload()
  expect(await page.getByLabel('New API token').count()).toBe(0) // shown once
  await page.getByRole('button', { name: 'Revoke token e2e script' }).click()
  await page.getByRole('button', { name: 'Revoke token e2e script' }).waitFor({ state: 'detached' })
  const revoked = await fetch(`${baseUrl}/api/articles`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  })
  expect(revoked.status).toBe(401)
})
