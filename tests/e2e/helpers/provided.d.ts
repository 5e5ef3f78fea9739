import 'vitest'

export type TestLogin = { email: string; password: string; name: string; apiToken?: string }

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    // One account per role, created by the global setup.
    accounts: Record<'admin' | 'editor' | 'viewer', TestLogin>
  }
}
