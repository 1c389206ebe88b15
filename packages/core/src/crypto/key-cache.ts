/**
 * Parsed or imported keys by their source text. Keys come from configuration, so a handful of entries is
 * normal; the capacity only stops a caller that passes a fresh key per request from growing memory forever.
 */
export class KeyCache<Value> {
  readonly #entries = new Map<string, Value>();

  constructor(readonly capacity = 64) {}

  getOrCreate(source: string, create: () => Value): Value {
    const cached = this.#entries.get(source);
    if (cached !== undefined) return cached;
    const value = create();
    if (this.#entries.size >= this.capacity) {
      // Maps iterate in insertion order, so the first key is the oldest entry.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(source, value);
    return value;
  }

  /** Removes the entry only while it still holds `value`, so a late failure cannot evict a newer entry. */
  delete(source: string, value: Value): void {
    if (this.#entries.get(source) === value) this.#entries.delete(source);
  }

  get size(): number {
    return this.#entries.size;
  }
}
