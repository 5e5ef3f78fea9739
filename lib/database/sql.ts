// The smallest raw-SQL surface the infrastructure needs (migrations, health, locks),
// implemented over PGlite and over node-postgres alike.

export type Row = Record<string, unknown>

export type SqlSession = {
  query<R extends Row = Row>(text: string, params?: unknown[]): Promise<R[]>
  // Runs a multi-statement script with the simple query protocol (no parameters); returns the
  // rows of its last statement (a job library sends its reads this way too).
  exec(script: string): Promise<Row[]>
}

export type SqlPool = {
  // Runs `fn` on one connection that nobody else uses until it returns, so session state
  // (an advisory lock, an open transaction) belongs to `fn` alone.
  session<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>
}
