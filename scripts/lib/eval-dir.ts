// Where the labelled evaluation data lives, for every script that reads it (eval:extract,
// eval:suggest, the benchmarks): $CLAIMLINE_EVAL_DIR, else ../shared/eval beside the
// repository (wherever the command is run from). Dev tooling: the app itself never reads it.
import path from 'node:path'

export const EVAL_DIR_VARIABLE = 'CLAIMLINE_EVAL_DIR'

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..')

export function evalDir(env: Partial<Record<string, string>> = process.env): string {
  const configured = env[EVAL_DIR_VARIABLE]
  return configured ? path.resolve(configured) : path.resolve(repositoryRoot, '..', 'shared', 'eval')
}

// The one sentence every reader prints when a part of the data is not there.
export function missingEvalData(what: string, where: string): string {
  return `No ${what} at ${where}: set ${EVAL_DIR_VARIABLE} to the folder that holds the evaluation data (default: ../shared/eval beside the repository).`
}
