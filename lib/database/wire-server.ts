// Serves the owner's PGlite to other processes (the CLI, a second app process, tests) over
// the PostgreSQL wire protocol, so they connect with node-postgres instead of opening the
// data directory themselves (which would silently lose data).
//
// Why not @electric-sql/pglite-socket's server: it queues single protocol messages, so
// another connection's Parse/Bind can land between this connection's Parse and Sync, and
// its lock does not exclude the owner's own in-process Prisma transactions. Here every
// connection takes the process-wide Gate at its first message and keeps it until the
// backend reports ReadyForQuery with status Idle, i.e. until its statement or whole
// transaction is over.
import { createServer, type Server, type Socket } from 'node:net'
import type { PGlite } from '@electric-sql/pglite'
import type { Gate } from './gate'

const SSL_REQUEST = 80877103
const GSSENC_REQUEST = 80877104
const CANCEL_REQUEST = 80877102
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4)
const READY_FOR_QUERY = 0x5a // 'Z'
const TERMINATE = 0x58 // 'X'
const IDLE = 0x49 // 'I'
const MAX_MESSAGE_BYTES = 1 << 30 // PostgreSQL's own limit on one message

type Incoming = { kind: 'message' | 'terminate' | 'encryption-request' | 'cancel'; bytes: Buffer }

export type WireAddress = { path: string } | { host: string; port: number }

type Options = {
  // A connection that keeps a transaction open this long without sending anything is
  // closed and rolled back, so one stuck client cannot stall the whole app.
  idleInTransactionMs?: number
}

class Connection {
  #buffer: Buffer = Buffer.alloc(0)
  #started = false
  #release: (() => void) | null = null
  #queue: Promise<void> = Promise.resolve()
  #closed = false
  #idleTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly socket: Socket,
    private readonly pglite: PGlite,
    private readonly gate: Gate,
    private readonly idleInTransactionMs: number,
  ) {
    socket.setNoDelay(true)
    socket.on('data', (chunk: Buffer) => this.#receive(chunk))
    socket.on('error', () => this.#close())
    socket.on('close', () => this.#close())
  }

  #receive(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk])
    for (;;) {
      const next = this.#nextMessage()
      if (!next) return
      this.#queue = this.#queue.then(() => this.#handle(next)).catch(() => void this.socket.destroy())
    }
  }

  // Splits the byte stream into protocol messages: before start-up they are
  // length-prefixed; afterwards a type byte precedes the length.
  #nextMessage(): Incoming | null {
    const started = this.#started
    const headerLength = started ? 5 : 4
    if (this.#buffer.length < headerLength) return null
    const length = started ? 1 + this.#buffer.readInt32BE(1) : this.#buffer.readInt32BE(0)
    if (length < headerLength - 1 || length > MAX_MESSAGE_BYTES) {
      this.socket.destroy() // not PostgreSQL, or a broken client
      return null
    }
    if (this.#buffer.length < length) return null
    const bytes = this.#buffer.subarray(0, length)
    this.#buffer = this.#buffer.subarray(length)
    if (started) return { kind: bytes[0] === TERMINATE ? 'terminate' : 'message', bytes }
    const code = bytes.length >= 8 ? bytes.readInt32BE(4) : 0
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { kind: 'encryption-request', bytes }
    if (code === CANCEL_REQUEST) return { kind: 'cancel', bytes }
    this.#started = true
    return { kind: 'message', bytes }
  }

  async #handle({ kind, bytes: message }: Incoming): Promise<void> {
    if (this.#closed) return
    if (kind === 'terminate' || kind === 'cancel') {
      // Cancellation is not supported: the running query finishes normally.
      this.socket.end()
      return
    }
    if (kind === 'encryption-request') {
      this.socket.write('N') // no TLS or GSS on a local socket
      return
    }
    this.#clearIdleTimer()
    if (!this.#release) this.#release = await this.gate.acquire()
    if (this.#closed) return this.#releaseGate()
    const tail: number[] = []
    await this.pglite.execProtocolRawStream(new Uint8Array(message), {
      onRawData: (data) => {
        if (data.length === 0) return
        if (!this.socket.destroyed) this.socket.write(data)
        for (const byte of data.subarray(Math.max(0, data.length - 6))) tail.push(byte)
        if (tail.length > 6) tail.splice(0, tail.length - 6)
      },
    })
    // ReadyForQuery is always the last message of a response, 6 bytes: 'Z', int32 5, status.
    const ready = tail.length === 6 && tail[0] === READY_FOR_QUERY && tail[4] === 5
    if (ready && tail[5] === IDLE) this.#releaseGate()
    else this.#armIdleTimer()
  }

  #armIdleTimer(): void {
    if (this.idleInTransactionMs <= 0) return
    this.#idleTimer = setTimeout(() => this.socket.destroy(), this.idleInTransactionMs)
    this.#idleTimer.unref()
  }

  #clearIdleTimer(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = null
  }

  #releaseGate(): void {
    const release = this.#release
    this.#release = null
    release?.()
  }

  // A client that vanishes mid-statement or mid-transaction must not leave the single
  // backend inside its transaction: finish any extended-protocol exchange, roll back, let go.
  #close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#clearIdleTimer()
    this.#queue = this.#queue.then(async () => {
      if (!this.#release) return
      try {
        await this.pglite.execProtocolRaw(SYNC)
        if (this.pglite.isInTransaction()) await this.pglite.exec('ROLLBACK')
      } finally {
        this.#releaseGate()
      }
    })
  }

  closed(): Promise<void> {
    this.socket.destroy()
    return this.#queue
  }
}

export class PGliteWireServer {
  #server: Server | null = null
  #connections = new Set<Connection>()

  constructor(
    private readonly pglite: PGlite,
    private readonly gate: Gate,
    private readonly options: Options = {},
  ) {}

  async listen(address: WireAddress): Promise<WireAddress> {
    const server = createServer((socket) => {
      const connection = new Connection(socket, this.pglite, this.gate, this.options.idleInTransactionMs ?? 60_000)
      this.#connections.add(connection)
      socket.on('close', () => this.#connections.delete(connection))
    })
    // The app's own server (or nothing, in a script) decides how long the process lives.
    server.unref()
    this.#server = server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      if ('path' in address) server.listen(address.path, resolve)
      else server.listen(address.port, address.host, resolve)
    })
    const bound = server.address()
    if (bound && typeof bound === 'object') return { host: bound.address, port: bound.port }
    return address
  }

  async close(): Promise<void> {
    const server = this.#server
    this.#server = null
    await Promise.all([...this.#connections].map((c) => c.closed()))
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
