/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite reads its .wasm and
  // .data files next to its own code, which bundling loses.
  // pg-boss (the followed feeds' jobs) loads pg, which is external too.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', 'pg', 'pg-boss', 'argon2'],
  poweredByHeader: false,
  // Pasted pages and uploads go through server actions; ingestion itself caps an input at 20 MB.
  // authInterrupts: forbidden() and unauthorized() answer 403 and 401 from pages and server
  // actions (lib/auth/guard.ts).
  // proxyClientMaxBodySize: the proxy (proxy.ts) copies every request body it sees into memory
  // and silently cuts it at this size (10 MB by default), so a 12 MB form reached its action
  // cut short. Set just above the server actions' limit, so that limit's own 413 is what a user
  // sees; the JSON API, whose limits go up to 100 MB, does not pass through the proxy at all.
  experimental: { serverActions: { bodySizeLimit: '25mb' }, proxyClientMaxBodySize: '26mb', authInterrupts: true },
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (tests, scripts, benchmarks too) and CI runs it;
  // the build does not check again, so a type error in a test cannot stop `npm start`.
  typescript: { ignoreBuildErrors: true },
  // The JSON API's security headers (pages get theirs, and a nonce'd CSP, from proxy.ts): the
  // same values as lib/http/security-headers.ts (a unit test compares them), and a CSP that
  // allows nothing, since a JSON answer never needs to load or run anything.
  async headers() {
    return [
      {
        source: '/api/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
        ],
      },
    ]
  },
}

export default nextConfig
