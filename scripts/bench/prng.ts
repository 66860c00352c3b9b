/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the corpus generator
 * needs. Deterministic across machines and Node versions: same seed, same sequence.
 */

/** Draws from one seeded stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * mulberry32: 32-bit state, good enough spread for synthetic text, and tiny.
 *
 * @example
 * const random = createRandom(1);
 * random.int(1, 6); // the same number on every run
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (p) => next() < p,
  };
}

/**
 * Derives an independent seed for a sub-stream (e.g. one per article), so that an article's
 * text does not depend on how many draws earlier articles made.
 *
 * @example
 * createRandom(deriveSeed(1, 42)); // article 42's stream for corpus seed 1
 */
export function deriveSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Fisher–Yates shuffle into a new array.
 *
 * @example
 * shuffled(createRandom(1), [1, 2, 3]);
 */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Zipf–Mandelbrot sampler over a ranked list: rank r (from 0) is drawn with weight
 * 1 / (r + 1 + offset)^exponent, like word frequencies in real text; the offset flattens the head.
 *
 * @example
 * const draw = zipfSampler(words, 1, 5); draw(random); // mostly the first words
 */
export function zipfSampler<T>(items: readonly T[], exponent: number, offset = 0): (random: Random) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let rank = 0; rank < items.length; rank++) {
    total += 1 / Math.pow(rank + 1 + offset, exponent);
    cumulative[rank] = total;
  }
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return items[low]!;
  };
}
