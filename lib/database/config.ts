import path from 'node:path'

export const DEFAULT_DATA_DIR = 'data/claimline'

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string } // an absolute path
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string }

// Background work (the followed feeds' jobs, `claimline poll`) names its connections so: the
// embedded database serves it after the pages (gate.ts); on PostgreSQL the name shows its
// sessions in pg_stat_activity.
export const BACKGROUND_APPLICATION_NAME = 'claimline-background'
export type DatabaseWork = 'foreground' | 'background'

export class DatabaseUrlError extends Error {}

// DATABASE_URL: unset → embedded PGlite in ./data/claimline; `pglite:<dir>` → PGlite in <dir>;
// `pglite:memory:` → a throw-away in-memory PGlite; `postgresql://…` → a PostgreSQL server.
export function parseDatabaseUrl(url: string | undefined, cwd: string = process.cwd()): DatabaseConfig {
  const value = url?.trim()
  if (!value) return { kind: 'pglite', dataDir: path.resolve(cwd, DEFAULT_DATA_DIR) }
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value }
  if (value.startsWith('pglite:')) {
    const rest = value.slice('pglite:'.length).replace(/^\/\/(?=\/)/, '')
    if (rest === 'memory:' || rest === 'memory') return { kind: 'pglite-memory' }
    if (!rest) throw new DatabaseUrlError('DATABASE_URL "pglite:" needs a folder, e.g. pglite:./data/claimline')
    return { kind: 'pglite', dataDir: path.resolve(cwd, rest) }
  }
  throw new DatabaseUrlError(
    `DATABASE_URL must be unset, "pglite:<folder>", "pglite:memory:" or "postgresql://…"; got "${value.replace(/\/\/[^@/]*@/, '//…@')}"`,
  )
}

export function describeDatabase(config: DatabaseConfig): string {
  switch (config.kind) {
    case 'pglite':
      return `embedded PGlite at ${path.relative(process.cwd(), config.dataDir) || '.'}`
    case 'pglite-memory':
      return 'embedded PGlite in memory'
    case 'postgres':
      return `PostgreSQL at ${config.url.replace(/\/\/[^@/]*@/, '//')}`
  }
}
