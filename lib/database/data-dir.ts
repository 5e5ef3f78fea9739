// The embedded database's folder, checked before PGlite touches it. PGlite and Node report a
// bad folder badly: a plain file gave "[object Object]" (an Emscripten ErrnoError), a folder
// this user cannot write gave a bare EACCES on a temporary file, and a folder under /proc made
// Node's recursive mkdir spin forever. Here each problem is one sentence naming the path.
// The folder holds every article and account, so it and its run folder are the owner's alone.
import { accessSync, chmodSync, constants, lstatSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'
import { isMainThread } from 'node:worker_threads'

export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    message: string,
  ) {
    super(message)
    this.name = 'DataDirError'
  }
}

const HINT = 'set DATABASE_URL=pglite:<folder> to use another folder'
const PRIVATE_FOLDER = 0o700
// Group and others: no bits at all.
const SHARED_BITS = 0o077

// Node's error codes and the Emscripten errno numbers PGlite's file system throws them as.
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder stands where a file was expected',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'an input/output error',
}
const EMSCRIPTEN_CODES: Record<number, string> = {
  2: 'EACCES',
  63: 'EPERM',
  44: 'ENOENT',
  54: 'ENOTDIR',
  31: 'EISDIR',
  69: 'EROFS',
  51: 'ENOSPC',
  20: 'EEXIST',
  37: 'ENAMETOOLONG',
  32: 'ELOOP',
  29: 'EIO',
}

// "permission denied (EACCES)" from a Node error, an Emscripten ErrnoError or anything else.
export function describeFsError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, errno, message } = error as { code?: unknown; errno?: unknown; message?: unknown }
    const name = typeof code === 'string' ? code : typeof errno === 'number' ? EMSCRIPTEN_CODES[errno] : undefined
    if (name) return `${REASONS[name] ?? 'a file system error'} (${name})`
    if (typeof errno === 'number') return `file system error ${errno}`
    if (typeof message === 'string' && message) return message
  }
  return String(error)
}

// Null when nothing is there. ENOTDIR: a file stands where a folder of the path should be,
// which the caller finds by walking up. Anything else (a folder on the way this user may not
// enter) is the answer.
function statOrNull(file: string, dataDir: string): Stats | null {
  try {
    return statSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw new DataDirError(dataDir, `The embedded database folder ${dataDir} cannot be reached: looking at ${file} failed: ${describeFsError(error)}; ${HINT}.`)
  }
}

function isWritableFolder(folder: string): boolean {
  try {
    accessSync(folder, constants.R_OK | constants.W_OK | constants.X_OK)
    return true
  } catch {
    return false
  }
}

// Creates one folder, never recursively: Node's recursive mkdir loops forever where the kernel
// answers ENOENT for a parent that exists (/proc). `what` names it in the error.
function makeFolder(folder: string, dataDir: string, what: string, mode?: number): void {
  try {
    mkdirSync(folder, mode === undefined ? undefined : { mode })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST' && statOrNull(folder, dataDir)?.isDirectory()) return
    // ENOENT although the parent exists: a file system that takes no new folders (/proc, /sys).
    const problem =
      code === 'ENOENT' ? `${path.dirname(folder)} does not accept new folders (ENOENT)` : `creating ${what} ${folder} failed: ${describeFsError(error)}`
    throw new DataDirError(dataDir, `The embedded database folder ${dataDir} cannot be created: ${problem}; ${HINT}.`)
  }
}

// Creates `folder` and its missing ancestors, after checking the nearest existing one is a
// folder this user may write in.
function createFolders(folder: string, dataDir: string): void {
  const missing: string[] = []
  let current = folder
  let stat = statOrNull(current, dataDir)
  while (!stat) {
    missing.unshift(current)
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
    stat = statOrNull(current, dataDir)
  }
  if (stat && !stat.isDirectory()) {
    throw new DataDirError(dataDir, `The embedded database folder ${dataDir} cannot be created: ${current} is a file, not a folder; ${HINT}.`)
  }
  if (missing.length > 0 && !isWritableFolder(current)) {
    throw new DataDirError(dataDir, `The embedded database folder ${dataDir} cannot be created: ${current} is not writable by this user; ${HINT}.`)
  }
  for (const dir of missing) makeFolder(dir, dataDir, 'the folder', dir === dataDir ? PRIVATE_FOLDER : undefined)
}

// Makes sure the data folder and its run folder (`<dataDir>.run`, beside it) exist, are
// folders and are writable by this process, creating what is missing. Throws a DataDirError.
export function prepareDataDir(dataDir: string, runDir: string): void {
  const existing = statOrNull(dataDir, dataDir)
  if (existing && !existing.isDirectory()) {
    throw new DataDirError(dataDir, `The embedded database folder ${dataDir} is a file, not a folder; ${HINT}.`)
  }
  if (existing && !isWritableFolder(dataDir)) {
    throw new DataDirError(dataDir, `The embedded database folder ${dataDir} is not writable by this user; ${HINT}.`)
  }
  if (!existing) createFolders(dataDir, dataDir)
  const run = statOrNull(runDir, dataDir)
  if (run && !run.isDirectory()) {
    throw new DataDirError(
      dataDir,
      `The embedded database folder ${dataDir} cannot be used: ${runDir}, where its owner records itself, is a file, not a folder.`,
    )
  }
  if (!run) makeFolder(runDir, dataDir, 'its run folder', PRIVATE_FOLDER)
  if (!isWritableFolder(runDir)) {
    throw new DataDirError(dataDir, `The embedded database folder ${dataDir} cannot be used: its run folder ${runDir} is not writable by this user.`)
  }
}

// What PGlite threw while opening the folder, as one sentence.
export function openFailure(dataDir: string, error: unknown): DataDirError {
  const failure = new DataDirError(dataDir, `The embedded database in ${dataDir} could not be opened: ${describeFsError(error)}.`)
  failure.cause = error
  return failure
}

// Takes group and other permissions off every folder and file under `folder` (the folder
// itself included), leaving the owner's as they are: folders 0700, files 0600. PGlite writes
// the files of a new database world-writable (0666, pg_control included) whatever the umask,
// so this runs on every open; it also mends folders made by an older version. A thousand
// lstat calls, a few milliseconds. Symbolic links are neither followed nor changed. Returns the
// paths it could not change (another user's files), for the caller to report.
export function restrictPermissions(folder: string): string[] {
  const refused: string[] = []
  const pending = [folder]
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let stat: Stats
    try {
      stat = lstatSync(current)
    } catch {
      continue // removed meanwhile
    }
    if (stat.isSymbolicLink()) continue
    if ((stat.mode & SHARED_BITS) !== 0) {
      try {
        chmodSync(current, stat.mode & 0o7700)
      } catch {
        refused.push(current)
      }
    }
    if (stat.isDirectory()) for (const name of readdirSync(current)) pending.push(path.join(current, name))
  }
  return refused
}

// Runs `open` with a umask that gives new files and folders to the owner alone (0600, 0700),
// then restores the process's umask: the data folder's files are private from their first
// byte. The umask belongs to the process, so a worker thread cannot set it; there the data
// folder's own 0700 and restrictPermissions afterwards keep the files private.
export async function withPrivateUmask<T>(open: () => Promise<T>): Promise<T> {
  if (!isMainThread) return open()
  const previous = process.umask(0o077)
  try {
    return await open()
  } finally {
    process.umask(previous)
  }
}
