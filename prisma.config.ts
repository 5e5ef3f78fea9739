import { defineConfig } from 'prisma/config'

// The CLI is used only for `prisma generate`; migrations are applied by lib/database/migrate.ts
// and authored by scripts/db-diff.ts, because the native schema engine cannot be installed offline.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
