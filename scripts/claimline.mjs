// npm run claimline -- …: runs the compiled command line (dist/cli.mjs), compiling it first
// when lib/ changed since it was last compiled (about half a second), so the command starts
// without transpiling TypeScript each time.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DIST, ensureBundles } from './lib/bundle.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
await ensureBundles(root)
await import(pathToFileURL(path.join(root, DIST, 'cli.mjs')).href)
