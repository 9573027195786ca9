/**
 * A small seeded PRNG (mulberry32) and the draws the demo data needs. Seeds are strings naming
 * what they generate, never the clock, so every source has its own reproducible sequence.
 */

/** FNV-1a: turns a seed name into 32 bits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes an integer into 32 well-spread bits (for values that must follow from a number alone). */
export function hashInt(value: number): number {
  let h = Math.imul(value ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const HEX = '0123456789abcdef';
const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class Random {
  private state: number;

  constructor(seed: string) {
    this.state = hashString(seed);
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max]. */
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
    return at(items, Math.floor(this.next() * items.length));
  }

  /** Like pick, but favours the first items: a few customers (IPs, pages) make most requests. */
  pickSkewed<T>(items: readonly T[]): T {
    const u = this.next();
    return at(items, Math.floor(u * u * u * items.length));
  }

  /** Picks by weight: `weighted([['GET', 8], ['POST', 2]])`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const choice of choices) total += choice[1];
    let u = this.next() * total;
    for (const choice of choices) {
      u -= choice[1];
      if (u < 0) return choice[0];
    }
    return at(choices, choices.length - 1)[0];
  }

  /** Exponentially distributed, e.g. the gap between Poisson arrivals. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal around a median: latencies and durations, with a long tail. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const v = this.uint32();
      out += `${hexByte(v & 0xff)}${hexByte((v >>> 8) & 0xff)}${hexByte((v >>> 16) & 0xff)}${hexByte(v >>> 24)}`;
    }
    return out.length === length ? out : out.slice(0, length);
  }

  /** Letters and digits, as in many generated ids. */
  alnum(length: number, alphabet: string = BASE62): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return out;
  }

  /** A version 4 UUID, as Lambda and API Gateway request ids are. */
  uuid(): string {
    const h = this.hex(32);
    const variant = HEX.charAt(8 + (this.uint32() & 3));
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
  }
}

function hexByte(byte: number): string {
  return HEX_BYTES[byte] ?? '';
}

/** `items[index]`, for indexes known to be in range. */
export function at<T>(items: readonly T[], index: number): T {
  if (index < 0 || index >= items.length) throw new RangeError(`index ${index} out of 0..${items.length - 1}`);
  return items[index] as T;
}
