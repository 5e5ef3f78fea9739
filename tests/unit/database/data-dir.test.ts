// The embedded database's folder is checked before PGlite opens it: each bad folder is one
// sentence naming the path and the problem.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, expect, test } from 'vitest'
import { DataDirError, describeFsError, openFailure, prepareDataDir } from '@/lib/database/data-dir'

const root = mkdtempSync(path.join(tmpdir(), 'claimline-data-dir-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const runDirOf = (dataDir: string) => `${dataDir}.run`
const HINT = 'set DATABASE_URL=pglite:<folder> to use another folder.'

function refusal(dataDir: string): string {
  try {
    prepareDataDir(dataDir, runDirOf(dataDir))
  } catch (error) {
    expect(error).toBeInstanceOf(DataDirError)
    return (error as DataDirError).message
  }
  throw new Error(`${dataDir} was accepted`)
}

test('a new folder is created with its run folder beside it, missing parents too', () => {
  const dataDir = path.join(root, 'new', 'deeper', 'db')
  prepareDataDir(dataDir, runDirOf(dataDir))
  expect(statSync(dataDir).isDirectory()).toBe(true)
  expect(statSync(runDirOf(dataDir)).isDirectory()).toBe(true)
  prepareDataDir(dataDir, runDirOf(dataDir)) // and an existing one is accepted as it is
})

test('a plain file as the folder, or on the way to it', () => {
  const file = path.join(root, 'notes.txt')
  writeFileSync(file, 'not a database')
  expect(refusal(file)).toBe(`The embedded database folder ${file} is a file, not a folder; ${HINT}`)
  expect(refusal(path.join(file, 'a', 'db'))).toBe(
    `The embedded database folder ${path.join(file, 'a', 'db')} cannot be created: ${file} is a file, not a folder; ${HINT}`,
  )
})

test('a file where the run folder goes', () => {
  const dataDir = path.join(root, 'blocked')
  writeFileSync(runDirOf(dataDir), '')
  expect(refusal(dataDir)).toBe(
    `The embedded database folder ${dataDir} cannot be used: ${runDirOf(dataDir)}, where its owner records itself, is a file, not a folder.`,
  )
})

// Node's own recursive mkdir never returns here.
test.skipIf(!existsSync('/proc/self'))('a folder under /proc is refused at once', () => {
  expect(refusal('/proc/claimline-test/db')).toBe(
    `The embedded database folder /proc/claimline-test/db cannot be created: /proc does not accept new folders (ENOENT); ${HINT}`,
  )
})

test('file system errors read as words with their code, from Node and from PGlite alike', async () => {
  let nodeError: unknown
  try {
    readFileSync(path.join(root, 'absent'))
  } catch (error) {
    nodeError = error
  }
  expect(describeFsError(nodeError)).toBe('no such file or folder (ENOENT)')

  // What PGlite throws for a file given as its folder: an Emscripten ErrnoError, not an Error.
  const file = path.join(root, 'pglite-on-a-file')
  writeFileSync(file, '')
  const pgliteError = await PGlite.create({ dataDir: file }).then(
    () => null,
    (error: unknown) => error,
  )
  expect(pgliteError).not.toBeInstanceOf(Error)
  expect(String(pgliteError)).toBe('[object Object]') // what users saw
  expect(openFailure(file, pgliteError).message).toBe(
    `The embedded database in ${file} could not be opened: a part of the path is a file, not a folder (ENOTDIR).`,
  )
  expect(describeFsError(new Error('PGlite failed to initialize properly'))).toBe('PGlite failed to initialize properly')
}, 30_000)
