import { expect, test } from 'vitest'
import { versionedCache } from '@/lib/cache/versioned'

test('a value is computed once per version and question; a new version computes afresh', async () => {
  const cache = versionedCache<string>(10)
  let computed = 0
  const compute = async () => `value ${++computed}`
  const [a, b] = await Promise.all([cache.get('1', 'q', compute), cache.get('1', 'q', compute)])
  expect([a, b, computed]).toEqual(['value 1', 'value 1', 1])
  expect(await cache.get('2', 'q', compute)).toBe('value 2')
  expect(await cache.get('2', 'other', compute)).toBe('value 3')
})

test('the least recently used entry goes first when full', async () => {
  const cache = versionedCache<string>(2)
  await cache.get('1', 'a', async () => 'a')
  await cache.get('1', 'b', async () => 'b')
  await cache.get('1', 'a', async () => 'a again') // a is now the most recent
  await cache.get('1', 'c', async () => 'c')
  expect(cache.size).toBe(2)
  expect(await cache.get('1', 'a', async () => 'recomputed a')).toBe('a')
  expect(await cache.get('1', 'b', async () => 'recomputed b')).toBe('recomputed b')
})

test('a failure is not cached', async () => {
  const cache = versionedCache<string>(2)
  await expect(cache.get('1', 'q', async () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone')
  expect(await cache.get('1', 'q', async () => 'fine')).toBe('fine')
})
