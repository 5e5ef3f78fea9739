// claimline — the command line. `npm run claimline -- <command> …`
// It works while the server runs: on the embedded database it is then served by the server's process.
import '../runtime/require-supported-node'
import { runCommand } from './run'

// Each command's module is loaded only when that command runs: `extract` should not pay for
// the suggestion engine's lexicon or the database driver.
type Run = (args: string[]) => number | Promise<number>
const COMMANDS: Record<string, () => Promise<Run>> = {
  extract: async () => (await import('./extract')).runExtract,
  ingest: async () => (await import('./ingest')).runIngest,
  reextract: async () => (await import('./reextract')).runReextract,
  suggest: async () => (await import('./suggest')).runSuggest,
  export: async () => (await import('./export')).runExport,
  import: async () => (await import('./import')).runImport,
  user: async () => (await import('./users')).runUser,
  token: async () => (await import('./tokens')).runToken,
  follow: async () => (await import('./follow')).runFollow,
  poll: async () => (await import('./follow')).runPoll,
}

async function usage(): Promise<string> {
  const [{ EXPORT_USAGE }, { IMPORT_USAGE }, { USER_USAGE }, { TOKEN_USAGE }, { FOLLOW_USAGE }] = await Promise.all([
    import('./export'),
    import('./import'),
    import('./users'),
    import('./tokens'),
    import('./follow'),
  ])
  return `Usage: claimline <command> [arguments]

  extract FILE… | -              print each input's extracted article as one JSON line (no database)
  ingest FILES|FOLDERS|GLOBS|FEEDS|URLS|-
                                 store articles (a feed's items, a URL's page); --update replaces
                                 same-URL articles without claims, --publisher NAME and
                                 --date YYYY-MM-DD supply what the page lacks
  reextract --all | ID…          re-run the current extractor on stored raw sources: every article
                                 an older extractor read (--all), or the articles named
  suggest FILE… | -              print each input's candidate claims as one JSON line (no database)
${EXPORT_USAGE}
${IMPORT_USAGE}
${USER_USAGE}
${TOKEN_USAGE}
${FOLLOW_USAGE}`
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  const load = command ? COMMANDS[command] : undefined
  if (load) return (await load())(args)
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(await usage())
    return command === undefined ? 2 : 0
  }
  console.error(`Unknown command "${command}".\n\n${await usage()}`)
  return 2
}

runCommand(() => main(process.argv.slice(2)))
