/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite reads its .wasm and
  // .data files next to its own code, which bundling loses.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', 'pg', 'argon2'],
  poweredByHeader: false,
  // Pasted pages and uploads go through server actions; ingestion itself caps an input at 20 MB.
  // authInterrupts: forbidden() and unauthorized() answer 403 and 401 from pages and server
  // actions (lib/auth/guard.ts).
  experimental: { serverActions: { bodySizeLimit: '25mb' }, authInterrupts: true },
  reactStrictMode: true,
}

export default nextConfig
