import path from 'node:path'
import type { NextConfig } from 'next'
import { expect, test } from 'vitest'
import { config as proxyConfig } from '@/proxy'
import { SECURITY_HEADERS } from '@/lib/http/security-headers'

// next.config.js is plain JavaScript (Next reads it before any TypeScript is compiled).
const nextConfig = ((await import(path.resolve(import.meta.dirname, '../../next.config.js'))) as { default: NextConfig }).default

const MB = 1024 * 1024
const megabytes = (size: unknown) => Number(/^(\d+)mb$/.exec(String(size))?.[1] ?? NaN) * MB

test('the proxy never sees the JSON API, so it neither buffers nor cuts its bodies; pages and actions go through it', () => {
  const [matcher] = proxyConfig.matcher
  const matches = (path: string) => new RegExp(`^${matcher?.source}$`).test(path)
  expect(['/', '/articles/new', '/login', '/apiary', '/api'].map(matches)).toEqual([true, true, true, true, true])
  expect(['/api/articles', '/api/import', '/api/health', '/_next/static/x.js'].map(matches)).toEqual([false, false, false, false])
})

test('the proxy keeps a server action body whole up to past the actions’ own limit, so that limit’s 413 is what a user sees', () => {
  const experimental = nextConfig.experimental ?? {}
  const actionLimit = megabytes(experimental.serverActions?.bodySizeLimit)
  // Next cuts a body at the proxy limit less up to one read (64 KiB): a megabyte of margin.
  expect(megabytes(experimental.proxyClientMaxBodySize) - actionLimit).toBeGreaterThanOrEqual(MB)
})

test('API answers get the same security headers as pages, and a CSP that allows nothing', async () => {
  const rules = (await nextConfig.headers?.()) ?? []
  const api = rules.find((rule) => rule.source === '/api/:path*')
  expect(Object.fromEntries((api?.headers ?? []).map((h) => [h.key, h.value]))).toEqual({
    ...SECURITY_HEADERS,
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  })
})
