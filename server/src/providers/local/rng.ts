/** Small deterministic hashing and PRNG helpers: same inputs → same numbers, on every platform. */

/** FNV-1a over UTF-16 code units, 32-bit. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes any number of 32-bit-ish integers into one well-spread 32-bit seed (murmur3 finaliser). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const lo = part >>> 0;
    const hi = Math.floor(Math.abs(part) / 2 ** 32) >>> 0;
    h = Math.imul(h ^ lo, 0x85ebca6b) ^ Math.imul(hi + 0x27d4eb2d, 0xc2b2ae35);
    h ^= h >>> 13;
    h = Math.imul(h, 0x27d4eb2d);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for pictures. */
export class Rng {
  private state: number;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return Math.floor(this.range(min, max + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("pick() from an empty list");
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A child generator whose stream does not depend on how many numbers this one has drawn since. */
  fork(label: string): Rng {
    return new Rng(mixSeed(this.seed, hashString(label)));
  }
}
