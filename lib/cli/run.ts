import { ZodError } from 'zod'
import { closeDb } from '../db'

// Runs a command's main function, closes the database (an embedded owner must let go of its
// lock and socket) and exits with the command's code; an unexpected error prints and exits 1.
export function runCommand(main: () => Promise<number>, describeError: (error: unknown) => string = defaultMessage): void {
  main()
    .then(async (code) => {
      await closeDb()
      process.exit(code)
    })
    .catch(async (error: unknown) => {
      console.error(describeError(error))
      await closeDb().catch(() => {})
      process.exit(1)
    })
}

function defaultMessage(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join('\n')
  return error instanceof Error ? error.message : String(error)
}
