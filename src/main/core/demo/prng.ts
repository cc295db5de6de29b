/**
 * A small seeded PRNG (mulberry32) and the draws the demo needs. The demo must be reproducible from a
 * seed (tests and benchmarks compare runs), so nothing here touches Math.random.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  int(minInclusive: number, maxInclusive: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks with weights: index i is chosen with probability weights[i] / sum(weights). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes several integers into one seed, so "contact 17 of workspace 2 on X" always looks the same. */
export function hashSeed(...parts: number[]): number {
  let h = 0x811c9dc5
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193)
    h ^= h >>> 13
    h = Math.imul(h, 0x5bd1e995)
  }
  return (h ^ (h >>> 15)) >>> 0
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  const at = <T>(items: readonly T[], index: number): T => {
    const item = items[index]
    if (item === undefined) throw new Error('Cannot pick from an empty list')
    return item
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => at(items, Math.floor(next() * items.length)),
    weighted: (items, weights) => {
      let total = 0
      for (const w of weights) total += w
      let r = next() * total
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0
        if (r < 0) return at(items, i)
      }
      return at(items, items.length - 1)
    },
  }
}

/** Zipf-like weights (1/rank^s): a few items are common, most are rare, as words are in real text. */
export const zipfWeights = (count: number, s = 1): number[] =>
  Array.from({ length: count }, (_, i) => 1 / Math.pow(i + 1, s))
