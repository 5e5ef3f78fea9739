// Command-line arguments → the files to read: files as given, folders searched for pages and
// text, glob patterns expanded (for shells that do not), "-" for standard input.
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { globSync } from 'tinyglobby'

export const INPUT_EXTENSIONS = ['.html', '.htm', '.html.gz', '.htm.gz', '.txt', '.text']

export function isInputFile(file: string): boolean {
  const lower = file.toLowerCase()
  return INPUT_EXTENSIONS.some((ext) => lower.endsWith(ext))
}

// The id `claimline extract` prints: the file name without its page/text extension.
export function inputId(file: string): string {
  const base = path.basename(file)
  const ext = INPUT_EXTENSIONS.find((e) => base.toLowerCase().endsWith(e))
  return ext ? base.slice(0, -ext.length) : base
}

export type ResolvedInputs = { files: string[]; stdin: boolean; missing: string[] }

export function resolveInputs(args: string[], cwd: string = process.cwd()): ResolvedInputs {
  const files: string[] = []
  const missing: string[] = []
  let stdin = false
  for (const arg of args) {
    if (arg === '-') {
      stdin = true
      continue
    }
    const full = path.resolve(cwd, arg)
    if (existsSync(full) && statSync(full).isDirectory()) {
      files.push(...globSync('**/*', { cwd: full, absolute: true, onlyFiles: true }).filter(isInputFile).sort())
    } else if (existsSync(full)) {
      files.push(full)
    } else if (/[*?[{]/.test(arg)) {
      const matched = globSync(arg, { cwd, absolute: true, onlyFiles: true }).sort()
      if (matched.length === 0) missing.push(arg)
      files.push(...matched)
    } else {
      missing.push(arg)
    }
  }
  return { files: [...new Set(files)], stdin, missing }
}

export function readStdin(): Uint8Array {
  return readFileSync(0)
}
