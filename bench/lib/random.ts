// Deterministic randomness for the benchmarks: the same seed gives the same corpus every run,
// so figures from two runs (or two databases) compare.

// mulberry32: small, fast, good enough for synthetic data.
export function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rnd: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rnd() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

// Draws an index with probability proportional to its weight (binary search over the running sums).
export function weightedSampler(weights: readonly number[]): (rnd: () => number) => number {
  const cumulative: number[] = []
  let total = 0
  for (const w of weights) cumulative.push((total += w))
  return (rnd) => {
    const x = rnd() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

// Seeded UUIDv7s: pass the generator as `rnd`.
export { uuidv7 } from '../../lib/ids'
