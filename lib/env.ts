// The environment, validated once. Every variable the app reads is listed here (and in the README).
import { z } from 'zod'

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // unset → embedded PGlite in ./data/claimline; pglite:<dir>; pglite:memory:; postgresql://…
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Loopback by default: there are no accounts yet, so the app must not face a network unasked.
  HOST: z.string().min(1).default('127.0.0.1'),
  // "0" skips loading the two demo articles into an empty database on `npm start`.
  CLAIMLINE_DEMO_DATA: z.enum(['0', '1']).default('1'),
  // Session cookies are Secure in production. Browsers accept Secure cookies from
  // http://localhost and http://127.0.0.1, so the local quick start works; a server reached
  // over plain http on a network (not recommended) needs "0".
  CLAIMLINE_SECURE_COOKIES: z.enum(['0', '1']).optional(),
  // The address readers reach this Claimline at (https://claims.example.org): exports name each
  // claim by its permanent page there. Unset → the address the request came to (the CLI: localhost).
  CLAIMLINE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // The newsroom that publishes the fact checks: the author of every exported ClaimReview.
  CLAIMLINE_ORGANIZATION_NAME: z.string().trim().min(1).default('Claimline newsroom'),
  // How long one input's extraction, or one article's suggestions, may run on an analysis worker
  // before it is stopped (seconds). Real articles take well under one.
  CLAIMLINE_ANALYSIS_DEADLINE: z.coerce.number().positive().max(3600).default(20),
  // Items taken from one feed; the rest are left out, and the editor is told "first N of M".
  CLAIMLINE_FEED_MAX_ITEMS: z.coerce.number().int().min(1).max(100_000).default(500),
  // "0": this server does not poll followed feeds (another instance, or cron with
  // `claimline poll`, does). Feeds this instance polls at once.
  CLAIMLINE_FOLLOW_JOBS: z.enum(['0', '1']).default('1'),
  CLAIMLINE_FOLLOW_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
})

export type Env = z.infer<typeof schema>

let cached: Env | null = null

export function getEnv(): Env {
  if (cached) return cached
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`Invalid environment:\n${problems}`)
  }
  cached = parsed.data
  return cached
}

export function secureCookies(env: Env = getEnv()): boolean {
  return env.CLAIMLINE_SECURE_COOKIES ? env.CLAIMLINE_SECURE_COOKIES === '1' : env.NODE_ENV === 'production'
}
