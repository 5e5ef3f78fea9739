// The embedded database's thread (started by pglite-thread.ts): it opens PGlite on the data
// directory and serves it on the owner's socket, so every statement, the app's own included,
// runs here and never on the thread that renders pages and runs jobs. Nothing imports this
// module: lib/runtime/worker-thread.ts starts it by its path, the build compiles it to
// dist/database.mjs.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { Gate } from './gate'
import type { ThreadReply, ThreadRequest, ThreadStart } from './pglite-thread'
import { PGliteWireServer } from './wire-server'

const port = parentPort
if (!port) throw new Error('pglite-thread-entry runs as a worker thread')
const { dataDir, address } = workerData as ThreadStart

function reply(message: ThreadReply): void {
  port?.postMessage(message)
}

function failure(error: unknown): ThreadReply {
  if (typeof error !== 'object' || error === null) return { type: 'failed', message: String(error) }
  const { message, code, errno } = error as { message?: unknown; code?: unknown; errno?: unknown }
  return {
    type: 'failed',
    message: typeof message === 'string' ? message : String(error),
    code: typeof code === 'string' ? code : undefined,
    errno: typeof errno === 'number' ? errno : undefined,
  }
}

let pglite: PGlite | null = null
try {
  pglite = await PGlite.create({ dataDir })
  const opened = pglite
  const gate = new Gate()
  const server = new PGliteWireServer(opened, gate)
  const bound = await server.listen(address)
  port.on('message', (request: ThreadRequest) => {
    if (request.type !== 'close') return
    void (async () => {
      await server.close()
      // Whoever holds the gate finishes first; then PGlite closes with nothing in flight.
      await gate.run(() => opened.close())
      reply({ type: 'closed' })
      port.close()
    })()
  })
  reply({ type: 'ready', address: bound })
} catch (error) {
  await pglite?.close().catch(() => {})
  reply(failure(error))
  port.close()
}
