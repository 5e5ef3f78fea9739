import { ZodError } from 'zod'
import { shutdown } from '../runtime/shutdown'

// Runs a command's main function, closes what it opened (an embedded database owner must let
// go of its lock and socket) and exits with the command's code; an unexpected error prints and
// exits 1.
// Every command ends here, so every command's output is flushed before the process exits.
export function runCommand(main: () => Promise<number>, describeError: (error: unknown) => string = defaultMessage): void {
  // A reader that stops early (`claimline export | head`) closes the pipe: the output is no
  // longer wanted, so the command stops quietly, as Unix tools do, instead of a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    void shutdown()
      .catch(() => {})
      .then(() => process.exit(0))
  })
  main()
    .then(async (code) => {
      await shutdown()
      await exitAfterFlush(code)
    })
    .catch(async (error: unknown) => {
      console.error(describeError(error))
      await shutdown().catch(() => {})
      await exitAfterFlush(1)
    })
}

async function exitAfterFlush(code: number): Promise<never> {
  await Promise.all([flushStream(process.stdout), flushStream(process.stderr)])
  process.exit(code)
}

// Resolves once everything written to the stream so far has left the process. Node writes to
// a pipe asynchronously once the pipe's buffer (64 KiB) is full, and process.exit does not wait
// for those writes: `claimline export | cat > f` was cut at a multiple of 64 KiB. A write's
// callback runs after every earlier write on the stream has completed, so an empty write marks
// the end. A reader that went away (EPIPE) has nothing left to wait for.
function flushStream(stream: NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean }): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      stream.off('error', done)
      resolve()
    }
    stream.once('error', done)
    stream.write('', () => done())
  })
}

function defaultMessage(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join('\n')
  return error instanceof Error ? error.message : String(error)
}
