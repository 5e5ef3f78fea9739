// A DATABASE_URL naming a folder the embedded database cannot use ends the command within
// seconds with one sentence naming the folder and the problem, and a non-zero exit. Before,
// a folder under /proc hung forever, a plain file printed "[object Object]" and a folder this
// user cannot write printed a bare EACCES on a temporary file.
import { chmodSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { claimline, CLI_TEST_TIMEOUT } from './helpers/claimline'
import { tempDir } from './helpers/test-databases'

const root = tempDir('claimline-bad-url-')
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function listUsersWith(databaseUrl: string, user?: { uid: number; gid: number }) {
  const run = await claimline(['user', 'list'], { env: { ...process.env, DATABASE_URL: databaseUrl }, timeoutMs: 30_000, user })
  return { ...run, lines: run.stderr.trim().split('\n') }
}

test.skipIf(!existsSync('/proc/self'))(
  'a folder under /proc: a clear refusal, not a hang',
  async () => {
    const run = await listUsersWith('pglite:/proc/claimline-test')
    expect(run.signal).toBeNull() // not killed by the timeout
    expect(run.code).toBe(1)
    expect(run.lines).toEqual([
      'The embedded database folder /proc/claimline-test cannot be created: /proc does not accept new folders (ENOENT); set DATABASE_URL=pglite:<folder> to use another folder.',
    ])
  },
  CLI_TEST_TIMEOUT,
)

test(
  'a plain file given as the folder',
  async () => {
    const file = path.join(root, 'notes.txt')
    writeFileSync(file, 'not a database')
    const run = await listUsersWith(`pglite:${file}`)
    expect(run.code).toBe(1)
    expect(run.lines).toEqual([`The embedded database folder ${file} is a file, not a folder; set DATABASE_URL=pglite:<folder> to use another folder.`])
  },
  CLI_TEST_TIMEOUT,
)

// Root may write anywhere: as root the command runs as nobody, as anyone else on a folder made read-only.
const asRoot = process.getuid?.() === 0
const otherUser = asRoot ? { uid: 65534, gid: 65534 } : undefined
// Nobody can only run the command when every folder above the checkout lets others through
// (a checkout under a private temporary folder does not).
const checkoutReachable = (dir: string): boolean => (statSync(dir).mode & 0o001) !== 0 && (path.dirname(dir) === dir || checkoutReachable(path.dirname(dir)))
const checkoutPrivate = asRoot && !checkoutReachable(process.cwd())

test.skipIf(process.platform === 'win32' || checkoutPrivate)(
  'a folder this user cannot write, and one it cannot create',
  {
    timeout: CLI_TEST_TIMEOUT,
    meta: { skipReason: checkoutPrivate ? `runs the command as nobody, who cannot reach ${process.cwd()} (a folder above it is private)` : 'not on Windows' },
  },
  async () => {
    chmodSync(root, 0o755) // the other user may look in, not write
    const locked = path.join(root, 'locked')
    mkdirSync(locked, { recursive: true, mode: 0o755 }) // recursive: a retry finds it made
    if (!asRoot) chmodSync(locked, 0o555)
    try {
      const existing = await listUsersWith(`pglite:${locked}`, otherUser)
      expect(existing.code).toBe(1)
      expect(existing.lines).toEqual([
        `The embedded database folder ${locked} is not writable by this user; set DATABASE_URL=pglite:<folder> to use another folder.`,
      ])

      const inside = path.join(locked, 'db')
      const missing = await listUsersWith(`pglite:${inside}`, otherUser)
      expect(missing.code).toBe(1)
      expect(missing.lines).toEqual([
        `The embedded database folder ${inside} cannot be created: ${locked} is not writable by this user; set DATABASE_URL=pglite:<folder> to use another folder.`,
      ])
    } finally {
      chmodSync(locked, 0o755)
    }
    const hidden = path.join(root, 'hidden')
    mkdirSync(path.join(hidden, 'db'), { recursive: true, mode: 0o700 })
    if (!asRoot) chmodSync(hidden, 0o000)
    try {
      const unreachable = await listUsersWith(`pglite:${path.join(hidden, 'db')}`, otherUser)
      expect(unreachable.code).toBe(1)
      expect(unreachable.lines).toEqual([
        `The embedded database folder ${path.join(hidden, 'db')} cannot be reached: looking at ${path.join(hidden, 'db')} failed: permission denied (EACCES); set DATABASE_URL=pglite:<folder> to use another folder.`,
      ])
    } finally {
      chmodSync(hidden, 0o700)
    }
  },
)
