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
import { BACKGROUND_APPLICATION_NAME } from './config'
import type { Gate, GateLane } from './gate'

const SSL_REQUEST = 80877103
const GSSENC_REQUEST = 80877104
const CANCEL_REQUEST = 80877102
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4)
const READY_FOR_QUERY = 0x5a // 'Z'
const TERMINATE = 0x58 // 'X'
const IDLE = 0x49 // 'I'
const MAX_MESSAGE_BYTES = 1 << 30 // PostgreSQL's own limit on one message

type Incoming = { kind: 'message' | 'terminate' | 'encryption-request' | 'cancel'; bytes: Buffer }

// Frontend messages passed to PGlite: the simple and extended query protocols. Anything else
// (COPY data, function calls, password messages, garbage) can wedge PGlite's single backend
// for good, so it is answered here with an error instead.
const FORWARDED = new Set([...'QPBDECHS'].map((c) => c.charCodeAt(0)))
const QUERY = 0x51 // 'Q'
const PARSE = 0x50 // 'P'
// COPY … FROM STDIN waits for CopyData that PGlite cannot take over this socket.
const COPY_FROM_STDIN = /\bcopy\b[\s\S]*\bfrom\s+stdin\b/i

function errorResponse(severity: 'ERROR' | 'FATAL', code: string, message: string): Buffer {
  const fields = Buffer.concat([Buffer.from(`S${severity}\0V${severity}\0C${code}\0M${message}\0`, 'utf8'), Buffer.from([0])])
  const header = Buffer.alloc(5)
  header[0] = 0x45 // 'E'
  header.writeInt32BE(4 + fields.length, 1)
  return Buffer.concat([header, fields])
}

function readyForQuery(status: number): Buffer {
  return Buffer.from([READY_FOR_QUERY, 0, 0, 0, 5, status])
}

// The SQL text of a Query or Parse message, to refuse what PGlite cannot serve.
function sqlOf(message: Buffer): string {
  const body = message.subarray(5)
  if (message[0] === QUERY) return body.toString('utf8')
  const afterName = body.indexOf(0) + 1 // Parse: statement name, then the query
  return body.subarray(afterName, body.indexOf(0, afterName)).toString('utf8')
}

// The start-up message's parameters (after its length and protocol version): name, value, …, "".
function startupParameters(message: Buffer): Map<string, string> {
  const fields = message.subarray(8).toString('utf8').split('\0')
  const parameters = new Map<string, string>()
  for (let i = 0; i + 1 < fields.length && fields[i] !== ''; i += 2) parameters.set(fields[i] ?? '', fields[i + 1] ?? '')
  return parameters
}

// A client that names itself as background work waits behind the pages at the gate.
function laneOf(startup: Buffer): GateLane {
  return startupParameters(startup).get('application_name') === BACKGROUND_APPLICATION_NAME ? 'background' : 'foreground'
}

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
  #seenStartup = false
  #idleTimer: NodeJS.Timeout | null = null
  #lane: GateLane = 'foreground'

  constructor(
    private readonly socket: Socket,
    private readonly pglite: PGlite,
    private readonly gate: Gate,
    private readonly idleInTransactionMs: number,
    private readonly onBackendFailure: (error: unknown) => void,
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
      // Cancellation is not supported: the running query finishes normally. After Terminate
      // nothing more is read, and #close rolls back whatever the client left open.
      this.socket.destroy()
      return
    }
    if (kind === 'encryption-request') {
      this.socket.write('N') // no TLS or GSS on a local socket
      return
    }
    if (this.#refused(message)) return
    this.#clearIdleTimer()
    if (!this.#release) this.#release = await this.gate.acquire(this.#lane)
    if (this.#closed) return this.#releaseGate()
    const tail: number[] = []
    try {
      await this.pglite.execProtocolRawStream(new Uint8Array(message), {
        onRawData: (data) => {
          if (data.length === 0) return
          // `data` is a view into PGlite's memory, reused for its next output: copy it, since
          // the socket may hold on to it until the client reads.
          if (!this.socket.destroyed) this.socket.write(Buffer.from(data))
          for (const byte of data.subarray(Math.max(0, data.length - 6))) tail.push(byte)
          if (tail.length > 6) tail.splice(0, tail.length - 6)
        },
      })
    } catch (error) {
      this.onBackendFailure(error)
      throw error
    }
    // ReadyForQuery is always the last message of a response, 6 bytes: 'Z', int32 5, status.
    const ready = tail.length === 6 && tail[0] === READY_FOR_QUERY && tail[4] === 5
    if (ready && tail[5] === IDLE) this.#releaseGate()
    else this.#armIdleTimer()
  }

  // Answers, without involving PGlite, what it must not see. True when the message was handled.
  #refused(message: Buffer): boolean {
    const type = message[0] ?? 0
    if (!this.#seenStartup) {
      this.#seenStartup = true
      this.#lane = laneOf(message)
      return false // the start-up message itself
    }
    if (!FORWARDED.has(type)) {
      this.socket.end(errorResponse('FATAL', '08P01', `Message type '${String.fromCharCode(type)}' is not supported by the embedded database.`))
      return true
    }
    if ((type === QUERY || type === PARSE) && COPY_FROM_STDIN.test(sqlOf(message))) {
      const refusal = errorResponse('ERROR', '0A000', 'COPY FROM STDIN is not supported by the embedded database; use INSERT.')
      // A simple query ends with ReadyForQuery; in the extended protocol the client's Sync brings it.
      this.socket.write(type === QUERY ? Buffer.concat([refusal, readyForQuery(this.pglite.isInTransaction() ? 0x54 : IDLE)]) : refusal)
      return true
    }
    return false
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
    this.#queue = this.#queue
      .then(async () => {
        if (!this.#release) return
        try {
          await this.pglite.execProtocolRaw(SYNC)
          if (this.pglite.isInTransaction()) await this.pglite.exec('ROLLBACK')
        } finally {
          this.#releaseGate()
        }
      })
      .catch((error: unknown) => this.onBackendFailure(error))
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
      const connection = new Connection(socket, this.pglite, this.gate, this.options.idleInTransactionMs ?? 60_000, (error) => this.#backendFailed(error))
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

  // PGlite threw while serving a client: its one backend may be wedged or gone, and nothing
  // can be trusted any more. Exiting frees the lock for the next process, which recovers the
  // data from the write-ahead log; hanging on would hold the lock with a dead database.
  #backendFailed(error: unknown): never {
    console.error('The embedded database failed while serving a client; exiting so it can be reopened cleanly.', error)
    process.exit(70)
  }

  async close(): Promise<void> {
    const server = this.#server
    this.#server = null
    // Stop accepting first, so no connection arrives while the others are being closed.
    const stopped = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve()
    await Promise.all([...this.#connections].map((c) => c.closed()))
    await stopped
  }
}
