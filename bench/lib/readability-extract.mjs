// node bench/lib/readability-extract.mjs FILE…: @mozilla/readability on jsdom as a command, one
// JSON line per file (title, byline, text length), for bench:extract-process to time the whole
// process as `claimline extract` is timed. Plain JavaScript, as a user of Readability runs it.
import { readFileSync } from 'node:fs'
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'

const quiet = new VirtualConsole()
for (const file of process.argv.slice(2)) {
  try {
    const dom = new JSDOM(readFileSync(file), { virtualConsole: quiet })
    const article = new Readability(dom.window.document).parse()
    dom.window.close()
    process.stdout.write(
      `${JSON.stringify({ file, title: article?.title ?? null, byline: article?.byline ?? null, chars: article?.textContent?.length ?? 0 })}\n`,
    )
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) })}\n`)
  }
}
