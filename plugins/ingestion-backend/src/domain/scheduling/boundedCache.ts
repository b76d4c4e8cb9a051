/**
 * A memo table that forgets its oldest entries beyond a size limit. The schedule expansion memoises pure
 * functions of their arguments (a parsed cron expression, the local days of a time zone): re-deriving them for each
 * of 10,000 jobs would dominate a full recompute. A Map keeps insertion order, so the oldest key is the first.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {}

  getOrCompute(key: K, compute: (key: K) => V): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      return hit;
    }
    const value = compute(key);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value as K;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
