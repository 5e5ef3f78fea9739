// The production server (`next start`) on a free port, for the browser tests, the two-instance
// test and the benchmarks: started in its own process group, ready once /api/health answers,
// stopped with everything it forked.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { freePort } from './ports'

export type AppServer = { url: string; output(): string; stop(): Promise<void> }

const HEALTHY_WITHIN_MS = 60_000

export async function startAppServer(env: NodeJS.ProcessEnv): Promise<AppServer> {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { NEXT_TELEMETRY_DISABLED: '1', ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name)
    } catch {
      // already gone
    }
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    signal('SIGTERM')
    const timer = setTimeout(() => signal('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  const deadline = Date.now() + HEALTHY_WITHIN_MS
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, output: () => output, stop }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`The app did not become healthy in ${HEALTHY_WITHIN_MS / 1000} s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
