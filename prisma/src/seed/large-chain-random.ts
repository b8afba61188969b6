/**
 * The large chain's randomness: a small, fast generator with 128 bits of state (sfc32), one independent stream per
 * purpose and per clinician, seeded from the run's seed. Streams are keyed by name rather than drawn in sequence, so
 * the data of clinician 57 does not depend on how much randomness clinicians 1-56 used: same seed, same chain.
 * Faker's Mersenne Twister is kept for the patients' names, where its word lists matter more than speed.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    // splitmix32 over the seed and a hash of the stream name spreads nearby seeds far apart.
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < stream.length; i += 1) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
    const next = () => {
      h = (h + 0x9e3779b9) >>> 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** [0, 1) */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(options: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of options) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return options[options.length - 1][0];
  }

  /** `count` distinct items in random order (partial Fisher-Yates). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, n);
  }
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * Unique, deterministic ids shaped like the schema's uuid(7): 48 bits of the row's creation time in ms (so ids sort
 * by creation as the app's do), version 7, then the table's code and a per-table counter where v7 has random bits.
 * The counter makes every id of a table unique by construction, whatever the random streams do.
 */
export class IdMint {
  private readonly counters = new Map<number, number>();

  /** `table`: a small code per table (0-4095); `at`: creation time in ms. */
  next(table: number, at: number): string {
    const n = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, n);
    const ms = Math.max(0, Math.floor(at));
    const high = Math.floor(ms / 65_536);
    const low = ms % 65_536;
    // time (32 bits) - time (16) - version 7 + table (12) - variant + counter (14) - counter (48)
    return `${hex(high, 8)}-${hex(low, 4)}-7${hex(table, 3)}-${hex(0x8000 | Math.floor(n / 2 ** 48) % 0x4000, 4)}-${hex(n % 2 ** 48, 12)}`;
  }
}
