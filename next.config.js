/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite reads its .wasm and
  // .data files next to its own code, which bundling loses.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', 'pg'],
  poweredByHeader: false,
  // Pasted pages and uploads go through server actions; ingestion itself caps an input at 20 MB.
  experimental: { serverActions: { bodySizeLimit: '25mb' } },
  reactStrictMode: true,
}

export default nextConfig
