import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'lib/generated/**', 'next-env.d.ts', 'node_modules/**', 'coverage/**', 'data/**', 'tmp/**', 'dist/**']),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      // An empty interface named *Registry is a slot that declaration merging fills
      // (lib/workers/pool.ts's TaskRegistry, filled by lib/analysis/tasks.ts).
      '@typescript-eslint/no-empty-object-type': ['error', { allowWithName: 'Registry$' }],
      'react/no-danger': 'error',
    },
  },
])
