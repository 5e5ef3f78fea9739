import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    database: { kind: 'pglite' | 'postgres'; template: string; adminUrl: string | null }
  }
}
