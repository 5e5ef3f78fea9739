// Extraction on worker threads gives what extraction in-process gives, and a bad input fails
// with the same coded error.
import { afterAll, expect, test } from 'vitest'
import { IngestError } from '@/lib/ingest/errors'
import { extractForStorage } from '@/lib/ingest/prepare'
import { createPreparePool } from '@/lib/ingest/prepare-pool'

const pool = createPreparePool(2)
afterAll(() => pool.close())

const page = (n: number) =>
  new TextEncoder().encode(
    `<html><head><title>Ferry ${n}</title><meta property="article:published_time" content="2024-03-05T09:30:00Z"></head><body><article><h1>Ferry ${n}</h1>` +
      `<p>The island ferry number ${n} will run twice a day from May, the operator said on Monday after months of complaints.</p>` +
      `<p>Passengers had waited up to three hours for a crossing during the winter, according to a survey by the island council.</p></article></body></html>`,
  )

test('a worker extracts exactly what the main thread would', async () => {
  const inputs = [1, 2, 3, 4].map((n) => ({ bytes: page(n), name: `ferry-${n}.html`, url: `https://news.example/ferry-${n}` }))
  const fromWorkers = await Promise.all(inputs.map((input) => pool.extract(input, { publisher: 'Island News' })))
  const inProcess = inputs.map((input) => extractForStorage(input, { publisher: 'Island News' }))
  expect(fromWorkers.map((e) => [e.hash, e.url, e.draft.title, e.draft.publisher, e.fingerprints])).toEqual(inProcess.map((e) => [e.hash, e.url, e.draft.title, e.draft.publisher, e.fingerprints]))
  expect(Buffer.from(fromWorkers[0]?.rawSource ?? []).equals(Buffer.from(inProcess[0]?.rawSource ?? []))).toBe(true)
})

test('a bad input fails with its IngestError code, and the pool goes on', async () => {
  const error = await pool.extract({ bytes: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0]), name: 'scan.pdf' }, undefined).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(IngestError)
  expect((error as IngestError).code).toBe('binary')
  expect((await pool.extract({ bytes: page(5), name: 'ferry-5.html' }, undefined)).draft.title).toBe('Ferry 5')
})
