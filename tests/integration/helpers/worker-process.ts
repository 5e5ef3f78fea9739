import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'

const WORKER = path.join(import.meta.dirname, 'db-worker.ts')

export type WorkerProcess = {
  child: ChildProcessWithoutNullStreams
  acks: number[]
  lines: string[]
  waitFor(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export function startWorker(databaseUrl: string, prefix: string, count: number | 'forever'): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, databaseUrl, prefix, String(count)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  })
  const acks: number[] = []
  const lines: string[] = []
  const waiters = new Set<(line: string) => void>()
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    const ack = /^ack (\d+)$/.exec(line)
    if (ack) acks.push(Number(ack[1]))
    for (const waiter of waiters) waiter(line)
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return {
    child,
    acks,
    lines,
    exited,
    waitFor(predicate, timeoutMs = 60_000) {
      const seen = lines.find(predicate)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`worker did not print the expected line in ${timeoutMs} ms; stderr:\n${stderr}`))
        }, timeoutMs)
        const check = (line: string) => {
          if (!predicate(line)) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(line)
        }
        waiters.add(check)
        void exited.then(() => {
          if (!waiters.has(check)) return
          clearTimeout(timer)
          waiters.delete(check)
          reject(new Error(`worker exited early; stderr:\n${stderr}`))
        })
      })
    },
  }
}
