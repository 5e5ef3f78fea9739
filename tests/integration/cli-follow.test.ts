// claimline follow and claimline poll, run as a user runs them while this process owns the
// database: follow a feed on a local server, list it, poll it once (its items stored, a second
// pass finds nothing due), see a failing feed's error and exit 1, pause and remove.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDatabase, getDb } from '@/lib/db'
import { claimline, CLI_TEST_TIMEOUT } from './helpers/claimline'

let server: Server
let base = ''
const env = { ...process.env, CLAIMLINE_FETCH_ALLOW: '127.0.0.1' }

const paragraphs = [1, 2, 3]
  .map((i) => `<p>Part ${i}: the county council approved the new bus depot on Wednesday after two years of objections from residents nearby.</p>`)
  .join('')

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/broken.xml') return res.writeHead(500).end()
    if (req.url !== '/council.xml') return res.writeHead(404).end()
    const item = `<item><title>Bus depot approved</title><link>${base}/bus-depot</link><content:encoded><![CDATA[${paragraphs}]]></content:encoded></item>`
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Council</title>${item}</channel></rss>`,
      )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

test(
  'follow add, list, poll, pause and remove',
  async () => {
    await getDatabase() // this process owns the database and serves it to the CLI
    const added = await claimline(['follow', 'add', `${base}/council.xml`, '--every', '10'], { env })
    expect([added.code, added.stdout.toString()]).toEqual([0, expect.stringContaining(`Following ${base}/council.xml every 10 minutes`)])
    expect((await claimline(['follow', 'add', 'ftp://x.example/feed'], { env })).stderr).toContain('Give the feed as an http or https URL.')
    await claimline(['follow', 'add', `${base}/broken.xml`], { env })

    const poll = await claimline(['poll'], { env })
    const lines = poll.stdout.toString().trim().split('\n').sort()
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${base}/broken\\.xml: failed \\(1 in a row; next try .*\\): .*answered 500`)),
      `${base}/council.xml: 1 new, 0 known; 1 suggested`,
    ])
    expect(poll.code).toBe(1)
    expect(await getDb().article.count({ where: { sourceUrl: `${base}/bus-depot` } })).toBe(1)
    const again = await claimline(['poll'], { env })
    expect([again.code, again.stdout.toString(), again.stderr.trim()]).toEqual([0, '', 'No followed feed is due.'])

    const list = (await claimline(['follow', 'list'], { env })).stdout.toString()
    expect(list).toMatch(new RegExp(`ok +every 10 min .* 1 items  ${base}/council\\.xml`))
    expect(list).toMatch(/last error \(1 in a row\): .*answered 500/)

    expect((await claimline(['follow', 'pause', `${base}/council.xml`], { env })).stdout.toString().trim()).toBe(`Paused ${base}/council.xml.`)
    expect((await claimline(['follow', 'list'], { env })).stdout.toString()).toMatch(new RegExp(`paused +every 10 min .* ${base}/council\\.xml`))
    const removed = await claimline(['follow', 'remove', `${base}/council.xml`], { env })
    expect(removed.stdout.toString().trim()).toBe(`No longer following ${base}/council.xml. Its articles stay.`)
    const missing = await claimline(['follow', 'remove', `${base}/council.xml`], { env })
    expect([missing.code, missing.stderr.trim()]).toEqual([1, `No followed feed ${base}/council.xml (follow list shows them).`])
  },
  CLI_TEST_TIMEOUT,
)
