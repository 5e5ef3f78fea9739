// One owner per PGlite data directory. Two processes that open the same directory both
// start without error and silently lose each other's writes, so the owner records itself
// in `<dataDir>.run/owner.json`; everyone else reads that file and connects to the owner's
// socket instead of opening the files.
import { mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, closeSync } from 'node:fs'
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

function isAlive(owner: OwnerInfo): boolean {
  if (owner.hostname !== hostname()) return true // cannot tell; never steal across machines
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
  }
  const start = processStartOf(owner.pid)
  return owner.processStart === null || start === null || start === owner.processStart
}

function readOwner(lockPath: string): OwnerInfo | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as OwnerInfo
  } catch {
    return null // absent, or being written
  }
}

function writeAtomically(file: string, info: OwnerInfo): void {
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(info, null, 2))
  renameSync(temp, file)
}

// Removing a stale lock is itself done under a short-lived lock, and the stale file is
// re-read under it, so two processes taking over at once cannot delete each other's fresh lock.
function removeStale(lockPath: string, stale: OwnerInfo): void {
  const takeover = `${lockPath}.takeover`
  try {
    closeSync(openSync(takeover, 'wx'))
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
    if (current && current.pid === stale.pid && current.startedAt === stale.startedAt) rmSync(lockPath, { force: true })
  } finally {
    rmSync(takeover, { force: true })
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function lockDataDir(dataDir: string): Promise<LockResult> {
  const lockPath = lockPathFor(dataDir)
  mkdirSync(path.dirname(lockPath), { recursive: true })
  for (let attempt = 0; attempt < 200; attempt++) {
    const info: OwnerInfo = {
      pid: process.pid,
      hostname: hostname(),
      processStart: processStartOf(process.pid),
      startedAt: new Date().toISOString(),
      socket: null,
    }
    try {
      const fd = openSync(lockPath, 'wx')
      writeFileSync(fd, JSON.stringify(info, null, 2))
      closeSync(fd)
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
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = readOwner(lockPath)
    if (owner === null) {
      await sleep(25) // the owner is writing the file right now
      continue
    }
    if (isAlive(owner)) return { owned: false, owner }
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
    if (owner && !isAlive(owner)) throw new Error(`The process (pid ${owner.pid}) that held ${dataDir} has exited.`)
    if (!owner) throw new Error(`The embedded database at ${dataDir} has no owner any more; retry.`)
    if (Date.now() > deadline) {
      throw new Error(`The process (pid ${owner.pid}) that owns ${dataDir} has not opened it after ${timeoutMs / 1000}s.`)
    }
    await sleep(50)
  }
}
