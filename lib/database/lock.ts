// One owner per PGlite data directory. Two processes that open the same directory both
// start without error and silently lose each other's writes, so the owner records itself
// in `<dataDir>.run/owner.json`; everyone else reads that file and connects to the owner's
// socket instead of opening the files.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { hostname } from 'node:os'
import path from 'node:path'

export type OwnerInfo = {
  pid: number
  hostname: string
  // Kernel start time of the process (Linux), to tell the owner from a later process that reused its PID.
  processStart: string | null
  startedAt: string
  // Where the owner serves the database; null until it is listening.
  socket: { path: string } | { host: string; port: number } | null
}

export type LockResult = { owned: true; release: () => void; publish: (socket: OwnerInfo['socket']) => void } | { owned: false; owner: OwnerInfo }

export function runDirFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.run`
}

function lockPathFor(dataDir: string): string {
  return path.join(runDirFor(dataDir), 'owner.json')
}

function processStartOf(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may contain spaces, so count from its ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

// Whether anything accepts connections on the owner's socket (a dead owner's socket file
// refuses them). The socket lives next to the data folder, so it is on this machine.
function socketAnswers(socket: OwnerInfo['socket']): Promise<boolean> {
  if (!socket) return Promise.resolve(false)
  return new Promise((resolve) => {
    const probe = 'path' in socket ? connect(socket.path) : connect(socket.port, socket.host)
    const done = (answer: boolean) => {
      probe.destroy()
      resolve(answer)
    }
    probe.setTimeout(2000, () => done(true)) // busy rather than dead: do not steal
    probe.once('connect', () => done(true))
    probe.once('error', () => done(false))
  })
}

async function isAlive(owner: OwnerInfo): Promise<boolean> {
  const sameHost = owner.hostname === hostname()
  if (sameHost) {
    try {
      process.kill(owner.pid, 0)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
    }
    const start = processStartOf(owner.pid)
    if (owner.processStart !== null && start !== null) return start === owner.processStart
  }
  // The PID cannot settle it (another host name — a renamed laptop, a new container on the
  // same volume — or no /proc): ask the socket. An owner still starting has no socket yet.
  if (!owner.socket) return Date.now() - Date.parse(owner.startedAt) < 60_000
  return socketAnswers(owner.socket)
}

function readOwner(lockPath: string): OwnerInfo | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, 'utf8'))
    return isOwnerInfo(parsed) ? parsed : null
  } catch {
    return null // absent or unreadable
  }
}

function isOwnerInfo(value: unknown): value is OwnerInfo {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.pid === 'number' && typeof v.hostname === 'string' && typeof v.startedAt === 'string'
}

// A lock file nobody can read (a crash while writing it, a full disk) that has sat there a
// while belongs to no one.
function isAbandoned(lockPath: string): boolean {
  try {
    return Date.now() - statSync(lockPath).mtimeMs > 5_000
  } catch {
    return false
  }
}

// Creates the lock with its content in one step: written to a private file first, then
// hard-linked into place, which fails if the lock exists. A crash can never leave an empty lock.
function createExclusively(file: string, info: OwnerInfo): boolean {
  const temp = `${file}.${process.pid}.${Date.now()}.new`
  writeFileSync(temp, JSON.stringify(info, null, 2), { mode: 0o600 })
  try {
    linkSync(temp, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    rmSync(temp, { force: true })
  }
}

function writeAtomically(file: string, info: OwnerInfo): void {
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(info, null, 2), { mode: 0o600 })
  renameSync(temp, file)
}

// Removing a stale lock is itself done under a short-lived lock, and the stale file is
// re-read under it, so two processes taking over at once cannot delete each other's fresh lock.
function removeStale(lockPath: string, stale: OwnerInfo | null): void {
  const takeover = `${lockPath}.takeover`
  try {
    closeSync(openSync(takeover, 'wx', 0o600))
  } catch {
    try {
      if (Date.now() - statSync(takeover).mtimeMs > 10_000) rmSync(takeover, { force: true })
    } catch {
      // gone already
    }
    return
  }
  try {
    const current = readOwner(lockPath)
    const unchanged = stale === null ? current === null && isAbandoned(lockPath) : current?.pid === stale.pid && current.startedAt === stale.startedAt
    if (unchanged) rmSync(lockPath, { force: true })
  } finally {
    rmSync(takeover, { force: true })
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function lockDataDir(dataDir: string): Promise<LockResult> {
  const lockPath = lockPathFor(dataDir)
  mkdirSync(path.dirname(lockPath), { recursive: true, mode: 0o700 })
  for (let attempt = 0; attempt < 200; attempt++) {
    const info: OwnerInfo = {
      pid: process.pid,
      hostname: hostname(),
      processStart: processStartOf(process.pid),
      startedAt: new Date().toISOString(),
      socket: null,
    }
    if (createExclusively(lockPath, info)) {
      let released = false
      return {
        owned: true,
        publish: (socket) => writeAtomically(lockPath, { ...info, socket }),
        release: () => {
          if (released) return
          released = true
          const current = readOwner(lockPath)
          if (current?.pid === process.pid) rmSync(lockPath, { force: true })
        },
      }
    }
    const owner = readOwner(lockPath)
    if (owner === null) {
      if (isAbandoned(lockPath)) removeStale(lockPath, null)
      else await sleep(25) // being replaced by its owner right now
      continue
    }
    if (await isAlive(owner)) return { owned: false, owner }
    removeStale(lockPath, owner)
    await sleep(10)
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}: ${lockPath} keeps changing.`)
}

// The owner publishes its socket only once PGlite is open, which takes seconds on a new directory.
export async function waitForOwnerSocket(dataDir: string, timeoutMs = 30_000): Promise<OwnerInfo> {
  const lockPath = lockPathFor(dataDir)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const owner = readOwner(lockPath)
    if (owner?.socket) return owner
    if (owner && !(await isAlive(owner))) throw new Error(`The process (pid ${owner.pid}) that held ${dataDir} has exited.`)
    if (!owner) throw new Error(`The embedded database at ${dataDir} has no owner any more; retry.`)
    if (Date.now() > deadline) {
      throw new Error(`The process (pid ${owner.pid}) that owns ${dataDir} has not opened it after ${timeoutMs / 1000}s.`)
    }
    await sleep(50)
  }
}
