// Dev-only glue around @prisma/schema-engine-wasm, Prisma's schema engine compiled to WASM.
// The native engine that `prisma migrate` needs cannot be downloaded here, so scripts/db-diff.ts
// drives the WASM build directly over an in-memory PGlite. The package is internal to Prisma and
// its API changes without notice: it is pinned exactly in package.json, and nothing under lib/
// or app/ may import it. The README (Database) lists the engine bugs worked around.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import type { SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm'
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import { PrismaPGlite } from 'pglite-prisma-adapter'

// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which Node
// cannot load without --experimental-wasm-modules. Instantiate the module by hand instead, with
// the JS glue module as its import object (that is what the bundler-style entry point does).
let loaded: Promise<typeof bindings> | undefined
function loadBindings(): Promise<typeof bindings> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url)
    // The .wasm file is not in the package's `exports`: locate it next to the entry point.
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm')
    // A Rust panic hands its message to this global, then traps with a bare "RuntimeError:
    // unreachable" (often thrown from a microtask, so no promise rejects and no caller can catch
    // it). Print the message right away: it is the only clue to what went wrong.
    const report = (message: string) => process.stderr.write(`schema engine panic: ${message}\n`)
    Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: { set_message: report } })
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      // The glue module exports exactly the functions the WASM imports; its .d.ts only declares the public API.
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    })
    bindings.__wbg_set_wasm(instance.exports)
    const start = instance.exports.__wbindgen_start
    if (typeof start !== 'function') throw new Error('@prisma/schema-engine-wasm: __wbindgen_start is missing')
    start()
    return bindings
  })()
  return loaded
}

// The PGlite adapter factory, hardened. `diff` from a live database to a datamodel only issues
// `queryRaw` (checked by tracing every adapter call), so the two overrides below are defensive:
// they keep a future engine path from silently misbehaving instead of failing loudly.
function pgliteFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(pglite)
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect()
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        queryRaw: (query) => adapter.queryRaw(query),
        executeRaw: (query) => adapter.executeRaw(query),
        startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
        getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
        dispose: () => adapter.dispose(),
        // pglite-prisma-adapter 0.7.2 calls `client.exec(script)` without awaiting it, so a failing
        // script looks successful and its error surfaces later as an unhandled rejection.
        executeScript: async (script) => {
          await pglite.exec(script)
        },
      }
    },
    // The stock factory opens a new, never-closed PGlite at `memory://shadow`. diff between a
    // live database and a datamodel needs no shadow database; fail loudly if that ever changes.
    connectToShadowDb: () => Promise.reject(new Error('db-diff provides no shadow database: apply migrations with lib/database/migrate.ts instead')),
  }
}

export type Engine = {
  // SQL that turns the connected database into `schema.prisma`; '' when they already agree.
  diffDatabaseToSchema(): Promise<string>
  close(): void
}

// An engine connected to `pglite` (which the caller owns and closes), diffing against `schemaPath`.
export async function openEngine(pglite: PGlite, schemaPath: string): Promise<Engine> {
  const { SchemaEngine } = await loadBindings()
  const files: SchemaContainer[] = [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }]
  const log = (line: string) => {
    // One JSON object per tracing event; INFO and below are noise ("Starting schema-engine-wasm").
    if (process.env.DB_DIFF_DEBUG || !/"level":"(INFO|DEBUG|TRACE)"/.test(line)) process.stderr.write(`schema-engine: ${line}\n`)
  }
  const engine: SchemaEngine = await SchemaEngine.new(
    { datamodels: files.map((file): [string, string] => [file.path, file.content]) },
    log,
    bindMigrationAwareSqlAdapterFactory(pgliteFactory(pglite)),
  )
  return {
    async diffDatabaseToSchema() {
      const result = await engine.diff({
        // `schemaDatasource` reads the connected database through the adapter (the schema files
        // are only consulted for multiSchema namespaces). `url` is rejected by this engine build
        // ("--from-url and --to-url flags are no longer supported"); `migrations` would replay the
        // folder on the factory's shadow database through executeRaw, which fails on multi-statement
        // files (database.md), instead of with the project's own runner.
        from: { tag: 'schemaDatasource', files, configDir: path.dirname(schemaPath) },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        // exitCode 2 is the engine's own "the migration is not empty" signal: more reliable than
        // inspecting the text, which for an empty diff is a comment ("-- This is an empty migration.").
        exitCode: true,
        // The engine always ignores `_prisma_migrations`; nothing else is managed outside Prisma.
        filters: { externalTables: [], externalEnums: [] },
      })
      if (result.exitCode !== 0 && result.exitCode !== 2) throw new Error(`schema engine diff exited with ${result.exitCode}`)
      return result.exitCode === 2 ? (result.stdout ?? '') : ''
    },
    close() {
      engine.free()
    },
  }
}
