import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    // template: the migrated database every file copies; emptyPGlite: an initialised PGlite
    // directory without tables, for tests of a database nobody migrated (null on PostgreSQL).
    database: { kind: 'pglite' | 'postgres'; template: string; adminUrl: string | null; emptyPGlite: string | null }
  }
}
