// Runs in every integration test file before it is imported: gives the file a database of
// its own and points DATABASE_URL (and so lib/db's client) at it.
import { afterAll, inject } from 'vitest'
import { closeDb } from '@/lib/db'
import { copyPGliteTemplate, createPostgresDatabase } from './test-databases'

const provided = inject('database')
const database = provided.kind === 'pglite' ? copyPGliteTemplate(provided.template) : await createPostgresDatabase(provided.adminUrl ?? '', provided.template)
process.env.DATABASE_URL = database.url

afterAll(async () => {
  await closeDb()
  await database.drop()
})
