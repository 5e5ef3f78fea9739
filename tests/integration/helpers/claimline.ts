// The claimline command line run as a user runs it: a process of its own, its output read
// through real pipes.
import { spawn } from 'node:child_process'

// Each CLI process takes seconds to start; a test running several outlasts vitest's default
// minute on a busy two-core machine.
export const CLI_TEST_TIMEOUT = 180_000

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: string }

export type CliOptions = {
  env?: NodeJS.ProcessEnv
  input?: string
  // Leave standard output unread this long first: a slow reader, as `| cat > file` on a busy machine.
  readAfterMs?: number
  // Kill the process (SIGKILL) if it has not exited by then; the run then reports the signal.
  timeoutMs?: number
  // Run as another user (a test running as root checks what an ordinary user may not do).
  user?: { uid: number; gid: number }
}

// Asynchronous on purpose: a test process that owns the embedded database serves it to the
// CLI, so its event loop must keep running while the CLI works.
// `npm run claimline` runs scripts/claimline.mjs, which runs the compiled command line.
export function claimline(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runNode(['scripts/claimline.mjs', ...args], options)
}

// Any of the project's TypeScript command-line scripts (scripts/db-seed.ts, …), run as npm runs it.
export function runScript(file: string, args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runNode(['--import', 'tsx', file, ...args], options)
}

function runNode(args: string[], options: CliOptions): Promise<CliRun> {
  const child = spawn(process.execPath, args, {
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...options.user,
  })
  const out: Buffer[] = []
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  if (options.readAfterMs) {
    child.stdout.pause()
    setTimeout(() => child.stdout.resume(), options.readAfterMs)
  }
  child.stdin.end(options.input ?? '')
  const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer)
      resolve({ code, signal, stdout: Buffer.concat(out), stderr })
    })
  })
}
