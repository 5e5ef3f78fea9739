// claimline — the command line. `npm run claimline -- <command> …`
// It works while the server runs: on the embedded database it is then served by the server's process.
import '../runtime/require-supported-node'
import { EXPORT_USAGE, runExport } from './export'
import { runExtract } from './extract'
import { IMPORT_USAGE, runImport } from './import'
import { runIngest } from './ingest'
import { runReextract } from './reextract'
import { runCommand } from './run'
import { runSuggest } from './suggest'
import { runToken, TOKEN_USAGE } from './tokens'
import { runUser, USER_USAGE } from './users'

const USAGE = `Usage: claimline <command> [arguments]

  extract FILE… | -              print each input's extracted article as one JSON line (no database)
  ingest FILES|FOLDERS|GLOBS|-   store articles; --update replaces same-URL articles without claims,
                                 --publisher NAME and --date YYYY-MM-DD supply what the page lacks
  reextract [--all | ID…]        re-run the current extractor on stored articles' raw sources
  suggest FILE… | -              print each input's candidate claims as one JSON line (no database)
${EXPORT_USAGE}
${IMPORT_USAGE}
${USER_USAGE}
${TOKEN_USAGE}`

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  switch (command) {
    case 'extract':
      return runExtract(args)
    case 'ingest':
      return runIngest(args)
    case 'reextract':
      return runReextract(args)
    case 'suggest':
      return runSuggest(args)
    case 'export':
      return runExport(args)
    case 'import':
      return runImport(args)
    case 'user':
      return runUser(args)
    case 'token':
      return runToken(args)
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE)
      return command === undefined ? 2 : 0
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`)
      return 2
  }
}

runCommand(() => main(process.argv.slice(2)))
