// Pure: no I/O, browser-safe.

/**
 * Answers of a pure function, kept by key for as long as the process runs: what every draft of a job asks again (its
 * letter's own sentences, its criteria's phrasing, its panel's names). The store is emptied when it grows past
 * `limit` entries, so an unusual stream of keys costs memory only up to there.
 */
export class BoundedMemo<V> {
  private readonly kept = new Map<string, V>();
  constructor(private readonly limit = 1000) {}

  /** The answer kept under `key`, or `make()`'s, kept. */
  get(key: string, make: () => V): V {
    let found = this.kept.get(key);
    if (found === undefined) {
      found = make();
      if (this.kept.size >= this.limit) this.kept.clear();
      this.kept.set(key, found);
    }
    return found;
  }
}
