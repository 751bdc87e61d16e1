import { createHash } from 'node:crypto';

/**
 * A keyed pseudo-random permutation of `[0, size)`: a balanced Feistel network over the
 * smallest even number of bits that covers `size`, with cycle-walking to stay inside the
 * domain (Black & Rogaway, "Ciphers with Arbitrary Finite Domains", CT-RSA 2002, §3).
 * Round keys are 32-bit words of SHA-256(seed); the round function is the murmur3 32-bit
 * finaliser applied to (half XOR key) — not a cryptographic PRF (no one needs to keep the
 * order secret), but a fast, well-mixing one, and the fairness test measures the result.
 * Six rounds are used (four already give a pseudo-random permutation for a random round
 * function: Luby & Rackoff 1988).
 *
 * `at(position)` costs a constant number of round evaluations (≈ 6 × the cycle-walk length, which is
 * below 4 on average since the covering domain is under 4 × size), whatever `size` is — so a
 * page of a random order costs the same at 100 or 100,000 proposals.
 */
export class KeyedPermutation {
  private readonly halfBits: number;
  private readonly mask: number;
  private readonly roundKeys: number[];

  /**
   * @param seed any string (the ordering seed kept per session)
   * @param size number of elements (≥ 0); positions and values are in `[0, size)`
   * @param rounds Feistel rounds (default 6)
   */
  constructor(
    seed: string,
    readonly size: number,
    rounds = 6,
  ) {
    if (!Number.isInteger(size) || size < 0 || size > 2 ** 40)
      throw new RangeError(`size out of range: ${size}`);
    let bits = 2;
    while (2 ** bits < size) bits += 2;
    this.halfBits = bits / 2;
    this.mask = 2 ** this.halfBits - 1;
    const digest = createHash('sha256').update(`concerto:random-order:${seed}`).digest();
    const more = createHash('sha256').update(digest).digest();
    const words = Buffer.concat([digest, more]);
    this.roundKeys = Array.from({ length: rounds }, (_, round) =>
      words.readUInt32BE((round * 4) % words.length),
    );
  }

  /**
   * The element placed at `position` (the permutation applied to the position).
   * @param position in `[0, size)`
   * @returns an element index in `[0, size)`; distinct positions give distinct elements
   */
  at(position: number): number {
    if (!Number.isInteger(position) || position < 0 || position >= this.size)
      throw new RangeError(`position out of range: ${position}`);
    let value = position;
    do {
      value = this.encrypt(value);
    } while (value >= this.size);
    return value;
  }

  /**
   * The position that holds `element` (the inverse permutation: `at(positionOf(e)) === e`),
   * by running the Feistel rounds backwards with the same cycle-walk.
   * @param element in `[0, size)`
   * @returns its position in `[0, size)`
   */
  positionOf(element: number): number {
    if (!Number.isInteger(element) || element < 0 || element >= this.size)
      throw new RangeError(`element out of range: ${element}`);
    let value = element;
    do {
      value = this.decrypt(value);
    } while (value >= this.size);
    return value;
  }

  private decrypt(value: number): number {
    const half = 2 ** this.halfBits;
    let left = Math.floor(value / half);
    let right = value % half;
    for (let i = this.roundKeys.length - 1; i >= 0; i--) {
      const previous = (right ^ this.round(this.roundKeys[i], left)) & this.mask;
      right = left;
      left = previous;
    }
    return left * half + right;
  }

  private encrypt(value: number): number {
    const half = 2 ** this.halfBits;
    let left = Math.floor(value / half);
    let right = value % half;
    for (const key of this.roundKeys) {
      const next = (left ^ this.round(key, right)) & this.mask;
      left = right;
      right = next;
    }
    return left * half + right;
  }

  /** murmur3's fmix32 of (half XOR key XOR the half width), reduced to the half width. */
  private round(key: number, half: number): number {
    let h = (half ^ key ^ (this.halfBits * 0x9e3779b9)) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) & this.mask;
  }
}
